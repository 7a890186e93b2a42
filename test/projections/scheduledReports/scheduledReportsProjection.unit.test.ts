import type { ScheduledReportEvent } from '../../../domain/scheduledReport/events.ts';
import { scheduledReportsProjection } from '../../../projections/scheduledReports/scheduledReportsProjection.ts';
import { launchableDraft } from '../../domain/campaign/campaignFixtures.ts';
import { projectionSpecification } from '../../support/projectionSpecification.ts';
import { campaignDeleted, campaignId, draftSaved, draftStarted, launched, launchedAt } from '../outreachEvents.ts';

const spec = projectionSpecification(scheduledReportsProjection);
const weekly = launchableDraft.reportSchedules![0]!;
const daily = {
  id: 'daily-1',
  report: 'opt_outs' as const,
  frequency: 'daily' as const,
  time: '07:00',
  recipients: ['ops@example.com'],
};
const chicago = { companyHours: { timezone: 'America/Chicago', businessHours: [] } };
const launch = launched(launchableDraft, chicago);
// Monday 08:00 in Chicago, a week after a Monday launch (daylight time has begun).
const firstRun = '2026-03-09T13:00:00.000Z';
const claimedAt = '2026-03-09T13:00:05.000Z';

const run = { campaignId, reportId: 'r1', runId: 'run-1' };
const claimed: ScheduledReportEvent = {
  type: 'ScheduledReportRunClaimed',
  data: {
    ...run,
    period: '2026-03-09',
    dueAt: firstRun,
    window: { from: '2026-03-02T06:00:00.000Z', until: '2026-03-09T05:00:00.000Z' },
    recipients: weekly.recipients,
    messageId: 'msg-1',
    claimedAt,
  },
};
const lastRun = {
  runId: 'run-1',
  period: '2026-03-09',
  dueAt: firstRun,
  window: claimed.data.window,
  claimedAt,
  messageId: 'msg-1',
  recipients: weekly.recipients,
};
const base = { _id: campaignId, companyId: 'company-1', campaignId, campaignName: 'Spring intake' };

describe('scheduled reports read model', () => {
  it('given no campaign, when a draft starts, then it has no schedule and is never due', () =>
    spec
      .given([])
      .when([draftStarted])
      .then({
        scheduledReports: [{ ...base, status: 'DRAFT', zone: 'America/New_York', schedules: [], nextDueAt: null }],
      }));

  it('given a draft, when it is saved with a schedule and a new name, then the schedule is listed by its place, not yet running', () =>
    spec
      .given([draftStarted])
      .when([draftSaved({ name: 'Autumn intake', reportSchedules: [weekly] })])
      .then({
        scheduledReports: [
          {
            ...base,
            campaignName: 'Autumn intake',
            status: 'DRAFT',
            zone: 'America/New_York',
            schedules: [{ ...weekly, id: 'r1', activeFrom: null, lastRun: null, nextRunAt: null }],
            nextDueAt: null,
          },
        ],
      }));

  it('given a draft, when it launches, then its schedules run from the launch in the company zone, and the first run is when it is next due', () =>
    spec
      .given([draftStarted])
      .when([launch])
      .then({
        scheduledReports: [
          {
            ...base,
            status: 'LAUNCHED',
            zone: 'America/Chicago',
            schedules: [{ ...weekly, id: 'r1', activeFrom: launchedAt, lastRun: null, nextRunAt: firstRun }],
            nextDueAt: firstRun,
          },
        ],
      }));

  it('given a launched campaign, when a schedule is added twice and another removed, then the added one is kept once and the removed one is gone', () =>
    spec
      .given([draftStarted, launch])
      .when([
        { type: 'ScheduledReportAdded', data: { campaignId, schedule: daily, addedAt: launchedAt } },
        { type: 'ScheduledReportAdded', data: { campaignId, schedule: daily, addedAt: '2026-03-02T16:00:00.000Z' } },
        { type: 'ScheduledReportRemoved', data: { campaignId, reportId: 'r1', removedAt: launchedAt } },
      ])
      .then({
        scheduledReports: [
          {
            ...base,
            status: 'LAUNCHED',
            zone: 'America/Chicago',
            schedules: [{ ...daily, activeFrom: launchedAt, lastRun: null, nextRunAt: '2026-03-03T13:00:00.000Z' }],
            nextDueAt: '2026-03-03T13:00:00.000Z',
          },
        ],
      }));

  it('given a launched campaign, when a run is claimed, then it waits for its outcome and is due again at the claim', () =>
    spec
      .given([draftStarted, launch])
      .when([claimed])
      .then({
        scheduledReports: [
          {
            ...base,
            status: 'LAUNCHED',
            zone: 'America/Chicago',
            schedules: [
              {
                ...weekly,
                id: 'r1',
                activeFrom: launchedAt,
                lastRun: { ...lastRun, status: 'claimed' },
                nextRunAt: null,
              },
            ],
            nextDueAt: claimedAt,
          },
        ],
      }));

  it('given a claimed run, when it is sent, then the next run is a week after its due time', () =>
    spec
      .given([draftStarted, launch, claimed])
      .when([
        {
          type: 'ScheduledReportSent',
          data: { ...run, sentAt: claimedAt, rows: 12, recipients: weekly.recipients, messageIds: ['msg-1.0'] },
        },
      ])
      .thenDocument('scheduledReports', campaignId, {
        schedules: [
          {
            ...weekly,
            id: 'r1',
            activeFrom: launchedAt,
            lastRun: { ...lastRun, status: 'sent', sentAt: claimedAt, rows: 12, messageIds: ['msg-1.0'] },
            nextRunAt: '2026-03-16T13:00:00.000Z',
          },
        ],
        nextDueAt: '2026-03-16T13:00:00.000Z',
      }));

  it('given a claimed run, when an outcome of another run arrives, then it is not taken for this one; when this one fails, then it is failed', async () => {
    const failed = (runId: string): ScheduledReportEvent => ({
      type: 'ScheduledReportFailed',
      data: { ...run, runId, failedAt: claimedAt, error: 'mail refused' },
    });
    await spec
      .given([draftStarted, launch, claimed])
      .when([failed('run-0')])
      .thenDocument('scheduledReports', campaignId, { nextDueAt: claimedAt });
    await spec
      .given([draftStarted, launch, claimed])
      .when([failed('run-1')])
      .thenDocument('scheduledReports', campaignId, {
        schedules: [
          {
            ...weekly,
            id: 'r1',
            activeFrom: launchedAt,
            lastRun: { ...lastRun, status: 'failed', failedAt: claimedAt, error: 'mail refused' },
            nextRunAt: '2026-03-16T13:00:00.000Z',
          },
        ],
      });
  });

  it('given a draft, when it is deleted, then its document goes', () =>
    spec
      .given([draftStarted])
      .when([campaignDeleted(launchedAt)])
      .then({ scheduledReports: [] }));

  it('given no draft, when a launch arrives, then no campaign is invented', () =>
    spec.given([]).when([launch]).then({ scheduledReports: [] }));
});
