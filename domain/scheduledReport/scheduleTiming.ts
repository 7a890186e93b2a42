import type { ReportSchedule } from '../campaign/draft.ts';
import { nextRunAfter, type RunTiming } from './runTimes.ts';

/** A schedule's timing in the zone it runs in: its own, else the company's as launch froze it. */
export const timingOf = (schedule: ReportSchedule, campaignZone: string): RunTiming => ({
  frequency: schedule.frequency,
  time: schedule.time,
  timezone: schedule.timezone ?? campaignZone,
  ...(schedule.dayOfWeek !== undefined ? { dayOfWeek: schedule.dayOfWeek } : {}),
  ...(schedule.dayOfMonth !== undefined ? { dayOfMonth: schedule.dayOfMonth } : {}),
});

/** The next run of a schedule after `since` (its start, or its last run), or null when it cannot run (a draft saved half-done). */
export const nextRunOf = (schedule: ReportSchedule, campaignZone: string, since: string): string | null => {
  try {
    return nextRunAfter(timingOf(schedule, campaignZone), new Date(since)).at.toISOString();
  } catch {
    return null;
  }
};
