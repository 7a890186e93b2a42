import { DateTime, IANAZone } from 'luxon';
import type { ErrorDetail } from '../../domain/errors.ts';
import type { ReportFilter, ReportWindow } from './report.ts';

/**
 * The date range every report takes as query parameters: `from` and `to` are days (`yyyy-mm-dd`),
 * both included, or ISO-8601 times; a day, or a time written without an offset, is read in
 * `timezone` (an IANA zone), else in the company's own zone. The range becomes the half-open
 * `ReportWindow` of instants that reports filter on, so a day means the same hours in JSON, CSV and
 * a scheduled email.
 */

export const dateRangeFilters: readonly ReportFilter[] = [
  { name: 'from', description: 'first day (yyyy-mm-dd, included) or ISO-8601 time of the range' },
  { name: 'to', description: 'last day (yyyy-mm-dd, included) or ISO-8601 time (excluded) of the range' },
  { name: 'timezone', description: "IANA time zone the days are read in (the company's settings zone when absent)" },
];

const dayOnly = /^\d{4}-\d{2}-\d{2}$/;

/** A bound as an instant: a day starts at its local midnight; `to` as a day ends at the next one. */
const instantOf = (text: string, zone: string, end: boolean): DateTime | undefined => {
  if (dayOnly.test(text)) {
    const day = DateTime.fromISO(text, { zone });
    if (!day.isValid) return undefined;
    return end ? day.plus({ days: 1 }).startOf('day') : day.startOf('day');
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
  const time = DateTime.fromISO(text, { zone, setZone: false });
  return time.isValid ? time : undefined;
};

const boundsOf = (filters: Readonly<Record<string, string>>, zone: string) => ({
  from: filters['from'] === undefined ? undefined : instantOf(filters['from'], zone, false),
  to: filters['to'] === undefined ? undefined : instantOf(filters['to'], zone, true),
});

/** Every problem of `from`, `to` and `timezone`, each named by its parameter. */
export const dateRangeProblems = (filters: Readonly<Record<string, string>>): ErrorDetail[] => {
  const problems: ErrorDetail[] = [];
  const zone = filters['timezone'];
  if (zone !== undefined && !IANAZone.isValidZone(zone))
    problems.push({ path: 'timezone', message: 'expected an IANA time zone such as America/Chicago' });
  const bounds = boundsOf(filters, zone !== undefined && IANAZone.isValidZone(zone) ? zone : 'UTC');
  for (const name of ['from', 'to'] as const)
    if (filters[name] !== undefined && !bounds[name])
      problems.push({ path: name, message: 'expected a day yyyy-mm-dd or an ISO-8601 time' });
  if (bounds.from && bounds.to && bounds.to <= bounds.from)
    problems.push({ path: 'to', message: 'expected a range that ends after it starts' });
  return problems;
};

/** The window of a checked range, read in `timezone` or else `defaultZone`; open at an end not given. */
export const dateRangeWindow = (filters: Readonly<Record<string, string>>, defaultZone: string): ReportWindow => {
  const { from, to } = boundsOf(filters, filters['timezone'] ?? defaultZone);
  return { ...(from ? { from: from.toUTC().toISO()! } : {}), ...(to ? { until: to.toUTC().toISO()! } : {}) };
};

/** Both windows at once: the later start and the earlier end. */
export const narrowedWindow = (a: ReportWindow | undefined, b: ReportWindow | undefined): ReportWindow | undefined => {
  if (!a || !b) return a ?? b;
  const later = (x?: string, y?: string) =>
    x === undefined ? y : y === undefined ? x : Date.parse(x) >= Date.parse(y) ? x : y;
  const earlier = (x?: string, y?: string) =>
    x === undefined ? y : y === undefined ? x : Date.parse(x) <= Date.parse(y) ? x : y;
  const from = later(a.from, b.from);
  const until = earlier(a.until, b.until);
  return { ...(from !== undefined ? { from } : {}), ...(until !== undefined ? { until } : {}) };
};

/** Whether an instant (ISO) falls in the window. */
export const inWindow = (window: ReportWindow | undefined, at: string): boolean => {
  if (!window) return true;
  const t = Date.parse(at);
  return (
    (window.from === undefined || t >= Date.parse(window.from)) &&
    (window.until === undefined || t < Date.parse(window.until))
  );
};
