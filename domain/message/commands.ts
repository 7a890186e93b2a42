import type { Command } from '../decider.ts';
import type { MessageChannel } from './events.ts';

/** Every carrier's message statuses, as the carrier adapters report them. */
export type CarrierMessageProgress = 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed';

export type RequestMessage = Command<
  'RequestMessage',
  {
    messageId: string;
    campaignId: string;
    contactId: string;
    channel: MessageChannel;
    step: string;
    to: string;
    from: string;
    subject?: string;
    body: string;
    html?: string;
    requestedAt: string;
  }
>;

export type WithholdMessage = Command<
  'WithholdMessage',
  {
    messageId: string;
    campaignId: string;
    contactId: string;
    channel: MessageChannel;
    step: string;
    to: string;
    reason: string;
    at: string;
  }
>;

export type RecordMessageSent = Command<
  'RecordMessageSent',
  { messageId: string; carrierMessageId: string; sentAt: string }
>;

export type ApplyMessageStatusReport = Command<
  'ApplyMessageStatusReport',
  {
    messageId: string;
    carrierMessageId: string;
    progress: CarrierMessageProgress;
    reportedAt: string;
    errorCode?: string;
  }
>;

/** The carrier refused the message when asked (or answered an error): nothing was sent. */
export type RecordMessageFailure = Command<
  'RecordMessageFailure',
  { messageId: string; reason: string; at: string; errorCode?: string }
>;

export type MessageCommand =
  RequestMessage | WithholdMessage | RecordMessageSent | ApplyMessageStatusReport | RecordMessageFailure;
