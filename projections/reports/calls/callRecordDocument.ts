import type { InboundRoute } from '../../../domain/call/inboundRoute.ts';
import type { CapacityRecord } from '../../../domain/enrollment/events.ts';
import type { Doc } from '../../readStore.ts';

export const CALL_RECORDS = 'call_records';

/**
 * How a call record ended, in the words the retry settings, workflows and demo use, plus what only
 * the record can say: `in_progress` (requested, no outcome yet), `released` (requested, never dialled:
 * closed after a restart) and `refused_by_window` (a due call the calling window turned away; no call).
 */
export const callRecordOutcomes = [
  'answered',
  'voicemail',
  'no_answer',
  'busy',
  'failed',
  'transferred',
  'opted_out',
  'refused_by_window',
  'released',
  'in_progress',
] as const;
export type CallRecordOutcome = (typeof callRecordOutcomes)[number];

export const callDirections = ['outbound', 'inbound'] as const;

/**
 * One call, or one refusal by the calling window, of one campaign contact: from the request (with
 * the inputs of the dispatch decision) through placement, answer, end, recording, transfer and the
 * agent's summary. `requestedAt` is the report date: when the call was requested, received or refused.
 */
export type CallRecordDoc = Doc & {
  readonly campaignId: string;
  /** None for an inbound call from an unknown caller. */
  readonly contactId: string | null;
  readonly callId: string | null;
  readonly direction: (typeof callDirections)[number];
  /** An inbound call's caller; an outbound call's number is the campaign agent's, joined when read. */
  readonly from: string | null;
  readonly to: string | null;
  /** An inbound call's route and why it was taken (the local time and zone of the decision are `localTime` and `timezone`). */
  readonly route: InboundRoute | null;
  readonly outcome: CallRecordOutcome;
  readonly attempt: number | null;
  readonly run: number | null;
  readonly requestedAt: string;
  readonly placedAt: string | null;
  readonly answeredAt: string | null;
  readonly answeredBy: string | null;
  readonly endedAt: string | null;
  readonly durationSeconds: number | null;
  /** The carrier's address of the recording: never shown, only fetched on the caller's behalf. */
  readonly recordingUrl: string | null;
  readonly transferredAt: string | null;
  readonly transferredTo: string | null;
  readonly summary: string | null;
  readonly localTime: string | null;
  readonly timezone: string | null;
  readonly windowOpensAt: string | null;
  readonly windowClosesAt: string | null;
  readonly capacity: CapacityRecord | null;
  /** A refusal's closed-window reason, and when the contact is due again (none when withheld). */
  readonly refusedBecause: string | null;
  readonly nextAttemptAt: string | null;
  /** The outcomes the enrollment and the carrier gave, and a released request's reason: `outcome` is read from them. */
  readonly attemptOutcome: string | null;
  readonly carrierOutcome: string | null;
  readonly releasedBecause: string | null;
};

/** The outcome a record shows: the attempt's as settled, else the carrier's, else what is known. */
export const outcomeOf = (
  doc: Pick<CallRecordDoc, 'attemptOutcome' | 'carrierOutcome' | 'releasedBecause' | 'refusedBecause'>,
): CallRecordOutcome =>
  (doc.refusedBecause !== null
    ? 'refused_by_window'
    : (doc.attemptOutcome ??
      doc.carrierOutcome ??
      (doc.releasedBecause !== null ? 'released' : 'in_progress'))) as CallRecordOutcome;

/** A record with every field unknown; the events fill it in. */
export const emptyCallRecord = (
  id: string,
  companyId: string,
  campaignId: string,
  contactId: string | null,
  requestedAt: string,
): CallRecordDoc => ({
  _id: id,
  companyId,
  campaignId,
  contactId,
  callId: null,
  direction: 'outbound',
  from: null,
  to: null,
  route: null,
  outcome: 'in_progress',
  attempt: null,
  run: null,
  requestedAt,
  placedAt: null,
  answeredAt: null,
  answeredBy: null,
  endedAt: null,
  durationSeconds: null,
  recordingUrl: null,
  transferredAt: null,
  transferredTo: null,
  summary: null,
  localTime: null,
  timezone: null,
  windowOpensAt: null,
  windowClosesAt: null,
  capacity: null,
  refusedBecause: null,
  nextAttemptAt: null,
  attemptOutcome: null,
  carrierOutcome: null,
  releasedBecause: null,
});
