import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { twilioTelephony } from '../../../adapters/telephony/twilio/twilioTelephony.ts';
import type { PlaceCall, Telephony } from '../../../commands/outreach/telephony.ts';
import { startFakeTwilio, type FakeTwilio } from '../../support/fakeTwilio.ts';

const publicUrl = 'https://engine.example.com';
const call = (overrides: Partial<PlaceCall> = {}): PlaceCall => ({
  callId: '0190a1b2-0000-7000-8000-000000000001',
  to: '+14155550100',
  from: '+14155550199',
  instructionsUrl: `${publicUrl}/webhooks/twilio/voice/twiml/0190a1b2-0000-7000-8000-000000000001`,
  statusCallbackUrl: `${publicUrl}/webhooks/twilio/voice/status`,
  machineDetection: false,
  record: false,
  ...overrides,
});

describe('Twilio telephony on the real twilio client, against a Twilio-shaped server (TWILIO_API_URL)', () => {
  let fake: FakeTwilio;
  let telephony: Telephony;
  let now: Date;

  beforeEach(async () => {
    now = new Date('2026-03-02T15:00:00Z');
    fake = await startFakeTwilio({ clock: () => now });
    telephony = twilioTelephony({ accountSid: fake.accountSid, authToken: fake.authToken, apiUrl: fake.url });
  });
  afterEach(() => fake.close());

  it('places a call with our instructions URL, a status callback naming our call and the four progress events', async () => {
    const { carrierCallId } = await telephony.placeCall(call());
    const placed = fake.calls.get(carrierCallId)!;
    expect(placed.params).to.include({
      To: '+14155550100',
      From: '+14155550199',
      Url: `${publicUrl}/webhooks/twilio/voice/twiml/0190a1b2-0000-7000-8000-000000000001`,
      Method: 'POST',
      StatusCallback: `${publicUrl}/webhooks/twilio/voice/status?callId=0190a1b2-0000-7000-8000-000000000001`,
      StatusCallbackMethod: 'POST',
    });
    expect(placed.params['StatusCallbackEvent']).to.deep.equal(['initiated', 'ringing', 'answered', 'completed']);
    expect(placed.params).not.to.have.any.keys('MachineDetection', 'Record', 'Timeout');
  });

  it('asks for answering-machine detection to the greeting end, recording with its callback, and a ring timeout when told', async () => {
    const { carrierCallId } = await telephony.placeCall(
      call({ machineDetection: true, record: true, timeoutSeconds: 25 }),
    );
    const { params } = fake.calls.get(carrierCallId)!;
    expect(params).to.include({
      MachineDetection: 'DetectMessageEnd',
      Record: 'true',
      RecordingStatusCallback: `${publicUrl}/webhooks/twilio/voice/status?callId=0190a1b2-0000-7000-8000-000000000001`,
      RecordingStatusCallbackEvent: 'completed',
      Timeout: '25',
    });
  });

  it('transfers a call in progress by TwiML that dials the number', async () => {
    const { carrierCallId } = await telephony.placeCall(call());
    fake.calls.get(carrierCallId)!.status = 'in-progress';
    await telephony.transferCall(carrierCallId, '+12125550123');
    expect(fake.calls.get(carrierCallId)!.twimlUpdates).to.deep.equal([
      '<?xml version="1.0" encoding="UTF-8"?><Response><Dial>+12125550123</Dial></Response>',
    ]);
  });

  it('hangs up with Status=completed, and hanging up an ended call again is done', async () => {
    const { carrierCallId } = await telephony.placeCall(call());
    await telephony.hangUp(carrierCallId);
    expect(fake.calls.get(carrierCallId)!.status).to.equal('completed');
    await telephony.hangUp(carrierCallId);
    const updates = fake.received.filter((r) => r.method === 'POST' && r.path.endsWith(`/Calls/${carrierCallId}.json`));
    expect(updates.map((r) => r.params['Status'])).to.deep.equal(['completed', 'completed']);
  });

  it('refuses to transfer a call that has ended, with the carrier error', async () => {
    const { carrierCallId } = await telephony.placeCall(call());
    await telephony.hangUp(carrierCallId);
    let failure: unknown;
    await telephony.transferCall(carrierCallId, '+12125550123').catch((error: unknown) => (failure = error));
    expect(failure).to.have.property('code', 21220);
  });

  it('sends an SMS whose status callback names our message', async () => {
    const { carrierMessageId } = await telephony.sendSms({
      messageId: 'msg-1',
      to: '+14155550100',
      from: '+14155550199',
      body: 'Hello from Hartley & Vance',
      statusCallbackUrl: `${publicUrl}/webhooks/twilio/sms/status`,
    });
    expect(carrierMessageId).to.match(/^SM/);
    expect(fake.messages.get(carrierMessageId)!.params).to.include({
      To: '+14155550100',
      From: '+14155550199',
      Body: 'Hello from Hartley & Vance',
      StatusCallback: `${publicUrl}/webhooks/twilio/sms/status?messageId=msg-1`,
    });
  });

  it('finds a requested call by its number and time, and with its progress in our words', async () => {
    now = new Date('2026-03-02T14:00:00Z');
    await telephony.placeCall(call({ callId: 'earlier' }));
    now = new Date('2026-03-02T15:00:02Z');
    const { carrierCallId } = await telephony.placeCall(call());
    fake.calls.get(carrierCallId)!.status = 'in-progress';
    now = new Date('2026-03-02T15:00:03Z');
    await telephony.placeCall(call({ callId: 'other-number', to: '+14155550111' }));

    const found = await telephony.findCall(call().callId, { to: '+14155550100', requestedAt: '2026-03-02T15:00:01Z' });
    expect(found).to.deep.equal({ carrierCallId, status: 'in_progress' });
  });

  it('answers undefined when the carrier never created the call, and refuses to guess without number and time', async () => {
    now = new Date('2026-03-02T14:00:00Z');
    await telephony.placeCall(call());
    expect(
      await telephony.findCall(call().callId, { to: '+14155550100', requestedAt: '2026-03-02T15:00:00Z' }),
    ).to.equal(undefined);
    let failure: unknown;
    await telephony.findCall(call().callId).catch((error: unknown) => (failure = error));
    expect(failure).to.be.instanceOf(Error);
  });

  it('fetches a placed call by its carrier id: its status in our words, its end, length and who answered', async () => {
    const { carrierCallId } = await telephony.placeCall(call({ machineDetection: true }));
    expect(await telephony.fetchCall(carrierCallId)).to.deep.equal({ progress: 'queued' });
    Object.assign(fake.calls.get(carrierCallId)!, {
      status: 'completed',
      endedAt: new Date('2026-03-02T15:03:20Z'),
      durationSeconds: 180,
      answeredBy: 'machine_end_beep',
    });
    expect(await telephony.fetchCall(carrierCallId)).to.deep.equal({
      progress: 'completed',
      endedAt: '2026-03-02T15:03:20.000Z',
      durationSeconds: 180,
      answeredBy: 'machine',
    });
    expect(
      fake.received.filter((r) => r.method === 'GET' && r.path.endsWith(`/Calls/${carrierCallId}.json`)),
    ).to.have.length(2);
  });

  it('answers undefined for a carrier id Twilio does not know (404), and fails on any other error', async () => {
    expect(await telephony.fetchCall('CA00000000000000000000000000000000')).to.equal(undefined);
    const wrong = twilioTelephony({ accountSid: fake.accountSid, authToken: 'not-the-token', apiUrl: fake.url });
    let failure: unknown;
    await wrong.fetchCall('CA00000000000000000000000000000000').catch((error: unknown) => (failure = error));
    expect(failure).to.have.property('status', 401);
  });

  it('sends the account credentials: a wrong token is refused by the API', async () => {
    const wrong = twilioTelephony({ accountSid: fake.accountSid, authToken: 'not-the-token', apiUrl: fake.url });
    let failure: unknown;
    await wrong.placeCall(call()).catch((error: unknown) => (failure = error));
    expect(failure).to.have.property('status', 401);
    expect(fake.calls.size).to.equal(0);
  });
});

describe("TWILIO_API_URL with a path (a Twilio-compatible API such as SignalWire's /api/laml)", () => {
  let fake: FakeTwilio;
  let elsewhere: Server;
  let elsewhereHits = 0;

  before(async () => {
    fake = await startFakeTwilio({ basePath: '/api/laml' });
    elsewhere = createServer((_req, res) => {
      elsewhereHits += 1;
      res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  });
  after(async () => {
    await fake.close();
    await new Promise((resolve) => elsewhere.close(resolve));
  });

  it('sends every request under the configured base URL and nowhere else', async () => {
    const telephony = twilioTelephony({
      accountSid: fake.accountSid,
      authToken: fake.authToken,
      apiUrl: `${fake.url}/`,
    });
    const { carrierCallId } = await telephony.placeCall(call());
    expect(fake.calls.has(carrierCallId)).to.equal(true);
    expect(fake.received.map((r) => r.path)).to.deep.equal([`/2010-04-01/Accounts/${fake.accountSid}/Calls.json`]);

    const other = twilioTelephony({
      accountSid: fake.accountSid,
      authToken: fake.authToken,
      apiUrl: `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`,
    });
    await other.placeCall(call()).catch(() => undefined);
    expect(elsewhereHits).to.equal(1);
  });
});
