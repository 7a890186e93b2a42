import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '../../domain/events/event.ts';
import { outreachRig, type OutreachRig } from '../support/outreachRig.ts';
import { launchRigCampaign } from '../support/rigCampaign.ts';

const everyDay = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
// The number the rig's agent calls from (and the simulated carrier texts from).
const companyNumber = '+13125550111';
const stopped = '+13125550100';
const stoppedElsewhere = '+13125550101';
const neverTexted = '+13125550102';

describe('a STOP texted before any company could be found for it', () => {
  let dir: string;
  let rig: OutreachRig;
  // Tuesday 1 December 2026, 09:00 in Chicago.
  const start = new Date('2026-12-01T15:00:00.000Z');
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'unrouted-'));
    rig = await outreachRig({ dir, start, seed: 3 });
  });
  afterEach(async () => {
    await rig.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const streamOf = async (stream: string) => {
    const events = [];
    for await (const event of rig.eventStore.readStream(stream)) events.push(event);
    return events;
  };
  const inbound = (from: string, to: string, body: string, id: string, receivedAt: string) =>
    rig.outreach.reports.telephony.inboundSms({ carrierMessageId: id, from, to, body, receivedAt });

  it("is recorded on the sender's unrouted stream, once, with its intent", async () => {
    await inbound(stopped, companyNumber, 'STOP', 'SM-early-1', '2026-11-20T16:00:00.000Z');
    await inbound(stopped, companyNumber, 'STOP', 'SM-early-1', '2026-11-20T16:00:00.000Z');
    await inbound(stopped, '+14155550199', 'who is this?', 'SM-early-2', '2026-11-21T16:00:00.000Z');
    const events = await streamOf(`unrouted-${stopped}`);
    expect(events.map((e) => e.type)).to.deep.equal(['UnroutedTextReceived', 'UnroutedTextReceived']);
    expect(events[0]!.data).to.deep.equal({
      from: stopped,
      to: companyNumber,
      body: 'STOP',
      carrierMessageId: 'SM-early-1',
      receivedAt: '2026-11-20T16:00:00.000Z',
      intent: 'opt_out',
    });
    expect(events[1]!.data).to.deep.include({ to: '+14155550199', intent: 'message' });
  });

  it('is honoured by the company that later calls and texts the sender from that number: opted out first, nothing sent', async () => {
    await inbound(stopped, companyNumber, 'Please remove me from your list', 'SM-early-3', '2026-11-20T16:00:00.000Z');
    // A STOP to a number this company does not use binds it to nothing.
    await inbound(stoppedElsewhere, '+14155550199', 'STOP', 'SM-early-4', '2026-11-20T16:05:00.000Z');
    const slots = [{ days: everyDay, start: '08:00', end: '21:00' }];
    const { companyId, campaignId } = await launchRigCampaign(rig.client, {
      contacts: [stopped, stoppedElsewhere, neverTexted].map((phone) => ({
        phone,
        state: 'IL',
        timezone: 'America/Chicago',
      })),
      company: { outboundLines: 3, concurrencyRate: 100 },
      settings: {
        type: 'multichannel',
        schedule: { mode: 'custom', slots },
        runs: [{ start: start.toISOString(), slots, channels: ['voice'] }],
        workflows: [
          {
            name: 'Heads-up',
            trigger: { kind: 'enrolled' },
            steps: [{ channel: 'sms', body: 'Hi {{contact.firstName}}, we will call you shortly.' }],
          },
        ],
      },
    });
    await rig.settle();
    for (let i = 0; i < 3; i++) await rig.minute();

    const consent = await streamOf(`consent-${companyId}.${stopped}`);
    expect(consent.map((e) => e.type)).to.deep.equal(['ContactOptedOut']);
    expect(consent[0]!.data).to.deep.equal({
      companyId,
      address: stopped,
      channel: 'all',
      source: 'sms_free_text',
      at: '2026-11-20T16:00:00.000Z',
      sentTo: companyNumber,
      excerpt: 'Please remove me from your list',
    });

    const all: RecordedEvent[] = [];
    for await (const event of rig.eventStore.readAll()) all.push(event);
    const calledNumbers = all.filter((e) => e.type === 'CallRequested').map((e) => (e.data as { to: string }).to);
    const textedNumbers = all.filter((e) => e.type === 'MessageRequested').map((e) => (e.data as { to: string }).to);
    const withheldTexts = all
      .filter((e) => e.type === 'MessageWithheld')
      .map((e) => e.data as { to: string; reason: string });
    expect(calledNumbers).to.not.include(stopped);
    expect(textedNumbers).to.not.include(stopped);
    expect(withheldTexts.filter((w) => w.to === stopped).map((w) => w.reason)).to.deep.equal(['opted_out']);
    expect(
      all.some(
        (e) => e.type === 'CallsWithheld' && e.stream === `enrollment-${campaignId}.${contactIdOf(all, stopped)}`,
      ),
    ).to.equal(true);

    expect(calledNumbers).to.include.members([stoppedElsewhere, neverTexted]);
    expect(textedNumbers).to.include.members([stoppedElsewhere, neverTexted]);
    expect(await streamOf(`consent-${companyId}.${stoppedElsewhere}`)).to.have.length(0);
  });

  it('is honoured by a messaging campaign too: its text to the sender is withheld as opted out', async () => {
    await inbound(stopped, companyNumber, 'STOP', 'SM-early-5', '2026-11-20T16:00:00.000Z');
    const slots = [{ days: everyDay, start: '08:00', end: '21:00' }];
    const { companyId } = await launchRigCampaign(rig.client, {
      contacts: [stopped, neverTexted].map((phone) => ({ phone, state: 'IL', timezone: 'America/Chicago' })),
      company: { outboundLines: 1, concurrencyRate: 100 },
      settings: {
        type: 'messaging',
        schedule: { mode: 'custom', slots },
        workflows: [
          {
            name: 'Heads-up',
            trigger: { kind: 'enrolled' },
            steps: [{ channel: 'sms', body: 'Hi {{contact.firstName}}, your case has news.' }],
          },
        ],
      },
    });
    await rig.settle();
    for (let i = 0; i < 2; i++) await rig.minute();
    const all: RecordedEvent[] = [];
    for await (const event of rig.eventStore.readAll()) all.push(event);
    expect(all.filter((e) => e.type === 'MessageRequested').map((e) => (e.data as { to: string }).to)).to.deep.equal([
      neverTexted,
    ]);
    const withheld = all
      .filter((e) => e.type === 'MessageWithheld')
      .map((e) => e.data as { to: string; reason: string });
    expect(withheld.map((w) => [w.to, w.reason])).to.deep.equal([[stopped, 'opted_out']]);
    expect(
      (await streamOf(`consent-${companyId}.${stopped}`)).map((e) => [e.type, (e.data as { source: string }).source]),
    ).to.deep.equal([['ContactOptedOut', 'sms_keyword']]);
  });
});

/** The contact id a campaign enrolled a phone number under. */
const contactIdOf = (events: readonly RecordedEvent[], phone: string): string => {
  for (const event of events)
    if (event.type === 'ContactsEnrolled') {
      const found = (event.data as { contacts: { contactId: string; phone: string }[] }).contacts.find(
        (c) => c.phone === phone,
      );
      if (found) return found.contactId;
    }
  throw new Error(`no contact enrolled with ${phone}`);
};
