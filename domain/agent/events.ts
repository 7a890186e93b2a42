import * as t from 'io-ts';
import { E164, HttpUrl, NonEmptyString } from '../values.ts';
import { eventDefinitions, type EventsOf } from '../events/eventCodecs.ts';

export const agentEvents = {
  /** An AI voice agent: the voice it speaks with, where its voice AI streams, the number it calls from. */
  AgentCreated: t.intersection([
    t.type({ agentId: t.string, name: NonEmptyString, voice: NonEmptyString, streamUrl: HttpUrl, callerNumber: E164 }),
    t.partial({ formId: t.string }),
  ]),
};

export type AgentEvent = EventsOf<typeof agentEvents>;

export const agentEventDefinitions = eventDefinitions(agentEvents);

export const agentStream = (agentId: string): string => `agent-${agentId}`;
