import type { Command } from '../decider.ts';

/** What the caller found when it looked the linked form up in the company's own forms. */
export type LinkedFormLookup = { readonly formId: string; readonly found: boolean };

/**
 * Create an AI agent; `callerNumber` arrives already normalised to E.164. The linked form, if any,
 * has been looked up in the caller's company beforehand: a decider reads no other stream.
 */
export type CreateAgent = Command<
  'CreateAgent',
  { agentId: string; name: string; voice: string; streamUrl: string; callerNumber: string; form?: LinkedFormLookup }
>;

export type AgentCommand = CreateAgent;
