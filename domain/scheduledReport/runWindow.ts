import { DateTime } from 'luxon';
import type { ReportWindowSpec } from '../campaign/draft.ts';

/** Rows whose report date is in `[from, until)`, as ISO instants; no window means every row. */
export type RunWindow = { readonly from?: string; readonly until?: string };

/**
 * The rows a run reports on: the `last` whole days, weeks or months before the run's local date, in
 * the schedule's zone (`last 1 months` on Dec 1 is Nov 1 00:00 to Dec 1 00:00 local, the previous
 * calendar month). Without a window a run reports every row up to the run.
 */
export const runWindow = (window: ReportWindowSpec | undefined, timezone: string, runAt: Date): RunWindow => {
  if (!window) return {};
  const until = DateTime.fromJSDate(runAt, { zone: timezone }).startOf('day');
  const from = until.minus({ [window.unit]: window.last });
  return { from: from.toUTC().toISO()!, until: until.toUTC().toISO()! };
};
