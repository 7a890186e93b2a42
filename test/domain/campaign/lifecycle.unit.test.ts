import { expect } from 'chai';
import { campaignDecider } from '../../../domain/campaign/decider.ts';
import type { CampaignCommand } from '../../../domain/campaign/commands.ts';
import type { CampaignEvent } from '../../../domain/campaign/events.ts';
import { IllegalStateError, NotFoundError } from '../../../domain/errors.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';
import {
  campaignId,
  companyId,
  completed,
  launchable,
  launched,
  now,
  otherCompanyId,
  paused,
  started,
} from './campaignFixtures.ts';

const spec = deciderSpecification(campaignDecider);
type Transition = 'PauseCampaign' | 'ResumeCampaign' | 'CompleteCampaign';
const command = (type: Transition, extra: { reason?: string; companyId?: string } = {}): CampaignCommand => ({
  type,
  data: { campaignId, companyId, now, ...extra },
});

const active = [...launchable, launched];
const resumed: CampaignEvent = { type: 'CampaignResumed', data: { campaignId, at: now } };

describe('campaign lifecycle', () => {
  it('pauses an active campaign, keeping the reason', () =>
    spec
      .given(active)
      .when(command('PauseCampaign', { reason: 'client request' }))
      .then([{ type: 'CampaignPaused', data: { campaignId, at: now, reason: 'client request' } }]));

  it('resumes a paused campaign', () =>
    spec
      .given([...active, paused])
      .when(command('ResumeCampaign'))
      .then([resumed]));

  it('completes an active or a paused campaign', () => {
    spec.given(active).when(command('CompleteCampaign')).then([completed]);
    spec
      .given([...active, paused])
      .when(command('CompleteCampaign'))
      .then([completed]);
  });

  it('folds the status through pause, resume and complete', () => {
    spec
      .given([...active, paused])
      .when(command('ResumeCampaign'))
      .thenState((state) => expect(state.status).to.equal('ACTIVE'));
    spec
      .given(active)
      .when(command('PauseCampaign'))
      .thenState((state) => expect(state).to.deep.include({ status: 'PAUSED', pausedAt: now }));
    spec
      .given(active)
      .when(command('CompleteCampaign'))
      .thenState((state) => expect(state).to.deep.include({ status: 'COMPLETED', completedAt: now }));
  });

  const refusals: [string, readonly CampaignEvent[], Transition, string][] = [
    ['pause a draft', [started], 'PauseCampaign', 'CAMPAIGN.NOT_ACTIVE'],
    ['pause a paused campaign', [...active, paused], 'PauseCampaign', 'CAMPAIGN.NOT_ACTIVE'],
    ['pause a completed campaign', [...active, completed], 'PauseCampaign', 'CAMPAIGN.NOT_ACTIVE'],
    ['resume a draft', [started], 'ResumeCampaign', 'CAMPAIGN.NOT_PAUSED'],
    ['resume an active campaign', active, 'ResumeCampaign', 'CAMPAIGN.NOT_PAUSED'],
    ['resume a completed campaign', [...active, completed], 'ResumeCampaign', 'CAMPAIGN.NOT_PAUSED'],
    ['complete a draft', [started], 'CompleteCampaign', 'CAMPAIGN.NOT_RUNNING'],
    ['complete a completed campaign', [...active, completed], 'CompleteCampaign', 'CAMPAIGN.NOT_RUNNING'],
  ];
  for (const [what, history, type, code] of refusals)
    it(`refuses to ${what} with a clear error`, () =>
      spec
        .given(history)
        .when(command(type))
        .thenThrows(IllegalStateError, /Cannot \w+ a campaign that is [A-Z]+; only/, code));

  it("answers not found for another company's campaign", () =>
    spec
      .given(active)
      .when(command('PauseCampaign', { companyId: otherCompanyId }))
      .thenThrows(NotFoundError));

  it('counts every event in the revision, enrolment batches too', () =>
    spec
      .given([...active, { type: 'ContactsEnrolled', data: { campaignId, batch: 0, contacts: [] } }])
      .when(command('PauseCampaign'))
      .thenState((state) => expect(state.revision).to.equal(4)));
});
