/** Carrier callbacks, as every carrier adapter reports them to the engine once parsed and verified. */

import type { CallReport } from '../../domain/call/reports.ts';
import type { AgentReport } from './agentReports.ts';

// The domain owns the call's report shape (its decider applies it); carriers produce exactly that.
export type { AnsweredBy, CallProgress, CallReport as CallStatusReport } from '../../domain/call/reports.ts';

export type MessageProgress = 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed';

export type MessageStatusReport = {
  readonly messageId: string;
  readonly carrierMessageId: string;
  readonly progress: MessageProgress;
  readonly reportedAt: string;
  readonly errorCode?: string;
};

/** A text message a contact sent to one of the company's numbers. */
export type InboundSms = {
  readonly carrierMessageId: string;
  readonly from: string;
  readonly to: string;
  readonly body: string;
  readonly receivedAt: string;
};

/** A recipient's mailbox provider posting `List-Unsubscribe=One-Click` to the message's https link (RFC 8058). */
export type UnsubscribeClick = {
  readonly messageId: string;
  readonly to: string;
  readonly url: string;
  readonly clickedAt: string;
};

/** Where a carrier's callbacks land: the same handlers the Twilio webhook routes and the agent route call. */
export type TelephonyReportHandlers = {
  readonly callStatus: (report: CallReport) => Promise<void>;
  readonly agent: (report: AgentReport) => Promise<void>;
  readonly messageStatus: (report: MessageStatusReport) => Promise<void>;
  readonly inboundSms: (sms: InboundSms) => Promise<void>;
};

/** Where an email service's callbacks land: delivery statuses and one-click unsubscribes. */
export type EmailReportHandlers = {
  readonly messageStatus: (report: MessageStatusReport) => Promise<void>;
  readonly unsubscribe: (click: UnsubscribeClick) => Promise<void>;
};
