import { campaignsProjection } from '../../../projections/campaigns/campaignsProjection.ts';
import { projectionSpecification } from '../../support/projectionSpecification.ts';
import {
  campaignCompleted,
  campaignDeleted,
  campaignId,
  campaignPaused,
  campaignResumed,
  draftSaved,
  draftStarted,
  enrolled,
  launched,
  launchedAt,
} from '../outreachEvents.ts';

const spec = projectionSpecification(campaignsProjection);
const later = '2026-03-03T10:00:00.000Z';

describe('campaigns read model', () => {
  it('given no campaign, when a draft starts, then a draft with nothing counted, at revision 0', () =>
    spec
      .given([])
      .when([draftStarted])
      .thenDocument('campaigns', campaignId, {
        status: 'DRAFT',
        name: 'Spring intake',
        revision: 0,
        counts: { cases: 0, contacts: 0, enrolled: 0 },
        draft: {},
      }));

  it('given a draft, when it is saved and its builder step changes, then its name, settings and step follow, and when', () =>
    spec
      .given([draftStarted])
      .when([
        draftSaved({ name: 'Autumn intake', type: 'voice' }),
        { type: 'CampaignStepChanged', data: { campaignId, step: 'schedule' }, metadata: { occurredAt: later } },
      ])
      .thenDocument('campaigns', campaignId, {
        name: 'Autumn intake',
        draft: { type: 'voice' },
        step: 'schedule',
        revision: 2,
        updatedAt: later,
      }));

  it('given a draft, when it launches and enrols its contacts, then it is active with the list frozen and the contacts counted', () =>
    spec
      .given([draftStarted])
      .when([launched(), enrolled()])
      .thenDocument('campaigns', campaignId, {
        status: 'ACTIVE',
        counts: { cases: 1, contacts: 2, enrolled: 1 },
        revision: 2,
      }));

  it('given a launched campaign, when paused, then paused; when resumed, then active; when completed, then completed', async () => {
    await spec
      .given([draftStarted, launched()])
      .when([campaignPaused(later)])
      .thenDocument('campaigns', campaignId, { status: 'PAUSED', pausedAt: later });
    await spec
      .given([draftStarted, launched(), campaignPaused(later)])
      .when([campaignResumed(later)])
      .thenDocument('campaigns', campaignId, { status: 'ACTIVE', resumedAt: later });
    await spec
      .given([draftStarted, launched()])
      .when([campaignCompleted(later)])
      .thenDocument('campaigns', campaignId, { status: 'COMPLETED', completedAt: later });
  });

  it('given a launched campaign, when invoked, then only its revision moves on', () =>
    spec
      .given([draftStarted, launched()])
      .when([
        {
          type: 'CampaignInvoked',
          data: { campaignId, invocationId: 'inv-1', at: later, invokedBy: 'api-key:1', contacts: 1 },
        },
      ])
      .thenDocument('campaigns', campaignId, { status: 'ACTIVE', revision: 2 }));

  it('given a draft, when it is deleted, then it leaves no document', () =>
    spec
      .given([draftStarted, draftSaved({ type: 'voice' })])
      .when([campaignDeleted(later)])
      .then({ campaigns: [] }));

  it('given no draft, when a launch or a pause arrives, then no campaign is invented', () =>
    spec
      .given([])
      .when([launched(), campaignPaused(launchedAt)])
      .then({ campaigns: [] }));
});
