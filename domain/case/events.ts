import * as t from 'io-ts';
import { FormAnswerCodec } from '../call/events.ts';
import { eventDefinitions, type EventsOf } from '../events/eventCodecs.ts';

/** Where a case field's value came from: the agent's answer in one call of one campaign, on one form. */
export const CaseFieldSource = t.type({
  campaignId: t.string,
  callId: t.string,
  formId: t.string,
  contactId: t.string,
});
export type CaseFieldSource = t.TypeOf<typeof CaseFieldSource>;

export const caseEvents = {
  /** Case fields the campaign's field mappings wrote from a form answer: only fields whose value changed; `null` cleared one. */
  CaseFieldsUpdated: t.type({
    listId: t.string,
    caseId: t.string,
    fields: t.record(t.string, FormAnswerCodec),
    source: CaseFieldSource,
    at: t.string,
  }),
};

export type CaseEvent = EventsOf<typeof caseEvents>;

export const caseEventDefinitions = eventDefinitions(caseEvents);

/** One case's own fields, apart from its list: a list's stream holds only additions, so it stays quick to fold however many cases change. */
export const caseStream = (listId: string, caseId: string): string => `case-${listId}.${caseId}`;
