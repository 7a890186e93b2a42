import type { AnsweredBy, CallProgress } from '../../domain/call/reports.ts';

/** What the engine asks of a phone carrier (Twilio, a Twilio-compatible API, or the simulated one). */

export type VoicemailPolicy = 'hang_up' | 'leave_message' | 'follow_up_sms';

export type PlaceCall = {
  /** Our id of the call (`call-<callId>` stream); carriers echo it back in callbacks. */
  readonly callId: string;
  readonly to: string;
  readonly from: string;
  /** Where the carrier fetches the call's instructions (TwiML) once it is answered. */
  readonly instructionsUrl: string;
  /** Where the carrier reports the call's progress (initiated, ringing, answered, completed...). */
  readonly statusCallbackUrl: string;
  readonly machineDetection: boolean;
  readonly record: boolean;
  readonly timeoutSeconds?: number;
};

export type SendSms = {
  readonly messageId: string;
  readonly to: string;
  readonly from: string;
  readonly body: string;
  readonly statusCallbackUrl: string;
};

/** What the engine recorded when it requested a call: enough for a carrier to find it again. */
export type PlacedCall = { readonly to: string; readonly requestedAt: string };

/** A call as the carrier knows it now, found by the carrier's id. */
export type CarrierCall = {
  readonly progress: CallProgress;
  readonly endedAt?: string;
  readonly durationSeconds?: number;
  readonly answeredBy?: AnsweredBy;
};

export interface Telephony {
  /** Asks the carrier to dial; answers the carrier's id of the call. */
  placeCall(call: PlaceCall): Promise<{ carrierCallId: string }>;
  /** Moves a call in progress to another number (a human at the firm). */
  transferCall(carrierCallId: string, to: string): Promise<void>;
  hangUp(carrierCallId: string): Promise<void>;
  sendSms(message: SendSms): Promise<{ carrierMessageId: string }>;
  /**
   * Looks a call up by our id, to reconcile calls requested before a crash; undefined when the carrier never heard of it.
   * `placed` (the request's number and time) lets a carrier without a field for our id (Twilio) find it by number and time.
   */
  findCall(callId: string, placed?: PlacedCall): Promise<{ carrierCallId: string; status: string } | undefined>;
  /** Asks the carrier where a placed call stands, to settle one whose final report never came; undefined when it does not know the call. */
  fetchCall(carrierCallId: string): Promise<CarrierCall | undefined>;
}
