import twilio from 'twilio';
import type { InboundRoute } from '../../../domain/call/inboundRoute.ts';
import { assertNever } from '../../../domain/decider.ts';
import { connectToAgent, notInService, type AgentStream } from './callTwiml.ts';

export type InboundCallTwiml = {
  /** The route the engine decided and recorded for the call. */
  readonly route: InboundRoute;
  /** The agent's stream, for a route to the AI. */
  readonly stream?: AgentStream;
  /** What a caller hears before leaving a message. */
  readonly voicemailGreeting: string;
  /** Where Twilio reports the message left: our status route naming our call. */
  readonly recordingCallbackUrl: string;
};

/** The TwiML answering an inbound call, as its recorded route says. */
export const inboundTwiml = (call: InboundCallTwiml): string => {
  const response = new twilio.twiml.VoiceResponse();
  const { route } = call;
  switch (route.action) {
    case 'transfer':
      if (route.forwardingNumber) response.dial(route.forwardingNumber);
      else notInService(response);
      break;
    case 'ai':
      if (call.stream) connectToAgent(response, call.stream);
      else notInService(response);
      break;
    case 'voicemail':
      response.say(call.voicemailGreeting);
      response.record({
        maxLength: 120,
        playBeep: true,
        recordingStatusCallback: call.recordingCallbackUrl,
        recordingStatusCallbackMethod: 'POST',
      });
      response.hangup();
      break;
    case 'not_in_service':
      notInService(response);
      break;
    default:
      return assertNever(route.action);
  }
  return response.toString();
};
