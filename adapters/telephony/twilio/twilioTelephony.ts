import twilio from 'twilio';
import type { PlacedCall, Telephony } from '../../../commands/outreach/telephony.ts';
import { apiUrlRequestClient } from './twilioApiUrl.ts';
import { withOurId } from './callbackUrls.ts';
import { answeredByOf, callProgressOf } from './twilioStatuses.ts';
import { closestCall, type ListedCall } from './closestCall.ts';

export type TwilioTelephonyOptions = {
  readonly accountSid: string;
  readonly authToken: string;
  /** A Twilio-compatible API (SignalWire's, a test server); undefined means Twilio's own. */
  readonly apiUrl: string | undefined;
};

/** Twilio's error for updating a call that has already ended. */
const CALL_NOT_IN_PROGRESS = 21220;
/** Twilio's error for a resource it does not have. */
const NOT_FOUND = 20404;

const isRestError = (error: unknown, code: number): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;

/** The `Telephony` port on the real `twilio` client. */
export const twilioTelephony = (options: TwilioTelephonyOptions): Telephony => {
  const client = twilio(
    options.accountSid,
    options.authToken,
    options.apiUrl ? { httpClient: apiUrlRequestClient(options.apiUrl) } : {},
  );

  return {
    async placeCall(call) {
      const statusCallback = withOurId(call.statusCallbackUrl, 'callId', call.callId);
      const created = await client.calls.create({
        to: call.to,
        from: call.from,
        url: call.instructionsUrl,
        method: 'POST',
        statusCallback,
        statusCallbackMethod: 'POST',
        statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
        // Waiting for the greeting's end lets a left message start after the beep.
        ...(call.machineDetection ? { machineDetection: 'DetectMessageEnd' } : {}),
        ...(call.record
          ? {
              record: true,
              recordingStatusCallback: statusCallback,
              recordingStatusCallbackMethod: 'POST',
              recordingStatusCallbackEvent: ['completed'],
            }
          : {}),
        ...(call.timeoutSeconds !== undefined ? { timeout: call.timeoutSeconds } : {}),
      });
      return { carrierCallId: created.sid };
    },

    async transferCall(carrierCallId, to) {
      const twiml = new twilio.twiml.VoiceResponse();
      twiml.dial(to);
      await client.calls(carrierCallId).update({ twiml: twiml.toString() });
    },

    async hangUp(carrierCallId) {
      try {
        // `completed` ends a call in any state; `canceled` would leave an answered call up.
        await client.calls(carrierCallId).update({ status: 'completed' });
      } catch (error) {
        // Hanging up a call that already ended is done.
        if (!isRestError(error, CALL_NOT_IN_PROGRESS)) throw error;
      }
    },

    async sendSms(message) {
      const sent = await client.messages.create({
        to: message.to,
        from: message.from,
        body: message.body,
        statusCallback: withOurId(message.statusCallbackUrl, 'messageId', message.messageId),
      });
      return { carrierMessageId: sent.sid };
    },

    async fetchCall(carrierCallId) {
      let call;
      try {
        call = await client.calls(carrierCallId).fetch();
      } catch (error) {
        if (isRestError(error, NOT_FOUND)) return undefined;
        throw error;
      }
      const progress = callProgressOf(call.status);
      if (!progress) throw new Error(`Twilio's status "${call.status}" of call ${carrierCallId} is not one we know`);
      const duration = Number(call.duration);
      const answeredBy = call.answeredBy ? answeredByOf(call.answeredBy) : undefined;
      return {
        progress,
        ...(call.endTime instanceof Date && !Number.isNaN(call.endTime.getTime())
          ? { endedAt: call.endTime.toISOString() }
          : {}),
        ...(call.duration !== null && Number.isInteger(duration) ? { durationSeconds: duration } : {}),
        ...(answeredBy ? { answeredBy } : {}),
      };
    },

    async findCall(callId: string, placed?: PlacedCall) {
      // Twilio keeps no field of ours on a call: without the number and time there is nothing to search by.
      if (!placed) throw new Error(`finding call ${callId} on Twilio needs the number and time it was requested at`);
      const listed = await client.calls.list({ to: placed.to, limit: 50 });
      const candidates: ListedCall[] = listed.map((call) => ({
        sid: call.sid,
        status: call.status,
        createdAt: call.dateCreated,
      }));
      const found = closestCall(candidates, new Date(placed.requestedAt));
      return found ? { carrierCallId: found.sid, status: callProgressOf(found.status) ?? found.status } : undefined;
    },
  };
};
