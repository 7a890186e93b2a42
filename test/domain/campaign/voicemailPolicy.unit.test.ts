import { expect } from 'chai';
import { campaignDecider } from '../../../domain/campaign/decider.ts';
import type { CampaignCommand } from '../../../domain/campaign/commands.ts';
import type { Draft, Voicemail } from '../../../domain/campaign/draft.ts';
import type { CampaignEvent } from '../../../domain/campaign/events.ts';
import { IllegalStateError, type ErrorDetail } from '../../../domain/errors.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';
import { campaignId, companyId, launchableDraft, launchableFacts, now, saved, started } from './campaignFixtures.ts';

const spec = deciderSpecification(campaignDecider);
const save = (changes: Extract<CampaignCommand, { type: 'SaveDraft' }>['data']['changes']): CampaignCommand => ({
  type: 'SaveDraft',
  data: { campaignId, companyId, changes },
});
const launch: CampaignCommand = {
  type: 'LaunchCampaign',
  data: { campaignId, companyId, now, facts: launchableFacts() },
};

const problemsWith = (voicemail: Voicemail): ErrorDetail[] => {
  const state = [started, saved({ ...launchableDraft, voicemail })].reduce(
    campaignDecider.evolve,
    campaignDecider.initialState(),
  );
  try {
    campaignDecider.decide(launch, state);
    return [];
  } catch (error) {
    expect(error).to.be.instanceOf(IllegalStateError);
    return [...(error as IllegalStateError).errors];
  }
};

const launchedSettings = (events: CampaignEvent[]): Draft =>
  (events[0] as Extract<CampaignEvent, { type: 'CampaignLaunched' }>).data.settings;

describe('the campaign voicemail policy', () => {
  it('is a draft part: autosaved, saved again only when it changes, cleared with null', () => {
    const leave: Voicemail = {
      policy: 'leave_message',
      message: 'Hello {{contact.firstName}}, please call {{company.name}}.',
    };
    spec
      .given([started])
      .when(save({ voicemail: leave }))
      .then([saved({ voicemail: leave })]);
    spec
      .given([started, saved({ voicemail: leave })])
      .when(save({ voicemail: { ...leave } }))
      .then([]);
    spec
      .given([started, saved({ voicemail: leave })])
      .when(save({ voicemail: null }))
      .then([saved({ voicemail: null })]);
  });

  it('is frozen at launch with the other settings', () => {
    const followUp: Voicemail = { policy: 'follow_up_sms', message: 'Sorry we missed you, {{contact.firstName}}.' };
    const state = [started, saved({ ...launchableDraft, voicemail: followUp })].reduce(
      campaignDecider.evolve,
      campaignDecider.initialState(),
    );
    const events = [campaignDecider.decide(launch, state)].flat();
    expect(launchedSettings(events).voicemail).to.deep.equal(followUp);
    spec
      .given([started, saved({ voicemail: followUp }), ...events])
      .when(save({ voicemail: { policy: 'hang_up' } }))
      .thenThrows(IllegalStateError);
  });

  it('launches without a policy (hanging up) and with hang_up, which needs no message', () => {
    expect(problemsWith({ policy: 'hang_up' })).to.deep.equal([]);
    const state = [started, saved(launchableDraft)].reduce(campaignDecider.evolve, campaignDecider.initialState());
    expect(launchedSettings([campaignDecider.decide(launch, state)].flat()).voicemail).to.equal(undefined);
  });

  it('needs a message to leave on the machine or to text afterwards', () => {
    for (const policy of ['leave_message', 'follow_up_sms'] as const) {
      expect(problemsWith({ policy }), policy).to.deep.equal([
        {
          path: 'voicemail.message',
          message:
            policy === 'leave_message'
              ? 'write the message for leaving a message'
              : 'write the message for a follow-up text',
        },
      ]);
      expect(
        problemsWith({ policy, message: '  \n' }).map((p) => p.path),
        policy,
      ).to.deep.equal(['voicemail.message']);
      expect(
        problemsWith({ policy, message: 'Please call {{company.name}} about case {{case.externalId}}.' }),
        policy,
      ).to.deep.equal([]);
    }
  });
});
