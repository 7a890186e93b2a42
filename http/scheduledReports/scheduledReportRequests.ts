import * as t from 'io-ts';
import { ReportFrequency, ReportKind, ReportWindowSpec } from '../../domain/campaign/draft.ts';
import { FiniteNumber, Weekday } from '../../domain/values.ts';
import { refuseUnknownFields } from '../unknownFields.ts';

/** A new scheduled report: its shape; the rules between values (a weekday for weekly, a valid zone) are the command's. */
export const ScheduledReportRequest = t.intersection([
  t.type({ report: ReportKind, frequency: ReportFrequency, time: t.string, recipients: t.array(t.string) }),
  t.partial({
    timezone: t.string,
    dayOfWeek: Weekday,
    dayOfMonth: FiniteNumber,
    filters: t.record(t.string, t.string),
    window: ReportWindowSpec,
  }),
]);
export type ScheduledReportRequest = t.TypeOf<typeof ScheduledReportRequest>;

const fields = new Set([
  'report',
  'frequency',
  'time',
  'timezone',
  'dayOfWeek',
  'dayOfMonth',
  'recipients',
  'filters',
  'window',
]);

/** A misspelt field would otherwise be dropped silently and the schedule run without it. */
export const unknownScheduleFields = (body: unknown): void =>
  refuseUnknownFields(body, fields, { field: 'field', of: 'a scheduled report' });
