import { dispatchCampaignsProjection } from '../../../projections/outreach/dispatchCampaignsProjection.ts';
import { launchableDraft } from '../../domain/campaign/campaignFixtures.ts';
import { projectionSpecification } from '../../support/projectionSpecification.ts';
import { campaignCompleted, campaignPaused, campaignResumed, launched, launchedAt } from '../outreachEvents.ts';

const spec = projectionSpecification(dispatchCampaignsProjection);
const later = '2026-03-03T10:00:00.000Z';
const slots = [
  {
    days: ['mon', 'tue', 'wed', 'thu', 'fri'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri')[],
    start: '09:00',
    end: '17:00',
  },
];
const active = {
  _id: 'campaign-1',
  companyId: 'company-1',
  campaignId: 'campaign-1',
  status: 'ACTIVE',
  launchedAt,
  agentId: launchableDraft.agentId,
  voiceRuns: [{ index: 0, start: '2026-03-02T14:00:00.000Z', slots }],
  scheduleSlots: slots,
  concurrency: { limit: 5, pacingPerMinute: 30 },
  retry: {},
};

describe('dispatch campaigns read model', () => {
  it('given no campaign, when one launches, then the dispatcher sees its runs that call, its schedule, pace and retries', () =>
    spec
      .given([])
      .when([launched()])
      .then({ dispatch_campaigns: [active] }));

  it('given a launched campaign, when paused, resumed, then completed, then its status follows', async () => {
    await spec
      .given([launched()])
      .when([campaignPaused(later)])
      .then({ dispatch_campaigns: [{ ...active, status: 'PAUSED' }] });
    await spec
      .given([launched(), campaignPaused(later)])
      .when([campaignResumed(later)])
      .then({ dispatch_campaigns: [active] });
    await spec
      .given([launched()])
      .when([campaignCompleted(later)])
      .then({ dispatch_campaigns: [{ ...active, status: 'COMPLETED' }] });
  });

  it('given a campaign that records calls and runs that only text, then only the calling runs are listed', () =>
    spec
      .given([])
      .when([
        launched({
          ...launchableDraft,
          recordCalls: true,
          runs: [{ start: '2026-03-02T14:00:00.000Z', slots, channels: ['sms'] }, ...launchableDraft.runs!],
        }),
      ])
      .then({
        dispatch_campaigns: [
          { ...active, recordCalls: true, voiceRuns: [{ index: 1, start: '2026-03-02T14:00:00.000Z', slots }] },
        ],
      }));

  it('given a draft that never launched, when it is paused, then it never appears', () =>
    spec
      .given([])
      .when([campaignPaused(later)])
      .then({ dispatch_campaigns: [] }));
});
