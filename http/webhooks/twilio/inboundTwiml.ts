import twilio from 'twilio';
import { assertNever } from '../../../domain/decider.ts';
import type { Routing } from '../../../domain/campaign/draft.ts';
import type { TimeSlot } from '../../../domain/values.ts';
import { withinSlots } from './businessHours.ts';
import { connectToAgent, type AgentStream } from './callTwiml.ts';

export type InboundAction = 'ai' | 'transfer' | 'voicemail';

export type InboundCall = {
  readonly routing: Routing;
  /** The company's hours and zone (as the campaign took them at launch); `routing.timezone` overrides the zone. */
  readonly businessHours: readonly TimeSlot[];
  readonly timezone: string;
  readonly now: Date;
  readonly stream: AgentStream;
  /** What a caller hears before leaving a message. */
  readonly voicemailGreeting: string;
  /** Where Twilio reports the message left, when anyone should hear of it. */
  readonly recordingCallbackUrl?: string;
};

/** Who takes an inbound call: schedule-based routing answers with the AI in hours and takes a message after, unless told otherwise. */
export const inboundAction = (call: InboundCall): InboundAction => {
  const { routing } = call;
  switch (routing.mode) {
    case 'ai_only':
      return 'ai';
    case 'transfer':
      return 'transfer';
    case 'schedule_based':
      return withinSlots(call.businessHours, routing.timezone ?? call.timezone, call.now)
        ? (routing.businessHours ?? 'ai')
        : (routing.afterHours ?? 'voicemail');
    default:
      return assertNever(routing.mode);
  }
};

/** The TwiML answering an inbound call; a transfer with no forwarding number falls back to the AI rather than drop the caller. */
export const inboundTwiml = (call: InboundCall): string => {
  const response = new twilio.twiml.VoiceResponse();
  const action = inboundAction(call);
  const forwardingNumber = call.routing.forwardingNumber;
  switch (action) {
    case 'transfer':
      if (forwardingNumber) response.dial(forwardingNumber);
      else connectToAgent(response, call.stream);
      break;
    case 'ai':
      connectToAgent(response, call.stream);
      break;
    case 'voicemail':
      response.say(call.voicemailGreeting);
      response.record({
        maxLength: 120,
        playBeep: true,
        ...(call.recordingCallbackUrl ? { recordingStatusCallback: call.recordingCallbackUrl, recordingStatusCallbackMethod: 'POST' } : {}),
      });
      response.hangup();
      break;
    default:
      return assertNever(action);
  }
  return response.toString();
};
