import { expect } from 'chai';
import fc from 'fast-check';
import type { CampaignCommand } from '../../domain/campaign/commands.ts';
import { campaignDecider } from '../../domain/campaign/decider.ts';
import { enrolledContactsOf } from '../../domain/campaign/enrolment.ts';
import { enrolmentBatchSize } from '../../domain/campaign/events.ts';
import { listFactsOf } from '../../domain/campaign/launchValidation.ts';
import type { Command, Decider } from '../../domain/decider.ts';
import type { Event } from '../../domain/events/event.ts';
import type { ListCommand } from '../../domain/list/commands.ts';
import { listDecider } from '../../domain/list/decider.ts';
import { foldChecked, type AnyDecider } from '../support/pureFold.ts';
import {
  campaignId,
  caseOf,
  companyId,
  launchableDraft,
  launchableFacts,
  listId,
  now,
} from './campaign/campaignFixtures.ts';

/** The events a decider decides for each command in turn, refusals skipped: a history its stream could hold. */
const decided = <S, C extends Command, E extends Event>(decider: Decider<S, C, E>, commands: readonly C[]): E[] => {
  const history: E[] = [];
  let state = decider.initialState();
  for (const command of commands) {
    let events: readonly E[];
    try {
      const answer = decider.decide(command, state);
      events = Array.isArray(answer) ? answer : [answer as E];
    } catch {
      continue;
    }
    state = events.reduce(decider.evolve, state);
    history.push(...events);
  }
  return history;
};

/** Whole and in pieces, twice, with no step changing what it was given. */
const foldsPurely = <S, C extends Command, E extends Event>(
  decider: Decider<S, C, E>,
  history: readonly E[],
  cut: number,
) => {
  const any = decider as unknown as AnyDecider;
  const at = cut % (history.length + 1);
  const whole = foldChecked(any, any.initialState(), history);
  expect(foldChecked(any, any.initialState(), history)).to.deep.equal(whole);
  expect(foldChecked(any, foldChecked(any, any.initialState(), history.slice(0, at)), history.slice(at))).to.deep.equal(
    whole,
  );
};

const addressed = { campaignId, companyId };
const reason = fc.option(fc.constantFrom('client asked', 'holiday'), { nil: undefined });
const lifecycle = (type: 'PauseCampaign' | 'ResumeCampaign' | 'CompleteCampaign') =>
  reason.map((why): CampaignCommand => ({ type, data: { ...addressed, now, ...(why ? { reason: why } : {}) } }));
/** A list of 1 to 2,500 cases, so a launch enrols in one batch or several. */
const listOfCases = fc
  .integer({ min: 1, max: 2500 })
  .map((count) => Array.from({ length: count }, (_, n) => caseOf(n + 1)));

/** A draft ready to launch, then anything: most histories launch, and some do not. */
const campaignCommands = fc
  .array(
    fc.oneof(
      fc.constant<CampaignCommand[]>([{ type: 'StartDraft', data: { ...addressed, name: 'Spring intake', now } }]),
      fc
        .constantFrom('Spring intake', 'Autumn intake')
        .map((name): CampaignCommand[] => [
          { type: 'SaveDraft', data: { ...addressed, changes: { ...launchableDraft, name } } },
        ]),
      fc
        .constantFrom('details', 'audience', 'schedule', 'review')
        .map((step): CampaignCommand[] => [{ type: 'ChangeStep', data: { ...addressed, step } as never }]),
      listOfCases.map((cases): CampaignCommand[] => {
        const contacts = cases.flatMap(enrolledContactsOf);
        // The launch, then its enrolment a batch at a time, as the engine sends it.
        return [
          {
            type: 'LaunchCampaign',
            data: {
              ...addressed,
              now,
              facts: launchableFacts({ list: listFactsOf(listId, 'personal injury', 2, cases) }),
            },
          },
          ...Array.from({ length: Math.ceil(contacts.length / enrolmentBatchSize) }, (_, i): CampaignCommand => {
            const from = i * enrolmentBatchSize;
            return {
              type: 'ContinueEnrolment',
              data: {
                ...addressed,
                listId,
                listRevision: 2,
                from,
                contacts: contacts.slice(from, from + enrolmentBatchSize),
              },
            };
          }),
        ];
      }),
      lifecycle('PauseCampaign').map((command) => [command]),
      lifecycle('ResumeCampaign').map((command) => [command]),
      lifecycle('CompleteCampaign').map((command) => [command]),
      fc.constant<CampaignCommand[]>([{ type: 'DeleteCampaign', data: { ...addressed, now } }]),
    ),
    { maxLength: 12 },
  )
  .map((rest): CampaignCommand[] => [
    { type: 'StartDraft', data: { ...addressed, name: 'Spring intake', now } },
    { type: 'SaveDraft', data: { ...addressed, changes: launchableDraft } },
    ...rest.flat(),
  ]);

/** A list created, then anything. */
const listCommands = fc
  .array(
    fc.oneof(
      fc.constant<ListCommand>({
        type: 'CreateList',
        data: { listId, companyId, name: 'Everyone', caseType: 'personal injury' },
      }),
      fc.array(fc.integer({ min: 1, max: 3000 }), { maxLength: 1500 }).map((numbers): ListCommand => ({
        type: 'AddCases',
        data: { listId, companyId, cases: numbers.map((n) => caseOf(n)) },
      })),
    ),
    { maxLength: 8 },
  )
  .map((rest): ListCommand[] => [
    { type: 'CreateList', data: { listId, companyId, name: 'Everyone', caseType: 'personal injury' } },
    ...rest,
  ]);

describe('every evolve is pure on histories its decider decided', () => {
  it('campaignDecider: drafts, launches of up to 2,500 cases, pauses, resumes, completions and deletions', () => {
    fc.assert(
      fc.property(campaignCommands, fc.nat(), (commands, cut) =>
        foldsPurely(campaignDecider, decided(campaignDecider, commands), cut),
      ),
      { numRuns: 60 },
    );
  });

  it('listDecider: creation and additions of cases, some already held', () => {
    fc.assert(
      fc.property(listCommands, fc.nat(), (commands, cut) =>
        foldsPurely(listDecider, decided(listDecider, commands), cut),
      ),
      { numRuns: 60 },
    );
  });
});
