import type { Command } from '../decider.ts';
import type { ScheduledReport } from './events.ts';

type Addressed = { campaignId: string; now: string };

export type AddScheduledReport = Command<'AddScheduledReport', Addressed & { schedule: ScheduledReport }>;
/** `launched`: the ids of the schedules the campaign's launch froze, which live on the campaign stream. */
export type RemoveScheduledReport = Command<
  'RemoveScheduledReport',
  Addressed & { reportId: string; launched: readonly string[] }
>;
export type ClaimReportRun = Command<
  'ClaimReportRun',
  Addressed & {
    reportId: string;
    period: string;
    dueAt: string;
    window: { from?: string; until?: string };
    recipients: readonly string[];
  }
>;
export type RecordReportSent = Command<
  'RecordReportSent',
  Addressed & { runId: string; rows: number; messageIds: readonly string[] }
>;
export type RecordReportFailed = Command<'RecordReportFailed', Addressed & { runId: string; error: string }>;

export type ScheduledReportCommand =
  AddScheduledReport | RemoveScheduledReport | ClaimReportRun | RecordReportSent | RecordReportFailed;
