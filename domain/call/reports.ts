import type * as t from 'io-ts';
import type { AnsweredByCodec, CallProgressCodec } from './events.ts';

/** A carrier's status of a call, in the engine's words (the carrier adapters map theirs onto these). */
export type CallProgress = t.TypeOf<typeof CallProgressCodec>;
export type AnsweredBy = t.TypeOf<typeof AnsweredByCodec>;

/** A parsed, verified status callback; the same shape as the carrier port's report. */
export type CallReport = {
  readonly callId: string;
  readonly carrierCallId: string;
  readonly progress: CallProgress;
  readonly reportedAt: string;
  readonly sequence?: number;
  readonly answeredBy?: AnsweredBy;
  readonly durationSeconds?: number;
  readonly recordingUrl?: string;
};
