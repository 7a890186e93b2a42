import { expect } from 'chai';
import fc from 'fast-check';
import { setImmediate } from 'node:timers/promises';
import { companyId, callerNumber, contacts } from '../../schedulers/dispatchHarness.ts';
import { consentOf, allowsDispatch } from '../../../commands/consent/consentOf.ts';
import { unsubscribeTokens, unsubscribeUrl } from '../../../commands/consent/unsubscribeTokens.ts';
import type { CallStatusReport, InboundSms } from '../../../commands/outreach/carrierReports.ts';
import type { AgentReport } from '../../../commands/outreach/agentReports.ts';
import { reportsHarness, UNSUBSCRIBE_SECRET, type ReportsHarness } from './reportsHarness.ts';
import { complianceRules } from '../../../domain/compliance/complianceRules.ts';
import { virtualClock } from '../../../adapters/clock/virtualClock.ts';
import { noNoise } from '../../../adapters/simulated/deliveryNoise.ts';
import { simulatedTelephony } from '../../../adapters/telephony/simulated/simulatedTelephony.ts';
import { defaultTelephonyProfile } from '../../../adapters/telephony/simulated/simulationProfile.ts';

const campaignId = '01900000-0000-7000-8000-000000000501';
const forwardingNumber = '+13125559999';
const phone = '+13125550000';

describe('outreach reports over the store', () => {
  let r: ReportsHarness;
  let callId: string;
  let carrierCallId: string;
  beforeEach(async () => {
    r = reportsHarness();
    await r.start();
    await r.h.launch(campaignId, contacts(1), {
      retry: { maxAttempts: 3, intervalMinutes: 10 },
      routing: { mode: 'transfer', forwardingNumber },
    });
    await r.caughtUp();
    await r.dispatcher.tick();
    callId = r.h.telephony.placed[0]!.callId;
    carrierCallId = (await r.reports().ownerOf(callId)).carrierCallId!;
    await r.caughtUp();
  });
  afterEach(() => r.dispose());

  const agent = (report: { kind: AgentReport['kind'] } & Record<string, unknown>): AgentReport =>
    ({ ...report, callId, reportedAt: '2026-03-02T15:02:00.000Z' }) as AgentReport;
  const text = (body: string, carrierMessageId: string): InboundSms => ({
    carrierMessageId,
    from: phone,
    to: callerNumber,
    body,
    receivedAt: '2026-03-02T15:30:00.000Z',
  });

  it('waits for a call no read model knows yet until the lookup time has passed on its clock, then answers not found', async () => {
    const clock = virtualClock(new Date(r.h.clock.current));
    const started = clock.now().getTime();
    let answer: string | undefined;
    void r
      .reports(undefined, undefined, { realTime: clock, waitMs: 600_000 })
      .ownerOf('01900000-0000-7000-8000-00000000dead')
      .then(
        () => (answer = 'found'),
        (error: Error) => (answer = error.name),
      );
    while (answer === undefined) {
      await clock.advance(60_000);
      await setImmediate();
    }
    expect(answer).to.equal('NotFoundError');
    expect(clock.now().getTime() - started).to.be.at.least(600_000);
  });

  it('call statuses, shuffled and repeated, end the call once and move its contact on once', async () => {
    const reports = r.reports();
    const status = (
      progress: CallStatusReport['progress'],
      sequence: number,
      extra: Partial<CallStatusReport> = {},
    ): CallStatusReport => ({
      callId,
      carrierCallId,
      progress,
      sequence,
      reportedAt: `2026-03-02T15:0${sequence}:00.000Z`,
      ...extra,
    });
    const all = [
      status('initiated', 1),
      status('ringing', 2),
      status('completed', 3, { answeredBy: 'human', durationSeconds: 30 }),
    ];
    const order = fc.sample(fc.shuffledSubarray([...all, ...all], { minLength: 6, maxLength: 6 }), {
      numRuns: 1,
      seed: 7,
    })[0]!;
    for (const report of order) await reports.telephony.callStatus(report);
    expect((await r.typesOf(`call-${callId}`)).filter((t) => t === 'CallCompleted')).to.have.length(1);
    expect(await r.typesOf(`enrollment-${campaignId}.contact-0`)).to.deep.equal(['CallRequested', 'CallAttemptEnded']);
  });

  it('STOP from the contact is recorded once, confirmed once, and blocks the next call', async () => {
    const reports = r.reports();
    await reports.telephony.inboundSms(text('STOP', 'SMin1'));
    await reports.telephony.inboundSms(text('STOP', 'SMin1'));
    await reports.telephony.inboundSms(text('stop', 'SMin2'));
    expect(await r.typesOf(`conversation-${companyId}.${phone}`)).to.deep.equal([
      'InboundMessageReceived',
      'InboundMessageReceived',
    ]);
    expect(await r.typesOf(`consent-${companyId}.${phone}`)).to.deep.equal(['ContactOptedOut']);
    expect(r.texts).to.have.length(1);
    expect(r.texts[0]).to.deep.include({ to: phone, from: callerNumber });
    expect(r.texts[0]!.body).to.match(/unsubscribed/);
    expect(await r.typesOf(`message-${r.texts[0]!.messageId}`)).to.deep.equal(['MessageRequested', 'MessageSent']);
    const consent = await consentOf(r.h.stores.eventStore, companyId, phone);
    expect(allowsDispatch(consent, 'voice')).to.equal(false);

    // The call ends unanswered; its retry finds the opt-out and is withheld rather than dialled.
    await reports.telephony.callStatus({
      callId,
      carrierCallId,
      progress: 'no_answer',
      reportedAt: '2026-03-02T15:01:00.000Z',
    });
    await r.caughtUp();
    r.h.advance(15);
    await r.dispatcher.tick();
    expect(r.h.telephony.placed).to.have.length(1);
    expect(await r.typesOf(`enrollment-${campaignId}.contact-0`)).to.include('CallsWithheld');
  });

  it('a reply played by the simulated carrier after a restart is recorded, not taken for the one before the restart', async () => {
    const reports = r.reports();
    const alwaysReplies = {
      ...defaultTelephonyProfile,
      noise: noNoise,
      sms: {
        ...defaultTelephonyProfile.sms,
        delivery: { delivered: 1, undelivered: 0, failed: 0 },
        replies: { none: 0, stop: 0, help: 0, stop_in_words: 0, free_text: 1, yes: 0 },
      },
    };
    // Each start of the engine makes a carrier of its own with the same seed: the same number texted gets the same reply.
    for (const start of ['before the restart', 'after it']) {
      const clock = virtualClock(new Date('2026-03-02T15:10:00.000Z'));
      const quiet = async () => undefined;
      const carrier = simulatedTelephony({
        seed: 1,
        scheduler: clock,
        profile: alwaysReplies,
        reports: { callStatus: quiet, agent: quiet, messageStatus: quiet, inboundSms: reports.telephony.inboundSms },
      });
      await carrier.sendSms({
        messageId: `message ${start}`,
        to: phone,
        from: callerNumber,
        body: 'Any news on your case?',
        statusCallbackUrl: 'https://engine.example/webhooks/twilio/sms/status',
      });
      await clock.advance(4 * 3_600_000);
    }
    expect(await r.typesOf(`conversation-${companyId}.${phone}`)).to.deep.equal([
      'InboundMessageReceived',
      'InboundMessageReceived',
    ]);
  });

  it('HELP gets one help text however often the carrier delivers it, and changes no consent', async () => {
    const reports = r.reports();
    await reports.telephony.inboundSms(text('HELP', 'SMhelp'));
    await reports.telephony.inboundSms(text('HELP', 'SMhelp'));
    expect(r.texts).to.have.length(1);
    expect(r.texts[0]!.body).to.match(/Reply STOP/);
    expect(await r.typesOf(`consent-${companyId}.${phone}`)).to.deep.equal([]);
  });

  it('reads the keyword lists configuration gives: ARRET opts out, AIDE gets help naming them, and the shipped STOP still opts out', async () => {
    const reports = r.reports(
      complianceRules({ smsKeywords: { optOut: ['ARRET'], optIn: ['REPRISE'], help: ['AIDE'] } }).smsKeywords,
    );
    await reports.telephony.inboundSms(text('aide', 'SMfr1'));
    expect(r.texts.map((t) => t.body)).to.satisfy(
      (bodies: string[]) => bodies.length === 1 && bodies[0]!.includes('Reply ARRET to opt out'),
    );
    await reports.telephony.inboundSms(text('Arret', 'SMfr2'));
    expect(await r.typesOf(`consent-${companyId}.${phone}`)).to.deep.equal(['ContactOptedOut']);
    expect(r.texts[1]!.body).to.include('Reply REPRISE to get texts again');
    await reports.telephony.inboundSms(text('reprise', 'SMfr3'));
    await reports.telephony.inboundSms(text('STOP', 'SMfr4'));
    expect(await r.typesOf(`consent-${companyId}.${phone}`)).to.deep.equal([
      'ContactOptedOut',
      'ContactOptedIn',
      'ContactOptedOut',
    ]);
  });

  it("a text to a number no company uses, from someone never reached, is kept on the sender's unrouted stream and not answered", async () => {
    const outcome = await r.reports().inboundText({ ...text('STOP', 'SMx'), from: '+14155550100', to: '+14155550199' });
    expect(outcome).to.deep.equal({ routed: false, intent: 'opt_out' });
    expect(r.texts).to.have.length(0);
    expect(await r.typesOf('unrouted-+14155550100')).to.deep.equal(['UnroutedTextReceived']);
  });

  it('an in-call opt-out blocks the number for the company and marks the call, once', async () => {
    const reports = r.reports();
    await reports.telephony.agent(agent({ kind: 'opt_out', utterance: 'Please do not call me again.' }));
    await reports.telephony.agent(agent({ kind: 'opt_out', utterance: 'Please do not call me again.' }));
    expect(await r.typesOf(`consent-${companyId}.${phone}`)).to.deep.equal(['ContactOptedOut']);
    expect((await r.typesOf(`call-${callId}`)).filter((t) => t === 'CallOptOutRequested')).to.have.length(1);
    const consent = await consentOf(r.h.stores.eventStore, companyId, phone);
    expect(allowsDispatch(consent, 'voice')).to.equal(false);
  });

  it('a transfer request puts the call through to the campaign forwarding number, once', async () => {
    const reports = r.reports();
    await Promise.all([
      reports.telephony.agent(agent({ kind: 'transfer_requested', reason: 'wants a lawyer' })),
      reports.telephony.agent(agent({ kind: 'transfer_requested', reason: 'wants a lawyer' })),
    ]);
    await reports.telephony.agent(agent({ kind: 'transfer_requested', reason: 'wants a lawyer' }));
    expect(r.transfers).to.deep.equal([{ carrierCallId, to: forwardingNumber }]);
    expect((await r.typesOf(`call-${callId}`)).filter((t) => t === 'CallTransferred')).to.have.length(1);
  });

  it('form answers and a summary are recorded on the call once each', async () => {
    const reports = r.reports();
    for (let i = 0; i < 2; i++) {
      await reports.telephony.agent(agent({ kind: 'form_answers', answers: { injured: true, clinic: 'North' } }));
      await reports.telephony.agent(agent({ kind: 'summary', summary: 'Injured, treated at North clinic.' }));
    }
    const events = [];
    for await (const event of r.h.stores.eventStore.readStream(`call-${callId}`)) events.push(event);
    const answers = events.filter((e) => e.type === 'FormAnswersRecorded');
    expect(answers).to.have.length(1);
    expect(answers[0]!.data).to.deep.include({
      campaignId,
      contactId: 'contact-0',
      answers: { injured: true, clinic: 'North' },
    });
    expect(events.filter((e) => e.type === 'CallSummaryRecorded')).to.have.length(1);
  });

  it('a one-click unsubscribe opts the email address out as the route does; a forged link records nothing', async () => {
    const reports = r.reports();
    const now = new Date(r.h.clock.current);
    const token = unsubscribeTokens(UNSUBSCRIBE_SECRET).issue(
      { companyId, address: 'ana@example.com', campaignId },
      now,
    );
    const url = unsubscribeUrl('https://engine.example.com', token);
    await reports.email.unsubscribe({ messageId: 'm-1', to: 'ana@example.com', url, clickedAt: now.toISOString() });
    await reports.email.unsubscribe({ messageId: 'm-1', to: 'ana@example.com', url, clickedAt: now.toISOString() });
    await reports.email.unsubscribe({
      messageId: 'm-2',
      to: 'bo@example.com',
      url: unsubscribeUrl('https://engine.example.com', `${token.slice(0, -2)}xx`),
      clickedAt: now.toISOString(),
    });
    expect(await r.typesOf(`consent-${companyId}.ana@example.com`)).to.deep.equal(['ContactOptedOut']);
    expect(allowsDispatch(await consentOf(r.h.stores.eventStore, companyId, 'ana@example.com'), 'email')).to.equal(
      false,
    );
    expect(await r.typesOf(`consent-${companyId}.bo@example.com`)).to.deep.equal([]);
  });

  it('message statuses of a text, repeated and out of order, are applied once and forward only', async () => {
    const reports = r.reports();
    await reports.telephony.inboundSms(text('HELP', 'SMhelp2'));
    const { messageId } = r.texts[0]!;
    const status = (progress: 'sent' | 'delivered', at: string) => ({
      messageId,
      carrierMessageId: 'SM-1',
      progress,
      reportedAt: at,
    });
    await reports.telephony.messageStatus(status('delivered', '2026-03-02T15:31:00.000Z'));
    await reports.telephony.messageStatus(status('sent', '2026-03-02T15:30:30.000Z'));
    await reports.telephony.messageStatus(status('delivered', '2026-03-02T15:31:00.000Z'));
    expect((await r.typesOf(`message-${messageId}`)).filter((t) => t === 'MessageStatusReported')).to.have.length(1);
  });

  it("a scheduled report email's delivery report is taken without looking for a campaign message, and records nothing", async () => {
    const before = await r.h.stores.eventStore.headPosition();
    await r.reports().email.messageStatus({
      messageId: 'report.c1.r1.2026-03-02.1',
      carrierMessageId: 'ses-1',
      progress: 'delivered',
      reportedAt: '2026-03-02T15:31:00.000Z',
    });
    expect(await r.h.stores.eventStore.headPosition()).to.equal(before);
  });
});
