import * as t from 'io-ts';
import { Id, NonEmptyString } from '../../domain/values.ts';
import { CallerNumber } from './callerNumber.ts';

/** `POST /v1/agents`; the stream URL's scheme and the linked form are the decider's to judge. Unknown properties are dropped. */
export const CreateAgentRequest = t.exact(
  t.intersection([
    t.type({ name: NonEmptyString, voice: NonEmptyString, streamUrl: NonEmptyString, callerNumber: CallerNumber }),
    t.partial({ formId: Id }),
  ]),
);

export const AgentsQuery = t.partial({ formId: t.string });

export const agentSchema = {
  type: 'object',
  required: ['id', 'companyId', 'name', 'voice', 'streamUrl', 'callerNumber', 'createdAt'],
  properties: {
    id: { type: 'string' },
    companyId: { type: 'string' },
    name: { type: 'string' },
    voice: { type: 'string', description: "the voice AI's own voice name, free text" },
    streamUrl: { type: 'string', description: 'wss:// or https:// endpoint of the voice AI' },
    callerNumber: { type: 'string', description: 'E.164' },
    formId: { type: 'string', description: 'the linked form: campaigns that choose this agent get it too' },
    createdAt: { type: 'string', format: 'date-time' },
  },
};
