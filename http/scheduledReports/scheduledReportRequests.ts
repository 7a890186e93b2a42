import * as t from 'io-ts';
import { ReportFrequency, ReportKind, ReportWindowSpec } from '../../domain/campaign/draft.ts';
import { ValidationError } from '../../domain/errors.ts';
import { FiniteNumber, Weekday } from '../../domain/values.ts';

/** A new scheduled report: its shape; the rules between values (a weekday for weekly, a valid zone) are the command's. */
export const ScheduledReportRequest = t.intersection([
  t.type({ report: ReportKind, frequency: ReportFrequency, time: t.string, recipients: t.array(t.string) }),
  t.partial({ timezone: t.string, dayOfWeek: Weekday, dayOfMonth: FiniteNumber, filters: t.record(t.string, t.string), window: ReportWindowSpec }),
]);
export type ScheduledReportRequest = t.TypeOf<typeof ScheduledReportRequest>;

const fields = new Set(['report', 'frequency', 'time', 'timezone', 'dayOfWeek', 'dayOfMonth', 'recipients', 'filters', 'window']);

/** A misspelt field would otherwise be dropped silently and the schedule run without it. */
export const unknownScheduleFields = (body: unknown): void => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return;
  const unknown = Object.keys(body).filter((key) => !fields.has(key));
  if (unknown.length > 0)
    throw new ValidationError(
      'REQUEST.INVALID_BODY',
      `The request body has fields a scheduled report does not have: ${unknown.join(', ')}.`,
      unknown.map((path) => ({ path, message: `not a field of a scheduled report (expected one of ${[...fields].join(', ')})` })),
    );
};
