import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inboundCallIdOf } from '../../../commands/outreach/reports/inboundCallId.ts';
import { campaignLog } from '../../../scripts/replay/campaignLog.ts';
import { inboundCallIdsOf } from '../../../scripts/replay/inboundCallIds.ts';
import { launchRigCampaign } from '../../support/rigCampaign.ts';
import { twilioRig, type TwilioRig } from '../../support/twilioRig.ts';

const everyDay = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const hours = [{ days: everyDay, start: '09:00', end: '17:00' }];
const xml = '<?xml version="1.0" encoding="UTF-8"?>';
const dana = '+13125550101';
const stranger = '+16175550177';
const forwardingNumber = '+12125550123';
/** Campaign numbers: schedule-based in New York's hours, and schedule-based in Los Angeles's (the routing's own zone). */
const newYorkLine = '+13125550111';
const losAngelesLine = '+13125550122';

type Fact = { type: string; data: Record<string, any> };

describe('inbound calls on record, over the Twilio webhooks of the whole engine', function () {
  this.timeout(120_000);
  let dir: string;
  let rig: TwilioRig;
  let newYork: { key: string; campaignId: string; companyId: string };
  let losAngeles: { key: string; campaignId: string };
  let danaId: string;
  let sid = 0;

  const launch = (callerNumber: string, routing: Record<string, unknown>) =>
    launchRigCampaign(rig.client, {
      contacts: [{ phone: dana, name: 'Dana Whitfield', timezone: 'America/New_York', state: 'NY' }],
      company: { outboundLines: 1, concurrencyRate: 1, timezone: 'America/New_York', businessHours: hours },
      callerNumber,
      settings: {
        type: 'voice',
        schedule: { mode: 'custom', slots: hours },
        runs: [{ start: '2027-04-05T14:00:00.000Z', slots: hours, channels: ['voice'] }],
        routing,
      },
    });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'inbound-calls-'));
    rig = await twilioRig({ dir, start: new Date('2027-03-12T15:00:00.000Z') });
    newYork = await launch(newYorkLine, {
      mode: 'schedule_based',
      businessHours: 'ai',
      afterHours: 'voicemail',
      forwardingNumber,
    });
    losAngeles = await launch(losAngelesLine, {
      mode: 'schedule_based',
      businessHours: 'transfer',
      afterHours: 'ai',
      forwardingNumber,
      timezone: 'America/Los_Angeles',
    });
    await rig.settle();
    const found = await rig.client.get(
      `/v1/campaigns/${newYork.campaignId}/contacts?search=${encodeURIComponent(dana)}`,
      newYork.key,
    );
    danaId = found.items[0].contactId;
    expect(danaId).to.be.a('string');
  });
  after(async () => {
    await rig?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const nextSid = () => `CA${String(++sid).padStart(32, '0')}`;
  const ring = (callSid: string, from: string, to: string) =>
    rig.fake.playCallback(`${rig.url}/webhooks/twilio/voice/inbound`, {
      AccountSid: rig.fake.accountSid,
      ApiVersion: '2010-04-01',
      CallSid: callSid,
      CallStatus: 'ringing',
      Direction: 'inbound',
      From: from,
      To: to,
    });
  const statusOf = (callSid: string, status: string, extra: Record<string, string> = {}) =>
    rig.fake.playCallback(`${rig.url}/webhooks/twilio/voice/status`, {
      AccountSid: rig.fake.accountSid,
      CallSid: callSid,
      CallStatus: status,
      Direction: 'inbound',
      Timestamp: rig.clock.now().toUTCString().replace('GMT', '+0000'),
      ...extra,
    });
  const factsOf = async (callSid: string): Promise<Fact[]> => {
    const facts: Fact[] = [];
    for await (const event of rig.eventStore.readStream(`call-${inboundCallIdOf(callSid)}`))
      facts.push({ type: event.type, data: event.data as Record<string, any> });
    return facts;
  };
  const at = (instant: string) => rig.clock.advanceTo(new Date(instant));
  const stream = (campaignId: string, callSid: string, contactId?: string) =>
    `${xml}<Response><Connect><Stream url="wss://voice.example.com/ava"><Parameter name="campaignId" value="${campaignId}"/>` +
    `${contactId ? `<Parameter name="contactId" value="${contactId}"/>` : ''}<Parameter name="callId" value="${inboundCallIdOf(callSid)}"/></Stream></Connect></Response>`;
  const voicemail = (callSid: string) =>
    `${xml}<Response><Say>Please leave a message after the tone.</Say><Record maxLength="120" playBeep="true" recordingStatusCallback="${rig.url}/webhooks/twilio/voice/status?callId=${inboundCallIdOf(callSid)}" recordingStatusCallbackMethod="POST"/><Hangup/></Response>`;

  it("takes a message after hours from a campaign's contact, records it with its recording, and shows it in the reports", async () => {
    // Saturday 13 March 2027, 08:30 in New York (EST): before the company's hours.
    await at('2027-03-13T13:30:00.000Z');
    const callSid = nextSid();
    const answered = await ring(callSid, dana, newYorkLine);
    expect(answered.status).to.equal(200);
    expect(answered.text).to.equal(voicemail(callSid));
    const callId = inboundCallIdOf(callSid);
    expect(await factsOf(callSid)).to.deep.equal([
      {
        type: 'InboundCallReceived',
        data: {
          callId,
          carrierCallId: callSid,
          from: dana,
          to: newYorkLine,
          receivedAt: '2027-03-13T13:30:00.000Z',
          callerMatch: 'campaign_contact',
          campaignId: newYork.campaignId,
          contactId: danaId,
          route: {
            action: 'voicemail',
            reason: 'after_hours',
            mode: 'schedule_based',
            timezone: 'America/New_York',
            localTime: '2027-03-13T08:30:00.000-05:00',
            withinHours: false,
          },
        },
      },
    ]);

    // Twilio asks again (a retry): the same answer, nothing recorded twice.
    const head = await rig.eventStore.headPosition();
    expect((await ring(callSid, dana, newYorkLine)).text).to.equal(voicemail(callSid));
    expect(await rig.eventStore.headPosition()).to.equal(head);

    // The number's status callback names no call of ours: the call is found by its CallSid.
    await at('2027-03-13T13:31:10.000Z');
    expect((await statusOf(callSid, 'completed', { CallDuration: '70', SequenceNumber: '0' })).status).to.equal(204);
    const recordingUrl = `${rig.fake.url}/2010-04-01/Accounts/${rig.fake.accountSid}/Recordings/RE00000000000000000000000000000001`;
    const recording = await rig.fake.playCallback(`${rig.url}/webhooks/twilio/voice/status?callId=${callId}`, {
      AccountSid: rig.fake.accountSid,
      CallSid: callSid,
      RecordingSid: 'RE00000000000000000000000000000001',
      RecordingUrl: recordingUrl,
      RecordingStatus: 'completed',
      RecordingDuration: '52',
      RecordingSource: 'RecordVerb',
    });
    expect(recording.status).to.equal(204);
    expect((await factsOf(callSid)).slice(1)).to.deep.equal([
      {
        type: 'CallCompleted',
        data: {
          callId,
          carrierCallId: callSid,
          outcome: 'voicemail',
          progress: 'completed',
          durationSeconds: 70,
          endedAt: '2027-03-13T13:31:10.000Z',
        },
      },
      { type: 'RecordingAvailable', data: { callId, url: recordingUrl } },
    ]);

    await rig.settle();
    const calls = await rig.client.get(
      `/v1/campaigns/${newYork.campaignId}/reports/calls?direction=inbound`,
      newYork.key,
    );
    expect(calls.items).to.have.length(1);
    expect(calls.items[0]).to.deep.include({
      callId,
      contactId: danaId,
      contactName: 'Dana Whitfield',
      direction: 'inbound',
      from: dana,
      to: newYorkLine,
      outcome: 'voicemail',
      requestedAt: '2027-03-13T13:30:00.000Z',
      endedAt: '2027-03-13T13:31:10.000Z',
      durationSeconds: 70,
      recording: `/v1/campaigns/${newYork.campaignId}/reports/calls/${callId}/recording`,
      decision: null,
    });
    expect(calls.items[0].route).to.include({
      action: 'voicemail',
      reason: 'after_hours',
      localTime: '2027-03-13T08:30:00.000-05:00',
    });
    expect(
      (await rig.client.get(`/v1/campaigns/${newYork.campaignId}/reports/calls?direction=outbound`, newYork.key)).items,
    ).to.deep.equal([]);

    const timeline = await rig.client.get(`/v1/campaigns/${newYork.campaignId}/contacts/${danaId}`, newYork.key);
    const entry = (timeline.timeline as Record<string, unknown>[]).find((e) => e['callId'] === callId);
    expect(entry).to.include({
      kind: 'call',
      direction: 'inbound',
      from: dana,
      to: newYorkLine,
      outcome: 'voicemail',
      durationSeconds: 70,
      recorded: true,
    });

    const engagement = await rig.client.get(`/v1/campaigns/${newYork.campaignId}/reports/engagement`, newYork.key);
    expect(engagement.items[0]).to.include({ contactId: danaId, callsReceived: 1, totalInbound: 1 });
  });

  it('reads the hours on the wall clock of the zone on the day clocks go forward', async () => {
    // Sunday 14 March 2027: 01:59 EST is followed by 03:00 EDT.
    const expectations = [
      {
        instant: '2027-03-14T06:59:00.000Z',
        localTime: '2027-03-14T01:59:00.000-05:00',
        action: 'voicemail',
        withinHours: false,
      },
      {
        instant: '2027-03-14T07:00:00.000Z',
        localTime: '2027-03-14T03:00:00.000-04:00',
        action: 'voicemail',
        withinHours: false,
      },
      // 13:30Z is 09:30 EDT (in hours), though it would be 08:30 on the winter offset.
      {
        instant: '2027-03-14T13:30:00.000Z',
        localTime: '2027-03-14T09:30:00.000-04:00',
        action: 'ai',
        withinHours: true,
      },
      // 21:30Z is 17:30 EDT (after hours), though it would be 16:30 on the winter offset.
      {
        instant: '2027-03-14T21:30:00.000Z',
        localTime: '2027-03-14T17:30:00.000-04:00',
        action: 'voicemail',
        withinHours: false,
      },
    ];
    for (const expected of expectations) {
      await at(expected.instant);
      const callSid = nextSid();
      const answered = await ring(callSid, dana, newYorkLine);
      expect(answered.text, expected.instant).to.equal(
        expected.action === 'ai' ? stream(newYork.campaignId, callSid, danaId) : voicemail(callSid),
      );
      const [received] = await factsOf(callSid);
      expect(received!.data['route'], expected.instant).to.deep.equal({
        action: expected.action,
        reason: expected.withinHours ? 'within_business_hours' : 'after_hours',
        mode: 'schedule_based',
        timezone: 'America/New_York',
        localTime: expected.localTime,
        withinHours: expected.withinHours,
      });
    }
  });

  it("reads the hours in the routing's own zone, and transfers in them to the forwarding number", async () => {
    // Monday 15 March 2027, 14:30Z: 10:30 in New York, but 07:30 in Los Angeles, the routing's zone.
    await at('2027-03-15T14:30:00.000Z');
    const early = nextSid();
    const earlyAnswer = await ring(early, dana, losAngelesLine);
    const danaThere = (await factsOf(early))[0]!.data['contactId'];
    expect(danaThere).to.be.a('string').and.not.equal(danaId);
    expect(earlyAnswer.text).to.equal(stream(losAngeles.campaignId, early, danaThere));
    expect((await factsOf(early))[0]!.data['route']).to.deep.equal({
      action: 'ai',
      reason: 'after_hours',
      mode: 'schedule_based',
      timezone: 'America/Los_Angeles',
      localTime: '2027-03-15T07:30:00.000-07:00',
      withinHours: false,
    });
    // 22:30Z: 18:30 in New York, 15:30 in Los Angeles.
    await at('2027-03-15T22:30:00.000Z');
    const late = nextSid();
    expect((await ring(late, dana, losAngelesLine)).text).to.equal(
      `${xml}<Response><Dial>${forwardingNumber}</Dial></Response>`,
    );
    const facts = await factsOf(late);
    expect(facts.map((f) => f.type)).to.deep.equal(['InboundCallReceived', 'CallTransferred']);
    expect(facts[0]!.data['route']).to.include({
      action: 'transfer',
      reason: 'within_business_hours',
      withinHours: true,
      forwardingNumber,
      localTime: '2027-03-15T15:30:00.000-07:00',
    });
    expect(facts[1]!.data).to.deep.equal({
      callId: inboundCallIdOf(late),
      at: '2027-03-15T22:30:00.000Z',
      to: forwardingNumber,
      campaignId: facts[0]!.data['campaignId'],
      contactId: facts[0]!.data['contactId'],
    });
    expect(facts[1]!.data['campaignId']).to.equal(losAngeles.campaignId);
    await at('2027-03-15T22:35:00.000Z');
    expect((await statusOf(late, 'completed', { CallDuration: '300' })).status).to.equal(204);
    expect((await factsOf(late))[2]!.data).to.include({ outcome: 'transferred', durationSeconds: 300 });
  });

  it('records a caller no campaign knows as an unknown caller of the campaign on the number, with no contact', async () => {
    await at('2027-03-16T15:00:00.000Z');
    const callSid = nextSid();
    expect((await ring(callSid, stranger, newYorkLine)).text).to.equal(stream(newYork.campaignId, callSid));
    const [received] = await factsOf(callSid);
    expect(received!.data).to.include({
      callerMatch: 'unknown',
      campaignId: newYork.campaignId,
      from: stranger,
      to: newYorkLine,
    });
    expect(received!.data).to.not.have.property('contactId');
    await rig.settle();
    const rows = (
      await rig.client.get(`/v1/campaigns/${newYork.campaignId}/reports/calls?direction=inbound`, newYork.key)
    ).items as Record<string, unknown>[];
    expect(rows.find((row) => row['callId'] === inboundCallIdOf(callSid))).to.include({
      contactId: null,
      contactName: null,
      from: stranger,
      outcome: 'in_progress',
    });
    // The auditor's replay of the campaign holds the call, though no stream of the campaign names it.
    const log = await campaignLog(
      rig.eventStore,
      newYork.campaignId,
      undefined,
      (event) => `${event.type} ${event.stream}`,
      inboundCallIdsOf(rig.readStore),
    );
    expect(log).to.include(`InboundCallReceived call-${inboundCallIdOf(callSid)}`);
  });

  it('answers a number of the company that serves no campaign as not in service and records it for the company; a number nobody owns is not recorded', async () => {
    const spare = '+13125550144';
    await rig.client.post('/v1/agents', newYork.key, {
      name: 'Spare',
      voice: 'warm',
      streamUrl: 'wss://voice.example.com/spare',
      callerNumber: spare,
    });
    await rig.settle();
    const notInService = `${xml}<Response><Say>This number cannot take your call.</Say><Hangup/></Response>`;
    const owned = nextSid();
    expect((await ring(owned, stranger, spare)).text).to.equal(notInService);
    const [received] = await factsOf(owned);
    expect(received!.data).to.deep.include({
      callerMatch: 'unknown',
      route: { action: 'not_in_service', reason: 'no_campaign' },
    });
    for await (const event of rig.eventStore.readStream(`call-${inboundCallIdOf(owned)}`))
      expect(event.metadata.companyId).to.equal(newYork.companyId);

    const head = await rig.eventStore.headPosition();
    const nobodys = nextSid();
    expect((await ring(nobodys, stranger, '+13125559999')).text).to.equal(notInService);
    expect(await rig.eventStore.headPosition()).to.equal(head);
    // Its status report names no call of ours: 404, nothing recorded.
    const status = await statusOf(nobodys, 'completed', { CallDuration: '3' });
    expect(status.status).to.equal(404);
    expect(await rig.eventStore.headPosition()).to.equal(head);
  });
});
