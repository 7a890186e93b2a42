import * as t from 'io-ts';
import { eventDefinitions, type EventsOf } from '../events/eventCodecs.ts';

export const MessageChannel = t.keyof({ sms: null, email: null }, 'sms or email');
export type MessageChannel = t.TypeOf<typeof MessageChannel>;

/** Which contact of which campaign, and which workflow step: a step reaches a contact once. */
const origin = {
  messageId: t.string,
  campaignId: t.string,
  contactId: t.string,
  channel: MessageChannel,
  step: t.string,
};

/** What the carrier said about a message it accepted; `failed` and `undelivered` end in MessageFailed. */
export const ReportedProgress = t.keyof({ queued: null, sent: null, delivered: null });
export type ReportedProgress = t.TypeOf<typeof ReportedProgress>;

export const messageEvents = {
  /** Appended before the carrier is asked, on a stream that must not exist yet: a step is sent once. */
  MessageRequested: t.intersection([
    t.type({ ...origin, to: t.string, from: t.string, body: t.string, requestedAt: t.string }),
    t.partial({ subject: t.string, html: t.string }),
  ]),
  /** A step that was due but not sent, and why (the address opted out): recorded so it is never tried again. */
  MessageWithheld: t.type({ ...origin, to: t.string, reason: t.string, at: t.string }),
  MessageSent: t.type({ messageId: t.string, carrierMessageId: t.string, sentAt: t.string }),
  MessageStatusReported: t.type({
    messageId: t.string,
    carrierMessageId: t.string,
    progress: ReportedProgress,
    reportedAt: t.string,
  }),
  MessageFailed: t.intersection([
    t.type({ messageId: t.string, reason: t.string, at: t.string }),
    t.partial({ carrierMessageId: t.string, errorCode: t.string }),
  ]),
};

export type MessageEvent = EventsOf<typeof messageEvents>;

export const messageEventDefinitions = eventDefinitions(messageEvents);

/** One outbound SMS or email, from its request to its last status. */
export const messageStream = (messageId: string): string => `message-${messageId}`;
