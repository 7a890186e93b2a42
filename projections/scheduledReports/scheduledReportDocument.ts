import type { ScheduledReport } from '../../domain/scheduledReport/events.ts';
import type { Doc } from '../readStore.ts';

export const SCHEDULED_REPORTS = 'scheduledReports';

/** The last run of a schedule: claimed, then sent or failed. */
export type LastRun = {
  readonly runId: string;
  readonly period: string;
  readonly dueAt: string;
  readonly window: { readonly from?: string; readonly until?: string };
  readonly claimedAt: string;
  readonly messageId: string;
  readonly recipients: readonly string[];
  readonly status: 'claimed' | 'sent' | 'failed';
  readonly sentAt?: string;
  readonly rows?: number;
  readonly messageIds?: readonly string[];
  readonly failedAt?: string;
  readonly error?: string;
};

export type ScheduleDoc = ScheduledReport & {
  /** When it started to run: the launch, or when it was added after it; null on a draft. */
  readonly activeFrom: string | null;
  readonly lastRun: LastRun | null;
  /** The next run after the last one (or the start); null on a draft or while a run waits for its outcome. */
  readonly nextRunAt: string | null;
};

/**
 * One document a campaign: its report schedules (its draft's, or launched and added since), each with
 * its last run. `nextDueAt` is the earliest moment the report scheduler has something to do for it:
 * a run due, or a claimed run still without an outcome.
 */
export type ScheduledReportsDoc = Doc & {
  readonly campaignId: string;
  readonly campaignName: string;
  readonly status: 'DRAFT' | 'LAUNCHED';
  /** The zone of schedules that name none: the company's, as launch froze it. */
  readonly zone: string;
  readonly schedules: readonly ScheduleDoc[];
  readonly nextDueAt: string | null;
};
