import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '../../../domain/events/event.ts';
import { outreachRig, type OutreachRig } from '../../support/outreachRig.ts';
import { playedCampaign, type PlayedCampaign } from '../../support/playedCampaign.ts';
import { scrapedMetrics, valueOf } from './scrapedMetrics.ts';
import { endedCall } from '../../../http/outreachWatch/outreachLogLine.ts';
import type { CallOutcome } from '../../../domain/call/outcome.ts';

type Data = Record<string, any>;
type Line = { level: number; msg: string } & Data;
const INFO = 30;
const DEBUG = 20;

/** The engine's log as pino writes it, one parsed line at a time. */
const capturedLog = () => {
  const lines: Line[] = [];
  return { lines, destination: { write: (text: string) => void lines.push(JSON.parse(text) as Line) } };
};

const allEvents = async (rig: OutreachRig): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  for await (const event of rig.eventStore.readAll()) events.push(event);
  return events;
};

describe('watching outreach: the log and the metrics of a campaign as it plays', function () {
  this.timeout(240_000);

  describe('given a campaign played to its end at the info level', () => {
    let dir: string;
    let rig: OutreachRig;
    let played: PlayedCampaign;
    let events: RecordedEvent[];
    const log = capturedLog();
    let midway: Awaited<ReturnType<typeof scrapedMetrics>>;
    let midwayEvents: RecordedEvent[];
    let stopper: Data;

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'outreach-watch-'));
      rig = await outreachRig({
        dir,
        start: new Date('2026-12-01T15:00:00.000Z'),
        seed: 11,
        log: { level: 'info', destination: log.destination },
      });
      played = await playedCampaign(rig, { contacts: 8, minutes: 10, settings: { completeOnFormComplete: true } });
      midway = await scrapedMetrics(rig.url);
      midwayEvents = await allEvents(rig);
      stopper = played.events
        .filter((e) => e.type === 'ContactsEnrolled')
        .flatMap((e) => (e.data as Data)['contacts'] as Data[])[0]!;
      await rig.outreach.reports.telephony.inboundSms({
        carrierMessageId: 'SM-watch-1',
        from: stopper['phone'],
        to: '+13125550111',
        body: 'STOP',
        receivedAt: rig.clock.now().toISOString(),
      });
      for (
        let minute = 0;
        minute < 300 && !(await allEvents(rig)).some((e) => e.type === 'CampaignCompleted');
        minute++
      )
        await rig.minute();
      await rig.settle();
      events = await allEvents(rig);
    });
    after(async () => {
      await rig.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    const ofCampaign = (type: string) =>
      events.filter(
        (e) =>
          e.type === type && ((e.data as Data)['campaignId'] === played.campaignId || e.stream.startsWith(`message-`)),
      );
    const linesSaying = (msg: string) => log.lines.filter((line) => line.msg === msg);

    it('then every call placed and every attempt ended has an info line with its ids, the outcome in words and the number masked', () => {
      const requests = new Map(ofCampaign('CallRequested').map((e) => [(e.data as Data)['callId'], e.data as Data]));
      const placed = ofCampaign('CallPlaced');
      expect(placed.length, 'calls placed').to.be.greaterThan(3);
      for (const { data } of placed) {
        const request = requests.get((data as Data)['callId'])!;
        const line = linesSaying('call placed').find((l) => l['callId'] === (data as Data)['callId']);
        expect(line, `line of call ${(data as Data)['callId']}`).to.deep.include({
          level: INFO,
          companyId: played.companyId,
          campaignId: played.campaignId,
          contactId: request['contactId'],
          attempt: request['attempt'],
        });
        expect(line!['to']).to.equal(`+*********${String(request['to']).slice(-2)}`);
      }
      const ended = ofCampaign('CallAttemptEnded');
      expect(new Set(ended.map((e) => (e.data as Data)['outcome'])).size, 'kinds of outcome').to.be.greaterThan(1);
      for (const { data } of ended) {
        const { callId, outcome, contactId } = data as Data;
        expect(
          log.lines.filter((l) => l['callId'] === callId && l.msg === endedCall[outcome as CallOutcome]),
          `${outcome} of ${callId}`,
        ).to.have.length(1);
        expect(
          log.lines.find((l) => l['callId'] === callId && l.msg === endedCall[outcome as CallOutcome]),
        ).to.deep.include({ outcome, contactId, campaignId: played.campaignId });
      }
    });

    it('then each message sent, the STOP received, the opt-out, each contact completed and the campaign completed have their line', () => {
      const sent = events.filter((e) => e.type === 'MessageSent');
      expect(sent.length, 'messages sent').to.be.greaterThan(3);
      for (const { data } of sent)
        expect(
          linesSaying('message sent').filter((l) => l['messageId'] === (data as Data)['messageId']),
          (data as Data)['messageId'],
        ).to.have.length(1);
      expect(linesSaying('message received').find((l) => l['contactId'] === stopper['contactId'])).to.deep.include({
        from: `+*********${String(stopper['phone']).slice(-2)}`,
        intent: 'opt_out',
      });
      expect(
        linesSaying('contact opted out').find(
          (l) => l['address'] === `+*********${String(stopper['phone']).slice(-2)}`,
        ),
      ).to.deep.include({ companyId: played.companyId, source: 'sms_keyword' });
      const completed = [...ofCampaign('ContactMarkedCompleted'), ...ofCampaign('ContactCompletedAllCalls')];
      expect(completed.length, 'contacts completed').to.be.greaterThan(0);
      expect(linesSaying('contact completed').length + linesSaying('contact completed for calls').length).to.equal(
        completed.length,
      );
      expect(linesSaying('campaign completed')).to.have.length(1);
      expect(linesSaying('campaign completed')[0]).to.deep.include({
        companyId: played.companyId,
        campaignId: played.campaignId,
      });
    });

    it('then no line holds a contact number or email in full, and no debug line is written at info', () => {
      const contacts = played.events
        .filter((e) => e.type === 'ContactsEnrolled')
        .flatMap((e) => (e.data as Data)['contacts'] as Data[]);
      const written = JSON.stringify(log.lines);
      for (const contact of contacts) {
        expect(written).to.not.include(String(contact['phone']).slice(2));
        if (contact['email']) expect(written).to.not.include(contact['email']);
      }
      expect(log.lines.filter((l) => l.level <= DEBUG)).to.deep.equal([]);
    });

    it('then midway the gauges count the contacts by status and the counters what was done so far', () => {
      const labels = { company: played.companyId, campaign: played.campaignId };
      const byStatus = { active: 0, completed: 0, completed_all_calls: 0 };
      const contacts = midwayEvents
        .filter((e) => e.type === 'ContactsEnrolled')
        .flatMap((e) => ((e.data as Data)['contacts'] as Data[]).map((c) => c['contactId'] as string));
      for (const contactId of contacts) {
        const last = midwayEvents
          .filter(
            (e) =>
              e.stream === `enrollment-${played.campaignId}.${contactId}` &&
              ['ContactMarkedCompleted', 'ContactCompletedAllCalls', 'ContactOutreachResumed'].includes(e.type),
          )
          .at(-1);
        byStatus[
          last?.type === 'ContactMarkedCompleted'
            ? 'completed'
            : last?.type === 'ContactCompletedAllCalls'
              ? 'completed_all_calls'
              : 'active'
        ] += 1;
      }
      expect(byStatus.active, 'active midway').to.be.greaterThan(0);
      expect(byStatus.completed, 'completed midway').to.be.greaterThan(0);
      for (const [status, count] of Object.entries(byStatus))
        expect(valueOf(midway, 'outreach_contacts', { ...labels, status }), status).to.equal(count);
      const requested = midwayEvents.filter((e) => e.type === 'CallRequested').length;
      expect(requested).to.be.greaterThan(0);
      expect(
        valueOf(midway, 'outreach_dispatch_decisions_total', { ...labels, decision: 'called', reason: 'in_window' }),
      ).to.equal(requested);
    });

    it('then at the end the counters hold every call by outcome, every message by channel and direction and the opt-out', async () => {
      const samples = await scrapedMetrics(rig.url);
      const labels = { company: played.companyId, campaign: played.campaignId };
      const outcomes = new Map<string, number>();
      for (const { data } of ofCampaign('CallAttemptEnded'))
        outcomes.set((data as Data)['outcome'], (outcomes.get((data as Data)['outcome']) ?? 0) + 1);
      for (const [outcome, count] of outcomes)
        expect(valueOf(samples, 'outreach_calls_total', { ...labels, outcome }), outcome).to.equal(count);
      const channelOf = new Map(
        events
          .filter((e) => e.type === 'MessageRequested')
          .map((e) => [(e.data as Data)['messageId'], (e.data as Data)['channel']]),
      );
      for (const channel of ['sms', 'email']) {
        const count = events.filter(
          (e) => e.type === 'MessageSent' && channelOf.get((e.data as Data)['messageId']) === channel,
        ).length;
        expect(count, `${channel} sent`).to.be.greaterThan(0);
        expect(
          valueOf(samples, 'outreach_messages_total', { ...labels, channel, direction: 'outbound' }),
          channel,
        ).to.equal(count);
      }
      expect(valueOf(samples, 'outreach_messages_total', { ...labels, channel: 'sms', direction: 'inbound' })).to.equal(
        events.filter((e) => e.type === 'InboundMessageReceived').length,
      );
      const optOuts = events.filter(
        (e) =>
          e.type === 'ContactOptedOut' &&
          (e.data as Data)['campaignId'] === played.campaignId &&
          (e.data as Data)['source'] === 'sms_keyword',
      );
      expect(optOuts.length).to.be.greaterThan(0);
      expect(
        valueOf(samples, 'outreach_opt_outs_total', { ...labels, channel: 'all', source: 'sms_keyword' }),
      ).to.equal(optOuts.length);
      expect(
        samples.filter((s) => s.name === 'outreach_contacts' && s.labels['campaign'] === played.campaignId),
        'gauges of a completed campaign',
      ).to.deep.equal([]);
    });

    it('then an hour after the campaign completed its series are gone from /metrics', async () => {
      const completedAt = Date.parse((events.find((e) => e.type === 'CampaignCompleted')!.data as Data)['at']);
      await rig.clock.advanceTo(new Date(completedAt + 61 * 60_000));
      const samples = await scrapedMetrics(rig.url);
      expect(samples.filter((s) => s.labels['campaign'] === played.campaignId)).to.deep.equal([]);
    });
  });

  describe("given a campaign launched at night in its contacts' zone, at the debug level", () => {
    let dir: string;
    let rig: OutreachRig;
    let played: PlayedCampaign;
    const log = capturedLog();
    let before_: Awaited<ReturnType<typeof scrapedMetrics>>;

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'outreach-watch-night-'));
      // 22:00 in Chicago: past the campaign's 08:00-21:00 slot.
      rig = await outreachRig({
        dir,
        start: new Date('2026-12-02T04:00:00.000Z'),
        seed: 5,
        log: { level: 'debug', destination: log.destination },
      });
      played = await playedCampaign(rig, { contacts: 3, minutes: 0 });
      before_ = await scrapedMetrics(rig.url);
      for (let minute = 0; minute < 30; minute++) await rig.minute();
      await rig.settle();
      played = { ...played, events: await allEvents(rig) };
    });
    after(async () => {
      await rig.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('then one debug line per refusal names the contact, the reason, its local time and the next opening', () => {
      const refusals = played.events.filter((e) => e.type === 'NextAttemptScheduled');
      expect(refusals).to.have.length(played.enrolled);
      for (const { data } of refusals) {
        const { contactId, reason, at, localTime } = data as Data;
        expect(localTime).to.match(/^2026-12-01T22:0\d:00\.000-06:00$/);
        expect(
          log.lines.filter((l) => l.msg === 'outside calling window' && l['contactId'] === contactId),
        ).to.deep.equal([log.lines.find((l) => l.msg === 'outside calling window' && l['contactId'] === contactId)]);
        expect(
          log.lines.find((l) => l.msg === 'outside calling window' && l['contactId'] === contactId),
        ).to.deep.include({ level: DEBUG, reason, localTime, nextOpening: at, campaignId: played.campaignId });
      }
    });

    it('then half an hour of ticks tells the next opening once, with every contact waiting for it', () => {
      const opensAt = (played.events.find((e) => e.type === 'NextAttemptScheduled')!.data as Data)['at'];
      expect(
        played.events.filter((e) => e.type === 'NextAttemptScheduled' && (e.data as Data)['at'] !== opensAt),
      ).to.deep.equal([]);
      const told = log.lines.filter((l) => String(l.msg).startsWith('next window opens'));
      expect(told.map((l) => [l.level, l.msg])).to.deep.equal([
        [INFO, `next window opens at ${opensAt} for ${played.enrolled} contacts`],
      ]);
      expect(told[0]).to.deep.include({
        companyId: played.companyId,
        campaignId: played.campaignId,
        opensAt,
        contacts: played.enrolled,
      });
    });

    it('then the due queue gauge shows the contacts due before the dispatcher and none after, and the reschedulings count by reason', async () => {
      const labels = { company: played.companyId, campaign: played.campaignId };
      expect(valueOf(before_, 'outreach_due_contacts', labels)).to.equal(played.enrolled);
      expect(valueOf(before_, 'outreach_contacts', { ...labels, status: 'active' })).to.equal(played.enrolled);
      const after_ = await scrapedMetrics(rig.url);
      expect(valueOf(after_, 'outreach_due_contacts', labels)).to.equal(0);
      const reason = (played.events.find((e) => e.type === 'NextAttemptScheduled')!.data as Data)['reason'];
      expect(
        valueOf(after_, 'outreach_dispatch_decisions_total', { ...labels, decision: 'rescheduled', reason }),
      ).to.equal(played.enrolled);
      expect(
        valueOf(after_, 'outreach_dispatch_decisions_total', { ...labels, decision: 'called', reason: 'in_window' }),
      ).to.equal(0);
    });
  });
});
