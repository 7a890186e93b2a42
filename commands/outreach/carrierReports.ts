/** Carrier callbacks, as every carrier adapter reports them to the engine once parsed and verified. */

export type CallProgress = 'queued' | 'initiated' | 'ringing' | 'in_progress' | 'completed' | 'busy' | 'no_answer' | 'failed' | 'canceled';

export type AnsweredBy = 'human' | 'machine' | 'unknown';

export type CallStatusReport = {
  readonly callId: string;
  readonly carrierCallId: string;
  readonly progress: CallProgress;
  /** When the carrier says it happened; callbacks may arrive out of order and twice. */
  readonly reportedAt: string;
  /** The carrier's own ordering of its callbacks for one call, when it gives one. */
  readonly sequence?: number;
  readonly answeredBy?: AnsweredBy;
  readonly durationSeconds?: number;
  readonly recordingUrl?: string;
};

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
