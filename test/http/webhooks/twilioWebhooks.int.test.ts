import type { RequestHandler, Router } from 'express';
import { expect } from 'chai';
import twilio from 'twilio';
import { twilioTelephony } from '../../../adapters/telephony/twilio/twilioTelephony.ts';
import type { CallStatusReport, InboundSms, MessageStatusReport } from '../../../commands/outreach/carrierReports.ts';
import type { Telephony } from '../../../commands/outreach/telephony.ts';
import { createRouteRegistry, type RouteRegistry } from '../../../http/routeRegistry.ts';
import { agentStreamTwiml } from '../../../http/webhooks/twilio/callTwiml.ts';
import { twilioWebhooksRouter, type InboundCallRequest, type InstructionsRequest } from '../../../http/webhooks/twilio/twilioWebhooksRouter.ts';
import { startFakeTwilio, type FakeTwilio } from '../../support/fakeTwilio.ts';
import { startTestServer, type TestServer } from '../testServer.ts';

describe('Twilio webhooks: signed callbacks from a Twilio-shaped server become our reports', () => {
  let fake: FakeTwilio;
  let server: TestServer;
  let telephony: Telephony;
  let routes: RouteRegistry;
  const heard: { calls: CallStatusReport[]; messages: MessageStatusReport[]; sms: InboundSms[]; instructions: InstructionsRequest[]; inbound: InboundCallRequest[] } = {
    calls: [], messages: [], sms: [], instructions: [], inbound: [],
  };
  const handled = () => heard.calls.length + heard.messages.length + heard.sms.length + heard.instructions.length + heard.inbound.length;
  const now = new Date('2026-03-02T15:00:00Z');

  beforeEach(async () => {
    for (const list of Object.values(heard)) list.length = 0;
    fake = await startFakeTwilio({ clock: () => now });
    let router: Router | undefined;
    // The router is built once the port, hence the public URL Twilio signs, is known.
    const late: RequestHandler = (req, res, next) => router!(req, res, next);
    server = await startTestServer({ routers: [late] });
    routes = createRouteRegistry();
    router = twilioWebhooksRouter({
      authToken: fake.authToken,
      publicUrl: server.url,
      routes,
      clock: () => now,
      onCallStatus: async (report) => void heard.calls.push(report),
      onMessageStatus: async (report) => void heard.messages.push(report),
      onInboundSms: async (sms) => {
        heard.sms.push(sms);
        return sms.body.trim().toUpperCase() === 'HELP' ? { reply: 'Hartley & Vance: reply STOP to stop.' } : undefined;
      },
      twimlFor: async (request) => {
        heard.instructions.push(request);
        return agentStreamTwiml({ streamUrl: 'wss://agent.example.com/stream', parameters: { campaignId: 'c-1', contactId: 'k-1', callId: request.callId } });
      },
      inboundTwiml: async (request) => {
        heard.inbound.push(request);
        return '<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>';
      },
    });
    telephony = twilioTelephony({ accountSid: fake.accountSid, authToken: fake.authToken, apiUrl: fake.url });
  });
  afterEach(async () => {
    await server.close(100);
    await fake.close();
  });

  const placeCall = (callId = 'call-1') =>
    telephony.placeCall({
      callId,
      to: '+14155550100',
      from: '+14155550199',
      instructionsUrl: `${server.url}/webhooks/twilio/voice/twiml/${callId}`,
      statusCallbackUrl: `${server.url}/webhooks/twilio/voice/status`,
      machineDetection: true,
      record: true,
    });

  it('reports each progress callback with our call id, Twilio\'s sequence and time, detection, duration and recording', async () => {
    const { carrierCallId } = await placeCall();
    expect((await fake.playCallStatus(carrierCallId, 'initiated')).status).to.equal(204);
    expect((await fake.playCallStatus(carrierCallId, 'ringing')).status).to.equal(204);
    await fake.playCallStatus(carrierCallId, 'in-progress', { AnsweredBy: 'human' });
    await fake.playCallStatus(carrierCallId, 'completed', { CallDuration: '93', AnsweredBy: 'human' });
    await fake.playCallback(`${server.url}/webhooks/twilio/voice/status?callId=call-1`, {
      AccountSid: fake.accountSid, CallSid: carrierCallId, RecordingSid: 'RE1', RecordingStatus: 'completed', RecordingUrl: 'https://api.twilio.com/recordings/RE1', RecordingDuration: '90',
    });
    const base = { callId: 'call-1', carrierCallId, reportedAt: '2026-03-02T15:00:00.000Z' };
    expect(heard.calls).to.deep.equal([
      { ...base, progress: 'initiated', sequence: 0 },
      { ...base, progress: 'ringing', sequence: 1 },
      { ...base, progress: 'in_progress', sequence: 2, answeredBy: 'human' },
      { ...base, progress: 'completed', sequence: 3, answeredBy: 'human', durationSeconds: 93 },
      { ...base, progress: 'completed', recordingUrl: 'https://api.twilio.com/recordings/RE1' },
    ]);
  });

  it('hands a repeated callback on as it came: idempotency is the handler\'s', async () => {
    const { carrierCallId } = await placeCall();
    await fake.playCallStatus(carrierCallId, 'ringing');
    const url = `${server.url}/webhooks/twilio/voice/status?callId=call-1`;
    const params = { AccountSid: fake.accountSid, CallSid: carrierCallId, CallStatus: 'ringing', SequenceNumber: '0', Timestamp: 'Mon, 02 Mar 2026 15:00:00 +0000' };
    await fake.playCallback(url, params);
    expect(heard.calls.map((r) => [r.progress, r.sequence])).to.deep.equal([['ringing', 0], ['ringing', 0]]);
  });

  it('asks for the answered call\'s instructions with what detection found, and answers TwiML', async () => {
    const { carrierCallId } = await placeCall('call-7');
    const played = await fake.playInstructions(carrierCallId, { AnsweredBy: 'machine_end_beep' });
    expect(played.status).to.equal(200);
    expect(played.contentType).to.match(/^text\/xml/);
    expect(played.text).to.contain('<Stream url="wss://agent.example.com/stream">');
    expect(heard.instructions).to.deep.equal([{ callId: 'call-7', carrierCallId, answeredBy: 'machine' }]);
  });

  it('reports an SMS\'s delivery with our message id and Twilio\'s error code', async () => {
    const { carrierMessageId } = await telephony.sendSms({ messageId: 'msg-9', to: '+14155550100', from: '+14155550199', body: 'Hi', statusCallbackUrl: `${server.url}/webhooks/twilio/sms/status` });
    await fake.playMessageStatus(carrierMessageId, 'sent');
    await fake.playMessageStatus(carrierMessageId, 'undelivered', { ErrorCode: '30003' });
    expect(heard.messages).to.deep.equal([
      { messageId: 'msg-9', carrierMessageId, progress: 'sent', reportedAt: '2026-03-02T15:00:00.000Z' },
      { messageId: 'msg-9', carrierMessageId, progress: 'undelivered', reportedAt: '2026-03-02T15:00:00.000Z', errorCode: '30003' },
    ]);
  });

  it('hands an inbound text on and answers the handler\'s reply as a TwiML message', async () => {
    const played = await fake.playCallback(`${server.url}/webhooks/twilio/sms/inbound`, { AccountSid: fake.accountSid, MessageSid: 'SM1', From: '+14155550100', To: '+14155550199', Body: 'help' });
    expect(played.status).to.equal(200);
    expect(played.text).to.equal('<?xml version="1.0" encoding="UTF-8"?><Response><Message>Hartley &amp; Vance: reply STOP to stop.</Message></Response>');
    expect(heard.sms).to.deep.equal([{ carrierMessageId: 'SM1', from: '+14155550100', to: '+14155550199', body: 'help', receivedAt: '2026-03-02T15:00:00.000Z' }]);
    const quiet = await fake.playCallback(`${server.url}/webhooks/twilio/sms/inbound`, { MessageSid: 'SM2', From: '+14155550100', To: '+14155550199', Body: 'thanks' });
    expect(quiet.text).to.equal('<?xml version="1.0" encoding="UTF-8"?><Response/>');
  });

  it('answers an inbound call with the handler\'s TwiML', async () => {
    const played = await fake.playCallback(`${server.url}/webhooks/twilio/voice/inbound`, { CallSid: 'CA9', From: '+14155550100', To: '+14155550199', CallStatus: 'ringing' });
    expect(played.status).to.equal(200);
    expect(played.text).to.contain('<Hangup/>');
    expect(heard.inbound).to.deep.equal([{ carrierCallId: 'CA9', from: '+14155550100', to: '+14155550199' }]);
  });

  describe('refuses with 403, and hands nothing on, when the signature does not hold', () => {
    const url = () => `${server.url}/webhooks/twilio/voice/status?callId=call-1`;
    const params = { CallSid: 'CA1', CallStatus: 'completed', CallDuration: '12' };
    const post = (target: string, body: Record<string, string>, headers: Record<string, string>) =>
      fetch(target, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(body).toString() });
    const expectRefused = async (response: Response) => {
      expect(response.status).to.equal(403);
      expect(response.headers.get('content-type')).to.match(/^application\/problem\+json/);
      expect(await response.json()).to.include({ status: 403, code: 'TWILIO.BAD_SIGNATURE' });
      expect(handled()).to.equal(0);
    };

    it('with no signature', async () => expectRefused(await post(url(), params, {})));
    it('signed with another token', async () =>
      expectRefused(await post(url(), params, { 'x-twilio-signature': twilio.getExpectedTwilioSignature('another-token', url(), params) })));
    it('with a parameter changed after signing', async () =>
      expectRefused(await post(url(), { ...params, CallStatus: 'busy' }, { 'x-twilio-signature': twilio.getExpectedTwilioSignature(fake.authToken, url(), params) })));
    it('with a parameter added after signing', async () =>
      expectRefused(await post(url(), { ...params, AnsweredBy: 'human' }, { 'x-twilio-signature': twilio.getExpectedTwilioSignature(fake.authToken, url(), params) })));
    it('sent to another call than signed for', async () =>
      expectRefused(await post(`${server.url}/webhooks/twilio/voice/status?callId=call-2`, params, { 'x-twilio-signature': twilio.getExpectedTwilioSignature(fake.authToken, url(), params) })));
    it('on every route', async () => {
      for (const path of ['/webhooks/twilio/voice/inbound', '/webhooks/twilio/voice/twiml/call-1', '/webhooks/twilio/sms/status?messageId=m', '/webhooks/twilio/sms/inbound']) {
        const response = await post(`${server.url}${path}`, { CallSid: 'CA1', MessageSid: 'SM1', From: '+1', To: '+2', Body: 'STOP', MessageStatus: 'sent' }, { 'x-twilio-signature': 'forged' });
        expect(response.status, path).to.equal(403);
      }
      expect(handled()).to.equal(0);
    });
    it('but takes the same request signed', async () => {
      const response = await post(url(), params, { 'x-twilio-signature': twilio.getExpectedTwilioSignature(fake.authToken, url(), params) });
      expect(response.status).to.equal(204);
      expect(handled()).to.equal(1);
    });
  });

  it('refuses a signed callback that names no call of ours or an unknown status with 400, handing nothing on', async () => {
    const noId = await fake.playCallback(`${server.url}/webhooks/twilio/voice/status`, { CallSid: 'CA1', CallStatus: 'ringing' });
    const unknown = await fake.playCallback(`${server.url}/webhooks/twilio/voice/status?callId=c`, { CallSid: 'CA1', CallStatus: 'exploded' });
    expect([noId.status, unknown.status]).to.deep.equal([400, 400]);
    expect(handled()).to.equal(0);
  });

  it('documents its five routes as signed by Twilio', () => {
    expect(routes.routes().map((r) => [r.method, r.path, r.security])).to.have.deep.members([
      ['post', '/webhooks/twilio/voice/status', 'twilioSignature'],
      ['post', '/webhooks/twilio/voice/twiml/:callId', 'twilioSignature'],
      ['post', '/webhooks/twilio/voice/inbound', 'twilioSignature'],
      ['post', '/webhooks/twilio/sms/status', 'twilioSignature'],
      ['post', '/webhooks/twilio/sms/inbound', 'twilioSignature'],
    ]);
  });
});
