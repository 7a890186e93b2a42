import * as t from 'io-ts';
import { WholeNumber } from '../values.ts';
import { ReportSchedule } from '../campaign/draft.ts';
import { eventDefinitions, type EventsOf } from '../events/eventCodecs.ts';

/** A report schedule with the id it is managed by. */
export const ScheduledReport = t.intersection([ReportSchedule, t.type({ id: t.string })]);
export type ScheduledReport = t.TypeOf<typeof ScheduledReport>;

/** The rows a run reported on, `[from, until)`; no end means open. */
export const RunWindowRecord = t.partial({ from: t.string, until: t.string });

const run = { campaignId: t.string, reportId: t.string, runId: t.string };

export const scheduledReportEvents = {
  /** A schedule added to a launched campaign (a draft keeps its schedules in the draft itself). */
  ScheduledReportAdded: t.type({ campaignId: t.string, schedule: ScheduledReport, addedAt: t.string }),
  ScheduledReportRemoved: t.type({ campaignId: t.string, reportId: t.string, removedAt: t.string }),
  /**
   * A run is claimed before anything is sent: the period it covers, the rows' window and the message
   * id every recipient's copy derives from. A period is claimed once, so a run is never sent twice.
   */
  ScheduledReportRunClaimed: t.type({
    ...run,
    period: t.string,
    dueAt: t.string,
    window: RunWindowRecord,
    recipients: t.array(t.string),
    messageId: t.string,
    claimedAt: t.string,
  }),
  ScheduledReportSent: t.type({
    ...run,
    sentAt: t.string,
    rows: WholeNumber,
    recipients: t.array(t.string),
    messageIds: t.array(t.string),
  }),
  /** The run did not go out, or a restart found it claimed and unanswered and does not send it again. */
  ScheduledReportFailed: t.type({ ...run, failedAt: t.string, error: t.string }),
};

export type ScheduledReportEvent = EventsOf<typeof scheduledReportEvents>;

export const scheduledReportEventDefinitions = eventDefinitions(scheduledReportEvents);

export const reportStream = (campaignId: string): string => `report-${campaignId}`;

/** One run per schedule and local date. */
export const runIdOf = (reportId: string, period: string): string => `${reportId}/${period}`;

/** The message id of a run, the same however often it is asked for; each recipient's copy adds its place. */
export const runMessageId = (campaignId: string, reportId: string, period: string): string =>
  `report.${campaignId}.${reportId}.${period}`;

/** A scheduled report's email: it has no message stream, its run is on the report stream. */
export const isReportMessageId = (messageId: string): boolean => messageId.startsWith('report.');
