import { collection } from '../collection.ts';
import type { ReadStore } from '../readStore.ts';
import { AGENTS, type AgentDoc } from './agentsProjection.ts';

/** Where the agent's voice stream is, as the agents read model holds it: the one address a call is connected to. */
export const agentStreamUrl = async (readStore: ReadStore, agentId: string | undefined): Promise<string | undefined> =>
  agentId ? (await collection<AgentDoc>(readStore, AGENTS).get(agentId))?.streamUrl : undefined;
