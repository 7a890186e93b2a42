import twilio from 'twilio';
import type { AnsweredBy } from '../../../commands/outreach/carrierReports.ts';
import { assertNever } from '../../../domain/decider.ts';

/** What the agent's stream is told about the call it takes; an inbound caller may be no known contact. */
export type StreamParameters = { readonly campaignId: string; readonly callId: string; readonly contactId?: string };

export type AgentStream = { readonly streamUrl: string; readonly parameters: StreamParameters };

export type Voicemail =
  | { readonly policy: 'hang_up' }
  | { readonly policy: 'leave_message'; readonly message: string }
  /** The engine sends the SMS once the call has ended; the call itself just ends. */
  | { readonly policy: 'follow_up_sms' };

type VoiceResponse = InstanceType<typeof twilio.twiml.VoiceResponse>;

export const connectToAgent = (response: VoiceResponse, stream: AgentStream): VoiceResponse => {
  const connected = response.connect().stream({ url: stream.streamUrl });
  const { campaignId, contactId, callId } = stream.parameters;
  connected.parameter({ name: 'campaignId', value: campaignId });
  if (contactId !== undefined) connected.parameter({ name: 'contactId', value: contactId });
  connected.parameter({ name: 'callId', value: callId });
  return response;
};

/** What a caller hears when no one can take the call: the number serves no campaign, or its agent has no stream. */
export const notInService = (response: VoiceResponse): VoiceResponse => {
  response.say('This number cannot take your call.');
  response.hangup();
  return response;
};

export const notInServiceTwiml = (): string => notInService(new twilio.twiml.VoiceResponse()).toString();

/** `<Connect><Stream>` to the agent, with our ids as stream parameters. */
export const agentStreamTwiml = (stream: AgentStream): string =>
  connectToAgent(new twilio.twiml.VoiceResponse(), stream).toString();

/** What an answering machine hears, by the campaign's voicemail policy. */
export const voicemailTwiml = (voicemail: Voicemail): string => {
  const response = new twilio.twiml.VoiceResponse();
  switch (voicemail.policy) {
    case 'hang_up':
    case 'follow_up_sms':
      break;
    case 'leave_message':
      response.say(voicemail.message);
      break;
    default:
      return assertNever(voicemail);
  }
  response.hangup();
  return response.toString();
};

/** An answered outbound call: a person (or nobody could tell) meets the agent; a machine gets the voicemail policy. */
export const answeredCallTwiml = (input: {
  readonly answeredBy: AnsweredBy | undefined;
  readonly stream: AgentStream;
  readonly voicemail: Voicemail;
}): string => (input.answeredBy === 'machine' ? voicemailTwiml(input.voicemail) : agentStreamTwiml(input.stream));
