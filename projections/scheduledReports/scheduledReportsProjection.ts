import type { CampaignEvent } from '../../domain/campaign/events.ts';
import { defaultCampaignSettings } from '../../domain/company/defaultSettings.ts';
import type { ScheduledReport, ScheduledReportEvent } from '../../domain/scheduledReport/events.ts';
import { withScheduleIds } from '../../domain/scheduledReport/scheduleIds.ts';
import { nextRunOf } from '../../domain/scheduledReport/scheduleTiming.ts';
import { projectionOf, type DocumentUpdate } from '../projection.ts';
import {
  SCHEDULED_REPORTS,
  type LastRun,
  type ScheduleDoc,
  type ScheduledReportsDoc,
} from './scheduledReportDocument.ts';

type Fed =
  | Extract<
      CampaignEvent,
      { type: 'CampaignDraftStarted' | 'CampaignDraftSaved' | 'CampaignLaunched' | 'CampaignDeleted' }
    >
  | ScheduledReportEvent;

/** Each schedule's next run and the document's earliest moment of work, from its schedules as they now are. */
const withTimes = (doc: ScheduledReportsDoc): ScheduledReportsDoc => {
  const schedules = doc.schedules.map((s): ScheduleDoc => {
    const waiting = s.lastRun?.status === 'claimed';
    const since = s.lastRun?.dueAt ?? s.activeFrom;
    const nextRunAt = doc.status === 'LAUNCHED' && since !== null && !waiting ? nextRunOf(s, doc.zone, since) : null;
    return { ...s, nextRunAt };
  });
  const moments = schedules.flatMap((s) =>
    s.lastRun?.status === 'claimed' ? [s.lastRun.claimedAt] : s.nextRunAt ? [s.nextRunAt] : [],
  );
  return { ...doc, schedules, nextDueAt: moments.length === 0 ? null : moments.reduce((a, b) => (a < b ? a : b)) };
};

const fresh = (schedules: readonly ScheduledReport[], activeFrom: string | null): ScheduleDoc[] =>
  schedules.map((s) => ({ ...s, activeFrom, lastRun: null, nextRunAt: null }));

const onSchedule = (
  doc: ScheduledReportsDoc,
  reportId: string,
  change: (s: ScheduleDoc) => ScheduleDoc,
): ScheduledReportsDoc =>
  withTimes({ ...doc, schedules: doc.schedules.map((s) => (s.id === reportId ? change(s) : s)) });

const lastRunOf = (s: ScheduleDoc, runId: string, change: (run: LastRun) => LastRun): ScheduleDoc =>
  s.lastRun && s.lastRun.runId === runId ? { ...s, lastRun: change(s.lastRun) } : s;

/** A change to a campaign's document (null deletes it); a campaign whose draft this model never saw keeps none. */
const onCampaign = (
  campaignId: string,
  change: (doc: ScheduledReportsDoc) => ScheduledReportsDoc | null,
): DocumentUpdate[] => [
  {
    collection: SCHEDULED_REPORTS,
    id: campaignId,
    apply: (current) => (current ? change(current as ScheduledReportsDoc) : null),
  },
];

/**
 * The report schedules of every campaign with their last runs, indexed by the next moment the report
 * scheduler has work, so it reads only what is due. A draft's schedules are listed but never due.
 */
export const scheduledReportsProjection = projectionOf<Fed>({
  name: 'scheduledReports',
  version: 1,
  collections: [{ name: SCHEDULED_REPORTS, indexes: [{ fields: [['nextDueAt', 1]] }] }],
  handlers: {
    CampaignDraftStarted: (event) => {
      const { campaignId: id, companyId, name } = event.data;
      const doc: ScheduledReportsDoc = {
        _id: id,
        companyId,
        campaignId: id,
        campaignName: name,
        status: 'DRAFT',
        zone: defaultCampaignSettings.timezone,
        schedules: [],
        nextDueAt: null,
      };
      return [{ collection: SCHEDULED_REPORTS, id, creates: true, apply: () => doc }];
    },
    CampaignDraftSaved: (event) =>
      onCampaign(event.data.campaignId, (doc) => {
        const { changes } = event.data;
        if (!('reportSchedules' in changes) && changes.name === undefined) return doc;
        const schedules =
          'reportSchedules' in changes ? fresh(withScheduleIds(changes.reportSchedules ?? []), null) : doc.schedules;
        return withTimes({ ...doc, campaignName: changes.name ?? doc.campaignName, schedules });
      }),
    CampaignLaunched: (event) =>
      onCampaign(event.data.campaignId, (doc) => {
        const { name, settings, launchedAt, companyHours } = event.data;
        const zone = companyHours?.timezone ?? defaultCampaignSettings.timezone;
        return withTimes({
          ...doc,
          campaignName: name,
          status: 'LAUNCHED',
          zone,
          schedules: fresh(withScheduleIds(settings.reportSchedules), launchedAt),
        });
      }),
    CampaignDeleted: (event) => onCampaign(event.data.campaignId, () => null),
    ScheduledReportAdded: (event) =>
      onCampaign(event.data.campaignId, (doc) => {
        const { schedule, addedAt } = event.data;
        if (doc.schedules.some((s) => s.id === schedule.id)) return doc;
        return withTimes({ ...doc, schedules: [...doc.schedules, ...fresh([schedule], addedAt)] });
      }),
    ScheduledReportRemoved: (event) =>
      onCampaign(event.data.campaignId, (doc) =>
        withTimes({ ...doc, schedules: doc.schedules.filter((s) => s.id !== event.data.reportId) }),
      ),
    ScheduledReportRunClaimed: (event) => {
      const { campaignId, reportId, runId, period, dueAt, window, claimedAt, messageId, recipients } = event.data;
      return onCampaign(campaignId, (doc) =>
        onSchedule(doc, reportId, (s) => ({
          ...s,
          lastRun: { runId, period, dueAt, window, claimedAt, messageId, recipients, status: 'claimed' },
        })),
      );
    },
    ScheduledReportSent: (event) => {
      const { campaignId, reportId, runId, sentAt, rows, messageIds } = event.data;
      return onCampaign(campaignId, (doc) =>
        onSchedule(doc, reportId, (s) =>
          lastRunOf(s, runId, (run) => ({ ...run, status: 'sent', sentAt, rows, messageIds })),
        ),
      );
    },
    ScheduledReportFailed: (event) => {
      const { campaignId, reportId, runId, failedAt, error } = event.data;
      return onCampaign(campaignId, (doc) =>
        onSchedule(doc, reportId, (s) => lastRunOf(s, runId, (run) => ({ ...run, status: 'failed', failedAt, error }))),
      );
    },
  },
});
