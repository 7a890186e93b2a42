import { expect } from 'chai';
import fc from 'fast-check';
import { campaignDecider } from '../../../domain/campaign/decider.ts';
import type { CampaignCommand } from '../../../domain/campaign/commands.ts';
import { enrolmentBatchSize, type CampaignEvent } from '../../../domain/campaign/events.ts';
import type { ListFacts } from '../../../domain/campaign/launchValidation.ts';
import { enrolmentUnfinished } from '../../../domain/campaign/state.ts';
import { IllegalStateError } from '../../../domain/errors.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';
import { campaignId, caseOf, companyId, launchable, launchableFacts, listId, now, paused } from './campaignFixtures.ts';

const spec = deciderSpecification(campaignDecider);

/** A list of `cases` cases of one contact each, at revision 7. */
const listOf = (cases: number): ListFacts => ({
  listId,
  caseType: 'personal injury',
  revision: 7,
  cases: Array.from({ length: cases }, (_, i) => caseOf(i + 1)),
});

const launch = (list: ListFacts, taskFields?: string[]): CampaignCommand => {
  const facts = launchableFacts({ list });
  return {
    type: 'LaunchCampaign',
    data: {
      campaignId,
      companyId,
      now,
      facts: taskFields ? { ...facts, form: { ...facts.form!, taskFields } } : facts,
    },
  };
};
const carryOn = (list: ListFacts): CampaignCommand => ({
  type: 'ContinueEnrolment',
  data: { campaignId, companyId, list },
});

const decided = (history: readonly CampaignEvent[], command: CampaignCommand): CampaignEvent[] => {
  const events = campaignDecider.decide(
    command,
    history.reduce(campaignDecider.evolve, campaignDecider.initialState()),
  );
  return Array.isArray(events) ? [...(events as readonly CampaignEvent[])] : [events as CampaignEvent];
};

const batchesOf = (events: readonly CampaignEvent[]) =>
  events.flatMap((e) => (e.type === 'ContactsEnrolled' ? [e.data] : []));

describe('campaign enrolment recorded in parts', () => {
  it('given a launch cut after any of its events, when enrolment is continued, then every contact is enrolled exactly once, in batches numbered 0 to N-1 in list order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 * enrolmentBatchSize + 10 }), fc.nat(), (contacts, cut) => {
        const list = listOf(contacts);
        const launchEvents = decided(launchable, launch(list));
        const recorded = launchEvents.slice(0, 1 + (cut % launchEvents.length));
        const rest = decided([...launchable, ...recorded], carryOn(list));
        const batches = batchesOf([...recorded, ...rest]);
        expect(batches.map((b) => b.batch)).to.deep.equal(batches.map((_, i) => i));
        expect(batches.flatMap((b) => b.contacts.map((c) => c.contactId))).to.deep.equal(
          list.cases.map((c) => c.contacts[0]!.contactId),
        );
        expect(rest).to.deep.equal(launchEvents.slice(recorded.length));
      }),
      { numRuns: 40 },
    );
  });

  it('given a launch with every batch recorded, when enrolment is continued, then nothing is recorded', () =>
    spec
      .given([...launchable, ...decided(launchable, launch(listOf(2500)))])
      .when(carryOn(listOf(2500)))
      .then([]));

  it('given a launch cut after its first batch, then the campaign is ACTIVE with its enrolment unfinished and counted', () => {
    const recorded = decided(launchable, launch(listOf(2500))).slice(0, 2);
    spec
      .given(launchable)
      .when(launch(listOf(2500)))
      .thenState((whole) => expect(enrolmentUnfinished(whole)).to.equal(false));
    const state = [...launchable, ...recorded].reduce(campaignDecider.evolve, campaignDecider.initialState());
    expect(state).to.deep.include({ status: 'ACTIVE', enrolledContacts: 1000, enrolledBatches: 1 });
    expect(enrolmentUnfinished(state)).to.equal(true);
  });

  it('given the task fields frozen at launch, when enrolment is continued, then the later batches name the same', () => {
    const recorded = decided(launchable, launch(listOf(1500), ['injury_date'])).slice(0, 1);
    expect(recorded[0]!.data).to.deep.include({ taskFields: ['injury_date'] });
    const rest = decided([...launchable, ...recorded], carryOn(listOf(1500)));
    expect(batchesOf(rest).map((b) => b.taskFields)).to.deep.equal([['injury_date'], ['injury_date']]);
  });

  it('given a paused campaign with unfinished enrolment, when enrolment is continued, then it enrols the rest', () => {
    const recorded = decided(launchable, launch(listOf(1500))).slice(0, 1);
    expect(
      batchesOf(decided([...launchable, ...recorded, paused], carryOn(listOf(1500)))).map((b) => b.batch),
    ).to.deep.equal([0, 1]);
  });

  it('refuses to continue from the list at another revision than the launch froze, or holding other contacts', () => {
    const recorded = decided(launchable, launch(listOf(1500))).slice(0, 1);
    spec
      .given([...launchable, ...recorded])
      .when(carryOn({ ...listOf(1500), revision: 8 }))
      .thenThrows(IllegalStateError, /revision 7/, 'CAMPAIGN.ENROLMENT_LIST_MISMATCH');
    spec
      .given([...launchable, ...recorded])
      .when(carryOn(listOf(1400)))
      .thenThrows(IllegalStateError, /1500 contacts/, 'CAMPAIGN.ENROLMENT_LIST_MISMATCH');
  });

  it('refuses to continue the enrolment of a draft', () =>
    spec
      .given(launchable)
      .when(carryOn(listOf(3)))
      .thenThrows(IllegalStateError, /DRAFT/, 'CAMPAIGN.NOT_RUNNING'));

  it('lets only the launch and the enrolment that carries it on be recorded in parts', () => {
    expect(campaignDecider.divisible?.(launch(listOf(1)))).to.equal(true);
    expect(campaignDecider.divisible?.(carryOn(listOf(1)))).to.equal(true);
    expect(campaignDecider.divisible?.({ type: 'PauseCampaign', data: { campaignId, companyId, now } })).to.equal(
      false,
    );
  });
});
