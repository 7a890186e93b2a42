import { expect } from 'chai';
import { XMLParser } from 'fast-xml-parser';
import {
  answeredCallTwiml,
  agentStreamTwiml,
  voicemailTwiml,
  type AgentStream,
} from '../../../http/webhooks/twilio/callTwiml.ts';
import { inboundTwiml } from '../../../http/webhooks/twilio/inboundTwiml.ts';
import type { InboundRoute } from '../../../domain/call/inboundRoute.ts';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => name === 'Parameter',
});
const parse = (twiml: string): any => parser.parse(twiml).Response;

const stream: AgentStream = {
  streamUrl: 'wss://agent.example.com/s?x=1&y=2',
  parameters: { campaignId: 'camp-1', contactId: 'cont-1', callId: 'call-1' },
};

describe('TwiML for our calls', () => {
  it('connects an answered call to the agent stream with our ids as parameters', () => {
    const response = parse(agentStreamTwiml(stream));
    expect(response.Connect.Stream['@url']).to.equal('wss://agent.example.com/s?x=1&y=2');
    expect(response.Connect.Stream.Parameter).to.deep.equal([
      { '@name': 'campaignId', '@value': 'camp-1' },
      { '@name': 'contactId', '@value': 'cont-1' },
      { '@name': 'callId', '@value': 'call-1' },
    ]);
  });

  it('leaves contactId out for a caller who is no known contact', () => {
    const response = parse(agentStreamTwiml({ ...stream, parameters: { campaignId: 'camp-1', callId: 'call-2' } }));
    expect(response.Connect.Stream.Parameter.map((p: any) => p['@name'])).to.deep.equal(['campaignId', 'callId']);
  });

  it('follows the voicemail policy: hang up, leave the message then hang up, or hang up for the SMS to follow', () => {
    expect(parse(voicemailTwiml({ policy: 'hang_up' }))).to.deep.equal({ Hangup: '' });
    expect(parse(voicemailTwiml({ policy: 'follow_up_sms' }))).to.deep.equal({ Hangup: '' });
    expect(
      parse(voicemailTwiml({ policy: 'leave_message', message: 'Please call Hartley & Vance <back>.' })),
    ).to.deep.equal({
      Say: 'Please call Hartley & Vance <back>.',
      Hangup: '',
    });
  });

  it('sends a machine to the voicemail policy and anyone else to the agent', () => {
    const voicemail = { policy: 'leave_message', message: 'Call us.' } as const;
    expect(parse(answeredCallTwiml({ answeredBy: 'machine', stream, voicemail }))).to.have.property('Say', 'Call us.');
    for (const answeredBy of ['human', 'unknown', undefined] as const) {
      expect(parse(answeredCallTwiml({ answeredBy, stream, voicemail })), String(answeredBy)).to.have.nested.property(
        'Connect.Stream',
      );
    }
  });
});

describe('TwiML for inbound calls, as their recorded route says', () => {
  const twiml = (route: InboundRoute, withStream = true) =>
    parse(
      inboundTwiml({
        route,
        ...(withStream ? { stream } : {}),
        voicemailGreeting: 'Please leave a message.',
        recordingCallbackUrl: 'https://engine.example.com/webhooks/twilio/voice/status?callId=c-1',
      }),
    );

  it('answers with the AI, also when a transfer fell back to it', () => {
    expect(twiml({ action: 'ai', reason: 'ai_only' })).to.have.nested.property('Connect.Stream.@url', stream.streamUrl);
    expect(twiml({ action: 'ai', reason: 'transfer_mode', fallback: 'no_forwarding_number' })).to.have.nested.property(
      'Connect.Stream.@url',
      stream.streamUrl,
    );
  });

  it('dials the forwarding number of a transfer', () => {
    expect(twiml({ action: 'transfer', reason: 'transfer_mode', forwardingNumber: '+12125550123' })).to.deep.equal({
      Dial: '+12125550123',
    });
  });

  it('takes a message with a beep and our status route, naming our call, as the recording callback', () => {
    const response = twiml({ action: 'voicemail', reason: 'after_hours' });
    expect(response.Say).to.equal('Please leave a message.');
    expect(response.Record).to.include({
      '@maxLength': '120',
      '@playBeep': 'true',
      '@recordingStatusCallback': 'https://engine.example.com/webhooks/twilio/voice/status?callId=c-1',
      '@recordingStatusCallbackMethod': 'POST',
    });
    expect(response).to.have.property('Hangup');
  });

  it('tells the caller the number cannot take the call when it serves no campaign, or the AI has no stream', () => {
    const notInService = { Say: 'This number cannot take your call.', Hangup: '' };
    expect(twiml({ action: 'not_in_service', reason: 'no_campaign' })).to.deep.equal(notInService);
    expect(twiml({ action: 'ai', reason: 'ai_only' }, false)).to.deep.equal(notInService);
  });
});
