import { expect } from 'chai';
import fc from 'fast-check';
import { campaignDecider } from '../../../domain/campaign/decider.ts';
import type { CampaignCommand } from '../../../domain/campaign/commands.ts';
import { enrolledContactsOf, nextEnrolment } from '../../../domain/campaign/enrolment.ts';
import { enrolmentBatchSize, type CampaignEvent } from '../../../domain/campaign/events.ts';
import { listFactsOf } from '../../../domain/campaign/launchValidation.ts';
import { enrolmentUnfinished, type Campaign, type CampaignState } from '../../../domain/campaign/state.ts';
import type { Case } from '../../../domain/list/events.ts';
import { IllegalStateError } from '../../../domain/errors.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';
import { campaignId, caseOf, companyId, launchable, launchableFacts, listId, now, paused } from './campaignFixtures.ts';

const spec = deciderSpecification(campaignDecider);

/** A list of `count` cases of one contact each. */
const casesOf = (count: number): Case[] => Array.from({ length: count }, (_, i) => caseOf(i + 1));

const launch = (cases: readonly Case[], taskFields?: string[]): CampaignCommand => {
  const facts = launchableFacts({ list: listFactsOf(listId, 'personal injury', 7, cases) });
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

/** The next batch as the engine sends it: the contacts `nextEnrolment` asks for, read from the list. */
const carryOn = (cases: readonly Case[], state: CampaignState, from?: number, count?: number): CampaignCommand => {
  const next = nextEnrolment(state as Campaign) ?? { from: 0, count: 0 };
  const start = from ?? next.from;
  return {
    type: 'ContinueEnrolment',
    data: {
      campaignId,
      companyId,
      listId,
      listRevision: 7,
      from: start,
      contacts: cases.flatMap(enrolledContactsOf).slice(start, start + (count ?? next.count)),
    },
  };
};

const stateOf = (history: readonly CampaignEvent[]): CampaignState =>
  history.reduce(campaignDecider.evolve, campaignDecider.initialState());

const decided = (history: readonly CampaignEvent[], command: CampaignCommand): CampaignEvent[] => {
  const events = campaignDecider.decide(command, stateOf(history));
  return Array.isArray(events) ? [...(events as readonly CampaignEvent[])] : [events as CampaignEvent];
};

/** Batches decided one after another from `history` until the enrolment is whole, as the engine carries it on. */
const enrolled = (history: readonly CampaignEvent[], cases: readonly Case[]): CampaignEvent[] => {
  const events: CampaignEvent[] = [];
  while (enrolmentUnfinished(stateOf([...history, ...events])))
    events.push(...decided([...history, ...events], carryOn(cases, stateOf([...history, ...events]))));
  return events;
};

const batchesOf = (events: readonly CampaignEvent[]) =>
  events.flatMap((e) => (e.type === 'ContactsEnrolled' ? [e.data] : []));

describe('campaign enrolment, a batch at a time', () => {
  it('given a launch cut after any of its events, when enrolment is continued, then every contact is enrolled exactly once, in batches numbered 0 to N-1 in list order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 * enrolmentBatchSize + 10 }), fc.nat(), (contacts, cut) => {
        const cases = casesOf(contacts);
        const launched = decided(launchable, launch(cases));
        const whole = [...launched, ...enrolled([...launchable, ...launched], cases)];
        const recorded = whole.slice(0, 1 + (cut % whole.length));
        const rest = enrolled([...launchable, ...recorded], cases);
        const batches = batchesOf([...recorded, ...rest]);
        expect(batches.map((b) => b.batch)).to.deep.equal(batches.map((_, i) => i));
        expect(batches.flatMap((b) => b.contacts.map((c) => c.contactId))).to.deep.equal(
          cases.map((c) => c.contacts[0]!.contactId),
        );
        expect(rest).to.deep.equal(whole.slice(recorded.length));
      }),
      { numRuns: 40 },
    );
  });

  it('launches with no contact enrolled yet, and enrols them in batches of at most 1,000', () => {
    const cases = casesOf(2500);
    const launched = decided(launchable, launch(cases));
    expect(launched.map((e) => e.type)).to.deep.equal(['CampaignLaunched']);
    expect(stateOf([...launchable, ...launched])).to.deep.include({ enrolledContacts: 0, enrolledBatches: 0 });
    const batches = batchesOf(enrolled([...launchable, ...launched], cases));
    expect(batches.map((b) => [b.batch, b.contacts.length])).to.deep.equal([
      [0, 1000],
      [1, 1000],
      [2, 500],
    ]);
  });

  it('given a launch with every batch recorded, when enrolment is continued, then nothing is recorded', () => {
    const cases = casesOf(2500);
    const history = [...launchable, ...decided(launchable, launch(cases))];
    const whole = [...history, ...enrolled(history, cases)];
    spec
      .given(whole)
      .when(carryOn(cases, stateOf(whole), 2500, 1))
      .then([]);
  });

  it('given a launch and its first batch, then the campaign is ACTIVE with its enrolment unfinished and counted', () => {
    const cases = casesOf(2500);
    const history = [...launchable, ...decided(launchable, launch(cases))];
    const state = stateOf([...history, ...decided(history, carryOn(cases, stateOf(history)))]);
    expect(state).to.deep.include({ status: 'ACTIVE', enrolledContacts: 1000, enrolledBatches: 1 });
    expect(enrolmentUnfinished(state)).to.equal(true);
  });

  it('given the task fields frozen at launch, then every batch names them', () => {
    const cases = casesOf(1500);
    const history = [...launchable, ...decided(launchable, launch(cases, ['injury_date']))];
    expect(batchesOf(enrolled(history, cases)).map((b) => b.taskFields)).to.deep.equal([
      ['injury_date'],
      ['injury_date'],
    ]);
  });

  it('says in each batch whether the campaign has any message step to prepare for', () => {
    const cases = casesOf(3);
    const history = [...launchable, ...decided(launchable, launch(cases))];
    expect(batchesOf(enrolled(history, cases)).map((b) => b.messages)).to.deep.equal([false]);
  });

  it('given a paused campaign with unfinished enrolment, when enrolment is continued, then it enrols the rest', () => {
    const cases = casesOf(1500);
    const launched = [...launchable, ...decided(launchable, launch(cases))];
    const first = [...launched, ...decided(launched, carryOn(cases, stateOf(launched)))];
    expect(batchesOf(enrolled([...first, paused], cases)).map((b) => b.batch)).to.deep.equal([1]);
  });

  it('takes a batch smaller than asked, as one too large for an append is enrolled in halves', () => {
    const cases = casesOf(1500);
    const history = [...launchable, ...decided(launchable, launch(cases))];
    const half = decided(history, carryOn(cases, stateOf(history), 0, 500));
    expect(batchesOf(half).map((b) => [b.batch, b.contacts.length])).to.deep.equal([[0, 500]]);
    expect(batchesOf(enrolled([...history, ...half], cases)).map((b) => [b.batch, b.contacts.length])).to.deep.equal([
      [1, 1000],
    ]);
  });

  it('refuses a batch that does not start where the enrolment stands, so no contact is enrolled twice', () => {
    const cases = casesOf(1500);
    const history = [...launchable, ...decided(launchable, launch(cases))];
    const first = [...history, ...decided(history, carryOn(cases, stateOf(history)))];
    spec
      .given(first)
      .when(carryOn(cases, stateOf(first), 0))
      .thenThrows(IllegalStateError, /from the 1000th/, 'CAMPAIGN.ENROLMENT_LIST_MISMATCH');
    spec
      .given(first)
      .when(carryOn(cases, stateOf(first), 1000, 0))
      .thenThrows(IllegalStateError, /not 0 from the 1000th/, 'CAMPAIGN.ENROLMENT_LIST_MISMATCH');
  });

  it('refuses to continue from the list at another revision than the launch froze', () => {
    const cases = casesOf(1500);
    const history = [...launchable, ...decided(launchable, launch(cases))];
    const command = carryOn(cases, stateOf(history));
    spec
      .given(history)
      .when({ ...command, data: { ...command.data, listRevision: 8 } } as CampaignCommand)
      .thenThrows(IllegalStateError, /revision 7/, 'CAMPAIGN.ENROLMENT_LIST_MISMATCH');
  });

  it('refuses to continue the enrolment of a draft', () =>
    spec
      .given(launchable)
      .when(carryOn(casesOf(3), stateOf(launchable), 0, 3))
      .thenThrows(IllegalStateError, /DRAFT/, 'CAMPAIGN.NOT_RUNNING'));

  it('records every decision in one event, so no campaign command needs appending in parts', () => {
    expect(campaignDecider.divisible).to.equal(undefined);
    expect(decided(launchable, launch(casesOf(2500)))).to.have.length(1);
  });
});
