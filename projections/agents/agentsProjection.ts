import type { AgentEvent } from '../../domain/agent/events.ts';
import { projectionOf } from '../projection.ts';
import type { Doc } from '../readStore.ts';

export const AGENTS = 'agents';

/** An agent as its document holds it: the AgentCreated data and when it was created. */
export type AgentDoc = Doc & {
  readonly name: string;
  readonly voice: string;
  readonly streamUrl: string;
  readonly callerNumber: string;
  readonly formId?: string;
  readonly createdAt: string;
};

/** AI agents as clients read them: one document an agent, listed per company in creation order (ids are UUIDv7). */
export const agentsProjection = projectionOf<AgentEvent>({
  name: 'agents',
  version: 1,
  collections: [
    {
      name: AGENTS,
      indexes: [
        {
          fields: [
            ['companyId', 1],
            ['_id', 1],
          ],
        },
        {
          fields: [
            ['companyId', 1],
            ['formId', 1],
            ['_id', 1],
          ],
        },
      ],
    },
  ],
  handlers: {
    AgentCreated: (event) => {
      const { agentId, ...agent } = event.data;
      const doc = { _id: agentId, companyId: event.metadata.companyId, ...agent, createdAt: event.metadata.occurredAt };
      return [{ collection: AGENTS, id: agentId, apply: () => doc }];
    },
  },
});
