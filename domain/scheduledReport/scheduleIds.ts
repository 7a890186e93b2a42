import type { ReportSchedule } from '../campaign/draft.ts';
import type { ScheduledReport } from './events.ts';

/**
 * A campaign's own schedules (its draft's, or those its launch froze) with their ids: the id the
 * scheduled-reports routes gave, or for one saved by autosave without an id, its place (`r1`, `r2`).
 */
export const withScheduleIds = (schedules: readonly ReportSchedule[] | undefined): ScheduledReport[] =>
  (schedules ?? []).map((schedule, i) => ({ ...schedule, id: schedule.id ?? `r${i + 1}` }));
