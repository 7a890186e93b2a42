/** Carrier callbacks, as every carrier adapter reports them to the engine once parsed and verified. */

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
