import { DateTime } from 'luxon';
import type { Weekday } from '../values.ts';

/**
 * When a scheduled report runs: at a local time of day in its zone, every day, on one weekday, or on
 * one day of the month (1-28, a day every month has). Each run is named by its local date, its
 * period: a schedule runs at most once per local date, so DST changes neither skip nor double a run.
 */
export type RunTiming = {
  readonly frequency: 'daily' | 'weekly' | 'monthly';
  /** HH:mm, local to `timezone`. */
  readonly time: string;
  readonly timezone: string;
  readonly dayOfWeek?: Weekday;
  readonly dayOfMonth?: number;
};

export type Run = { readonly period: string; readonly at: Date };

const weekdays: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The longest gap between two runs (a monthly one, 31 days), with room for a zone's odd dates. */
const longestGapDays = 32;

const runsOn = (timing: RunTiming, date: DateTime): boolean => {
  switch (timing.frequency) {
    case 'daily':
      return true;
    case 'weekly':
      return weekdays[date.weekday - 1] === timing.dayOfWeek;
    case 'monthly':
      return date.day === timing.dayOfMonth;
  }
};

const sameWallTime = (a: DateTime, b: DateTime): boolean =>
  a.toFormat('yyyy-MM-dd HH:mm') === b.toFormat('yyyy-MM-dd HH:mm');

/**
 * The instant of the run on a local date. A time the clocks skip (02:30 on a spring-forward day)
 * runs at the first instant after the gap; a time they repeat (01:30 on a fall-back day) runs at the
 * first of its two instants.
 */
export const runOn = (timing: RunTiming, date: DateTime): Date => {
  const [hour, minute] = timing.time.split(':').map(Number) as [number, number];
  const wanted = { year: date.year, month: date.month, day: date.day, hour, minute };
  const local = DateTime.fromObject(wanted, { zone: timing.timezone });
  const asWanted = DateTime.fromObject(wanted, { zone: 'UTC' });
  if (!sameWallTime(local.setZone('UTC', { keepLocalTime: true }), asWanted)) {
    // Luxon moves a skipped time forward by the gap; the gap ends where the wall clock first passes the wanted time.
    let at = local;
    while (at.minus({ minutes: 1 }).setZone('UTC', { keepLocalTime: true }) >= asWanted) at = at.minus({ minutes: 1 });
    return at.toJSDate();
  }
  for (const back of [60, 30]) {
    const earlier = local.minus({ minutes: back });
    if (sameWallTime(earlier, local)) return earlier.toJSDate();
  }
  return local.toJSDate();
};

const runOfDate = (timing: RunTiming, date: DateTime): Run => ({ period: date.toISODate()!, at: runOn(timing, date) });

const localDate = (timing: RunTiming, instant: Date): DateTime =>
  DateTime.fromJSDate(instant, { zone: timing.timezone }).startOf('day');

/** The first run strictly after `instant`. */
export const nextRunAfter = (timing: RunTiming, instant: Date): Run => {
  const start = localDate(timing, instant).minus({ days: 1 });
  for (let d = 0; d <= longestGapDays + 2; d++) {
    const date = start.plus({ days: d });
    if (!runsOn(timing, date)) continue;
    const run = runOfDate(timing, date);
    if (run.at.getTime() > instant.getTime()) return run;
  }
  throw new RangeError(`no run of a ${timing.frequency} schedule within ${longestGapDays} days`);
};

/** The latest run at or before `instant`: after downtime, the one run that is still owed. */
export const latestRunAtOrBefore = (timing: RunTiming, instant: Date): Run => {
  const start = localDate(timing, instant).plus({ days: 1 });
  for (let d = 0; d <= longestGapDays + 2; d++) {
    const date = start.minus({ days: d });
    if (!runsOn(timing, date)) continue;
    const run = runOfDate(timing, date);
    if (run.at.getTime() <= instant.getTime()) return run;
  }
  throw new RangeError(`no run of a ${timing.frequency} schedule within ${longestGapDays} days`);
};

/** The run owed at `now` when the last one claimed (or the schedule's start) was at `since`: at most one, however long the wait. */
export const runOwed = (timing: RunTiming, since: Date, now: Date): Run | undefined => {
  const latest = latestRunAtOrBefore(timing, now);
  return latest.at.getTime() > since.getTime() ? latest : undefined;
};
