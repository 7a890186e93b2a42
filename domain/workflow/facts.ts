import type { CallEvent } from '../call/events.ts';
import type { EnrollmentEvent } from '../enrollment/events.ts';
import type { CallOutcomeFact, FormAnswerFact } from './plan.ts';

/** The events that tell a workflow something new about a contact: an ended call, an agent's form answers. */
export type FactEvent =
  Extract<EnrollmentEvent, { type: 'CallAttemptEnded' }> | Extract<CallEvent, { type: 'FormAnswersRecorded' }>;

export type NewFacts = {
  readonly campaignId: string;
  readonly contactId: string;
  readonly at: string;
  readonly outcomes: readonly CallOutcomeFact[];
  readonly answers: readonly FormAnswerFact[];
};

/**
 * What one event adds to the contact's history, or nothing. Every read model that counts facts (the
 * due queue, campaign contacts) counts them through this, so "reviewed every fact" means the same in both.
 */
export const newFacts = (event: FactEvent): NewFacts | undefined => {
  if (event.type === 'CallAttemptEnded') {
    const { campaignId, contactId, outcome, endedAt } = event.data;
    return { campaignId, contactId, at: endedAt, outcomes: [{ outcome, at: endedAt }], answers: [] };
  }
  const { campaignId, contactId, answers, at } = event.data;
  // A cleared answer (null) triggers nothing.
  const given = Object.entries(answers).flatMap(([fieldKey, value]) =>
    value === null ? [] : [{ fieldKey, value, at }],
  );
  return given.length === 0 ? undefined : { campaignId, contactId, at, outcomes: [], answers: given };
};

export const factEventTypes: readonly FactEvent['type'][] = ['CallAttemptEnded', 'FormAnswersRecorded'];
