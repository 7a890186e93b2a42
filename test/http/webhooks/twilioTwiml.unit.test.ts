import { expect } from 'chai';
import { XMLParser } from 'fast-xml-parser';
import { answeredCallTwiml, agentStreamTwiml, voicemailTwiml, type AgentStream } from '../../../http/webhooks/twilio/callTwiml.ts';
import { inboundAction, inboundTwiml, type InboundCall } from '../../../http/webhooks/twilio/inboundTwiml.ts';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => name === 'Parameter' });
const parse = (twiml: string): any => parser.parse(twiml).Response;

const stream: AgentStream = { streamUrl: 'wss://agent.example.com/s?x=1&y=2', parameters: { campaignId: 'camp-1', contactId: 'cont-1', callId: 'call-1' } };

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
    expect(parse(voicemailTwiml({ policy: 'leave_message', message: 'Please call Hartley & Vance <back>.' }))).to.deep.equal({
      Say: 'Please call Hartley & Vance <back>.',
      Hangup: '',
    });
  });

  it('sends a machine to the voicemail policy and anyone else to the agent', () => {
    const voicemail = { policy: 'leave_message', message: 'Call us.' } as const;
    expect(parse(answeredCallTwiml({ answeredBy: 'machine', stream, voicemail }))).to.have.property('Say', 'Call us.');
    for (const answeredBy of ['human', 'unknown', undefined] as const) {
      expect(parse(answeredCallTwiml({ answeredBy, stream, voicemail })), String(answeredBy)).to.have.nested.property('Connect.Stream');
    }
  });
});

describe('TwiML for inbound calls', () => {
  const weekdays = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri')[], start: '09:00', end: '17:00' }];
  const inbound = (overrides: Partial<InboundCall>): InboundCall => ({
    routing: { mode: 'ai_only' },
    businessHours: weekdays,
    timezone: 'America/New_York',
    now: new Date('2026-03-02T15:00:00Z'),
    stream,
    voicemailGreeting: 'Please leave a message.',
    ...overrides,
  });

  it('answers with the AI when routing is AI only', () => {
    expect(parse(inboundTwiml(inbound({})))).to.have.nested.property('Connect.Stream.@url', stream.streamUrl);
  });

  it('dials the forwarding number when routing transfers, and falls back to the AI without one', () => {
    expect(parse(inboundTwiml(inbound({ routing: { mode: 'transfer', forwardingNumber: '+12125550123' } })))).to.deep.equal({ Dial: '+12125550123' });
    expect(parse(inboundTwiml(inbound({ routing: { mode: 'transfer' } })))).to.have.nested.property('Connect.Stream');
  });

  it('takes a message after hours with a beep and a recording callback', () => {
    const response = parse(inboundTwiml(inbound({ routing: { mode: 'schedule_based' }, now: new Date('2026-03-02T23:00:00Z'), recordingCallbackUrl: 'https://engine.example.com/rec' })));
    expect(response.Say).to.equal('Please leave a message.');
    expect(response.Record).to.include({ '@maxLength': '120', '@playBeep': 'true', '@recordingStatusCallback': 'https://engine.example.com/rec' });
    expect(response).to.have.property('Hangup');
  });

  it('reads business hours on the zone\'s wall clock, across the DST change', () => {
    const routing = { mode: 'schedule_based', businessHours: 'transfer', afterHours: 'ai', forwardingNumber: '+12125550123' } as const;
    // 13:30Z is 08:30 EST on Monday 2 March and 09:30 EDT on Monday 9 March (clocks went forward on the 8th).
    expect(inboundAction(inbound({ routing, now: new Date('2026-03-02T13:30:00Z') }))).to.equal('ai');
    expect(inboundAction(inbound({ routing, now: new Date('2026-03-09T13:30:00Z') }))).to.equal('transfer');
    // The routing's own zone wins over the company's: 13:30Z is 05:30 in Los Angeles.
    expect(inboundAction(inbound({ routing: { ...routing, timezone: 'America/Los_Angeles' }, now: new Date('2026-03-09T13:30:00Z') }))).to.equal('ai');
    // Saturday is out of hours; 17:00 is the first minute after them.
    expect(inboundAction(inbound({ routing, now: new Date('2026-03-07T15:00:00Z') }))).to.equal('ai');
    expect(inboundAction(inbound({ routing, now: new Date('2026-03-09T21:00:00Z') }))).to.equal('ai');
    expect(inboundAction(inbound({ routing, now: new Date('2026-03-09T20:59:00Z') }))).to.equal('transfer');
  });

  it('defaults schedule-based routing to the AI in hours and voicemail after', () => {
    expect(inboundAction(inbound({ routing: { mode: 'schedule_based' }, now: new Date('2026-03-02T15:00:00Z') }))).to.equal('ai');
    expect(inboundAction(inbound({ routing: { mode: 'schedule_based' }, now: new Date('2026-03-02T23:00:00Z') }))).to.equal('voicemail');
  });
});
