import type { Command } from '../decider.ts';
import type { InboundIntent } from './events.ts';

export type RecordInboundMessage = Command<
  'RecordInboundMessage',
  {
    companyId: string;
    address: string;
    to: string;
    body: string;
    carrierMessageId: string;
    receivedAt: string;
    intent: InboundIntent;
    campaignId?: string;
    contactId?: string;
  }
>;

export type ConversationCommand = RecordInboundMessage;
