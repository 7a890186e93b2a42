import * as t from 'io-ts';
import { eventDefinitions, type EventsOf } from '../events/eventCodecs.ts';
import { MessageChannel } from '../message/events.ts';
import { WholeNumber } from '../values.ts';

export const ScheduledStep = t.type({ step: t.string, messageId: t.string, channel: MessageChannel, dueAt: t.string });
export type ScheduledStep = t.TypeOf<typeof ScheduledStep>;

export const workflowEvents = {
  /**
   * The contact's history was read up to `factsSeen` facts (enrolment, call outcomes, form answers) and
   * these steps, not planned before, fall due then: the due queue wakes the contact only for them.
   */
  WorkflowStepsPlanned: t.type({
    campaignId: t.string,
    contactId: t.string,
    factsSeen: WholeNumber,
    steps: t.array(ScheduledStep),
    plannedAt: t.string,
  }),
};

export type WorkflowEvent = EventsOf<typeof workflowEvents>;

export const workflowEventDefinitions = eventDefinitions(workflowEvents);

/** One campaign contact's workflow steps: planned once each, whatever reviews the contact. */
export const workflowStream = (campaignId: string, contactId: string): string => `workflow-${campaignId}.${contactId}`;
