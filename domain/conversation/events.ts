import * as t from 'io-ts';
import { eventDefinitions, type EventsOf } from '../events/eventCodecs.ts';

/** What an inbound text asked for, as the keyword rules read it. */
export const InboundIntent = t.keyof({ opt_out: null, opt_out_request: null, opt_in: null, help: null, message: null });
export type InboundIntent = t.TypeOf<typeof InboundIntent>;

export const conversationEvents = {
  /** A text a contact sent to one of the company's numbers; the campaign and contact when the engine had reached out to them. */
  InboundMessageReceived: t.intersection([
    t.type({
      companyId: t.string,
      address: t.string,
      to: t.string,
      body: t.string,
      carrierMessageId: t.string,
      receivedAt: t.string,
      intent: InboundIntent,
    }),
    t.partial({ campaignId: t.string, contactId: t.string }),
  ]),
};

export type ConversationEvent = EventsOf<typeof conversationEvents>;

export const conversationEventDefinitions = eventDefinitions(conversationEvents);

/** One company's exchange with one phone number: what the contact sent (what the engine sent lives on message streams). */
export const conversationStream = (companyId: string, address: string): string =>
  `conversation-${companyId}.${address}`;
