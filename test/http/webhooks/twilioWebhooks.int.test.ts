import { expect } from 'chai';
import express from 'express';
import { twilioWebhooks } from '../../../http/webhooks/twilioWebhooks.ts';
import { problemHandler } from '../../../http/problemDetails.ts';
import { createRouteRegistry } from '../../../http/routeRegistry.ts';
import type { RunningServer } from '../../../http/server.ts';
import { listenWatched } from '../../support/problemMessages.ts';
import { startFakeTwilio, type FakeTwilio } from '../../support/fakeTwilio.ts';
import { companyId, callerNumber, contacts } from '../../schedulers/dispatchHarness.ts';
import { reportsHarness, type ReportsHarness } from '../../commands/outreach/reportsHarness.ts';

const campaignId = '01900000-0000-7000-8000-000000000701';
const phone = '+13125550000';

describe('Twilio webhooks over the engine, signed by a Twilio-shaped server', () => {
  let r: ReportsHarness;
  let fake: FakeTwilio;
  let server: RunningServer;
  let callId: string;
  let warnings: { fields: object; message: string }[];

  beforeEach(async () => {
    r = reportsHarness();
    await r.start();
    fake = await startFakeTwilio();
    // The router is mounted once the server's URL (which Twilio signs) is known.
    let router: express.Router = express.Router();
    const app = express();
    app.use((req, res, next) => router(req, res, next));
    app.use(problemHandler);
    server = await listenWatched(app);
    warnings = [];
    router = twilioWebhooks(
      r.reports(undefined, { warn: (fields, message) => void warnings.push({ fields, message }) }),
      {
        authToken: fake.authToken,
        publicUrl: server.url,
        routes: createRouteRegistry(),
        readStore: r.h.stores.readStore,
        clock: () => new Date(r.h.clock.current),
      },
    );
    await r.h.launch(campaignId, contacts(1));
    await r.caughtUp();
    await r.dispatcher.tick();
    callId = r.h.telephony.placed[0]!.callId;
    await r.caughtUp();
  });
  afterEach(async () => {
    await server.close(100);
    await fake.close();
    await r.dispose();
  });

  const url = (path: string) => `${server.url}${path}`;
  const callParams = (status: string, extra: Record<string, string> = {}) => ({
    AccountSid: fake.accountSid,
    CallSid: 'CA00000000000000000000000000000001',
    CallStatus: status,
    To: phone,
    From: callerNumber,
    Timestamp: 'Mon, 02 Mar 2026 15:05:00 +0000',
    ...extra,
  });

  it('records signed status callbacks once, in any order, and refuses unsigned ones with 403 and nothing recorded', async () => {
    const status = url(`/webhooks/twilio/voice/status?callId=${callId}`);
    const forged = await fake.playCallback(status, callParams('completed', { CallDuration: '30' }), 'not-a-signature');
    expect(forged.status).to.equal(403);
    const before = await r.typesOf(`call-${callId}`);
    expect(before).to.not.include('CallCompleted');
    for (const [s, seq] of [
      ['completed', '3'],
      ['ringing', '1'],
      ['completed', '3'],
      ['in-progress', '2'],
    ] as const)
      expect(
        (await fake.playCallback(status, callParams(s, { SequenceNumber: seq, CallDuration: '30' }))).status,
      ).to.equal(204);
    const types = await r.typesOf(`call-${callId}`);
    expect(types.filter((t) => t === 'CallCompleted')).to.have.length(1);
    expect(types.filter((t) => t === 'CallProgressed')).to.have.length(0);
    expect(await r.typesOf(`enrollment-${campaignId}.contact-0`)).to.deep.equal(['CallRequested', 'CallAttemptEnded']);
  });

  it("refuses a signed status callback naming another call's carrier id with 409, records nothing and warns with masked ids", async () => {
    const status = url(`/webhooks/twilio/voice/status?callId=${callId}`);
    const before = await r.typesOf(`call-${callId}`);
    const other = 'CA00000000000000000000000000000002';
    const refused = await fake.playCallback(
      status,
      callParams('completed', { CallSid: other, SequenceNumber: '3', CallDuration: '30' }),
    );
    expect(refused.status).to.equal(409);
    expect(refused.contentType).to.include('application/problem+json');
    expect(JSON.parse(refused.text)).to.include({ status: 409, code: 'CALL.OTHER_CARRIER_CALL' });
    expect(refused.text).to.not.include(other);
    expect(await r.typesOf(`call-${callId}`)).to.deep.equal(before);
    expect(await r.typesOf(`enrollment-${campaignId}.contact-0`)).to.deep.equal(['CallRequested']);
    expect(warnings).to.deep.equal([
      {
        fields: { callId, carrierCallId: 'CA00…0002', boundTo: 'CA00…0001', progress: 'completed' },
        message: 'call status report refused: it names another carrier call',
      },
    ]);
    // The call's own carrier id still settles it.
    expect(
      (await fake.playCallback(status, callParams('completed', { SequenceNumber: '3', CallDuration: '30' }))).status,
    ).to.equal(204);
    expect(await r.typesOf(`enrollment-${campaignId}.contact-0`)).to.deep.equal(['CallRequested', 'CallAttemptEnded']);
  });

  it("answers an answered call with the agent's stream and our ids, and a machine with the voicemail policy", async () => {
    const human = await fake.playCallback(
      url(`/webhooks/twilio/voice/twiml/${callId}`),
      callParams('in-progress', { AnsweredBy: 'human' }),
    );
    expect(human.status).to.equal(200);
    expect(human.text).to.include('<Stream url="wss://agent.example.com/stream">');
    expect(human.text).to.include(`<Parameter name="callId" value="${callId}"/>`);
    expect(human.text).to.include(`<Parameter name="campaignId" value="${campaignId}"/>`);
    const machine = await fake.playCallback(
      url(`/webhooks/twilio/voice/twiml/${callId}`),
      callParams('in-progress', { AnsweredBy: 'machine_start' }),
    );
    expect(machine.text).to.include('<Hangup/>');
    expect(machine.text).to.not.include('<Stream');
  });

  it('takes a signed STOP, records the opt-out for the company and sends one confirmation as a message of its own', async () => {
    const params = {
      AccountSid: fake.accountSid,
      MessageSid: 'SMinbound1',
      SmsSid: 'SMinbound1',
      From: phone,
      To: callerNumber,
      Body: 'STOP',
    };
    for (let i = 0; i < 2; i++) {
      const answer = await fake.playCallback(url('/webhooks/twilio/sms/inbound'), params);
      expect(answer.status).to.equal(200);
      expect(answer.text).to.not.include('<Message>');
    }
    expect(await r.typesOf(`consent-${companyId}.${phone}`)).to.deep.equal(['ContactOptedOut']);
    expect(r.texts).to.have.length(1);
    expect(await r.typesOf(`conversation-${companyId}.${phone}`)).to.deep.equal(['InboundMessageReceived']);
  });
});
