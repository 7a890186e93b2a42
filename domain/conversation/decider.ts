import { assertNever, type Decider } from '../decider.ts';
import type { ConversationCommand } from './commands.ts';
import type { ConversationEvent } from './events.ts';

/** The carrier's ids of the texts already recorded: carriers deliver an inbound text more than once. */
export type ConversationState = { readonly received: ReadonlySet<string> };

const decide = (command: ConversationCommand, state: ConversationState): ConversationEvent[] => {
  switch (command.type) {
    case 'RecordInboundMessage':
      if (state.received.has(command.data.carrierMessageId)) return [];
      return [{ type: 'InboundMessageReceived', data: command.data }];
    default:
      return assertNever(command.type);
  }
};

const evolve = (state: ConversationState, event: ConversationEvent): ConversationState => {
  switch (event.type) {
    case 'InboundMessageReceived':
      return { received: new Set([...state.received, event.data.carrierMessageId]) };
    default:
      return assertNever(event.type);
  }
};

/** A contact's texts to a company, each recorded once. */
export const conversationDecider: Decider<ConversationState, ConversationCommand, ConversationEvent> = {
  decide,
  evolve,
  initialState: () => ({ received: new Set() }),
};
