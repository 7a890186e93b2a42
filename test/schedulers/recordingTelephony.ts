import type { PlaceCall, PlacedCall, Telephony } from '../../commands/outreach/telephony.ts';
import { callProgressOf } from '../../adapters/telephony/twilio/twilioStatuses.ts';

/**
 * A stand-in for the carrier port only: it records every call it is asked to place and can lose
 * the dial (a crash before the carrier heard) or its answer (a crash after), and knows its calls by
 * their Twilio status (`finish`) until told to `forget` them.
 */
export const recordingTelephony = () => {
  const placed: PlaceCall[] = [];
  const byCallId = new Map<string, { carrierCallId: string; status: string }>();
  const faults: ('lose_dial' | 'lose_answer')[] = [];
  const telephony: Telephony & {
    placed: PlaceCall[];
    failNext(fault: 'lose_dial' | 'lose_answer'): void;
    finish(callId: string, status: string): void;
    forget(callId: string): void;
    carrierCallIdOf(callId: string): string;
  } = {
    placed,
    carrierCallIdOf: (callId) => byCallId.get(callId)?.carrierCallId ?? `unplaced ${callId}`,
    forget: (callId) => void byCallId.delete(callId),
    failNext: (fault) => faults.push(fault),
    finish: (callId, status) => {
      const call = byCallId.get(callId);
      if (call) call.status = status;
    },
    placeCall: async (call) => {
      const fault = faults.shift();
      if (fault === 'lose_dial') throw new Error('connection reset before the carrier answered');
      placed.push(call);
      const carrierCallId = `CA${String(placed.length).padStart(32, '0')}`;
      byCallId.set(call.callId, { carrierCallId, status: 'queued' });
      if (fault === 'lose_answer') throw new Error('connection reset after the carrier took the call');
      return { carrierCallId };
    },
    findCall: async (callId: string, _placed?: PlacedCall) => byCallId.get(callId),
    fetchCall: async (carrierCallId: string) => {
      const call = [...byCallId.values()].find((known) => known.carrierCallId === carrierCallId);
      const progress = call && callProgressOf(call.status);
      return progress && { progress };
    },
    transferCall: async () => {},
    hangUp: async () => {},
    sendSms: async (message) => ({ carrierMessageId: `SM-${message.messageId}` }),
  };
  return telephony;
};
