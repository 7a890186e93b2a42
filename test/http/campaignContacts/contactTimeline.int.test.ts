import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '../../../domain/events/event.ts';
import { ADMIN_TOKEN } from '../../support/apiHarness.ts';
import { outreachRig, type OutreachRig } from '../../support/outreachRig.ts';
import { playedCampaign, type PlayedCampaign } from '../../support/playedCampaign.ts';

type Data = Record<string, any>;
type Entry = Data & { kind: string; at: string };

const dataOf = (event: RecordedEvent): Data => event.data as Data;

/** What the raw events say about one contact's calls, messages, texts received, opt-outs and answers. */
const fromEvents = (events: readonly RecordedEvent[], campaignId: string, contactId: string) => {
  const mine = (e: RecordedEvent) => dataOf(e)['campaignId'] === campaignId && dataOf(e)['contactId'] === contactId;
  const callIds = events.filter((e) => e.type === 'CallRequested' && mine(e)).map((e) => dataOf(e)['callId'] as string);
  const ofCall = (callId: string, type: string) =>
    events.filter((e) => e.type === type && dataOf(e)['callId'] === callId).map(dataOf);
  const calls = callIds.map((callId) => ({
    callId,
    outcome: ofCall(callId, 'CallAttemptEnded')[0]?.['outcome'] ?? null,
    answered: ofCall(callId, 'CallProgressed').some((d) => d['progress'] === 'in_progress'),
    transferred: ofCall(callId, 'CallTransferred').length > 0,
    summary: ofCall(callId, 'CallSummaryRecorded').at(-1)?.['summary'] ?? null,
  }));
  const messageIds = events
    .filter((e) => (e.type === 'MessageRequested' || e.type === 'MessageWithheld') && mine(e))
    .map((e) => dataOf(e)['messageId'] as string);
  const ofMessage = (id: string, type: string) =>
    events.filter((e) => e.type === type && dataOf(e)['messageId'] === id).map(dataOf);
  const messages = messageIds.map((messageId) => {
    const reported = ofMessage(messageId, 'MessageStatusReported').map((d) => d['progress']);
    const status =
      ofMessage(messageId, 'MessageWithheld').length > 0
        ? 'withheld'
        : ofMessage(messageId, 'MessageFailed').length > 0
          ? 'failed'
          : reported.includes('delivered')
            ? 'delivered'
            : ofMessage(messageId, 'MessageSent').length > 0 || reported.includes('sent')
              ? 'sent'
              : reported.includes('queued')
                ? 'queued'
                : 'requested';
    return { messageId, status };
  });
  const inbound = events.filter((e) => e.type === 'InboundMessageReceived' && mine(e)).map((e) => dataOf(e)['body']);
  const optOuts = events.filter((e) => e.type === 'ContactOptedOut' && mine(e)).map((e) => dataOf(e)['source']);
  const answers: Data = {};
  for (const e of events.filter((e) => e.type === 'FormAnswersRecorded' && mine(e)))
    for (const [field, value] of Object.entries(dataOf(e)['answers'] as Data))
      answers[field] = { value, at: dataOf(e)['at'], callId: dataOf(e)['callId'] };
  return { calls, messages, inbound, optOuts, answers };
};

describe('GET /v1/campaigns/:id/contacts/:contactId: one contact and its timeline', function () {
  this.timeout(240_000);
  let dir: string;
  let rig: OutreachRig;
  let played: PlayedCampaign;
  let contactIds: string[];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'timeline-'));
    // Tuesday 1 December 2026, 09:00 in Chicago.
    rig = await outreachRig({ dir, start: new Date('2026-12-01T15:00:00.000Z'), seed: 11 });
    played = await playedCampaign(rig, { contacts: 24, minutes: 90 });
    contactIds = played.events
      .filter((e) => e.type === 'ContactsEnrolled')
      .flatMap((e) => (dataOf(e)['contacts'] as Data[]).map((c) => c['contactId'] as string));
  });
  after(async () => {
    await rig.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const contactOf = (contactId: string, key = played.key) =>
    rig.client.get(`/v1/campaigns/${played.campaignId}/contacts/${contactId}`, key);

  it("given a campaign played on the simulated carriers, then each contact's timeline holds exactly its calls, messages, texts received and opt-outs, as the events record them", async () => {
    const seen = { answered: 0, transferred: 0, summaries: 0, messages: 0, inbound: 0, answers: 0, optOuts: 0 };
    for (const contactId of contactIds) {
      const contact = await contactOf(contactId);
      const expected = fromEvents(played.events, played.campaignId, contactId);
      const timeline = contact.timeline as Entry[];
      const calls = timeline.filter((e) => e.kind === 'call');
      expect(
        calls.map((c) => ({
          callId: c['callId'],
          outcome: c['outcome'],
          answered: c['answeredAt'] !== null,
          transferred: c['transferredAt'] !== null,
          summary: c['summary'],
        })),
        contactId,
      ).to.deep.equal(expected.calls);
      const messages = timeline.filter((e) => e.kind === 'message');
      expect(
        messages.map((m) => ({ messageId: m['messageId'], status: m['status'] })),
        contactId,
      ).to.have.deep.members(expected.messages);
      expect(timeline.filter((e) => e.kind === 'inbound').map((e) => e['body'])).to.deep.equal(expected.inbound);
      expect(timeline.filter((e) => e.kind === 'opt_out').map((e) => e['source'])).to.deep.equal(expected.optOuts);
      expect(contact.answers).to.deep.equal(expected.answers);
      expect(
        timeline.map((e) => e.at),
        'time order',
      ).to.deep.equal(timeline.map((e) => e.at).sort());
      expect(contact).to.include({ contactId, campaignId: played.campaignId, timelineTruncated: false });
      expect(contact.caseId).to.be.a('string');
      seen.answered += expected.calls.filter((c) => c.answered).length;
      seen.transferred += expected.calls.filter((c) => c.transferred).length;
      seen.summaries += expected.calls.filter((c) => c.summary !== null).length;
      seen.messages += expected.messages.length;
      seen.inbound += expected.inbound.length;
      seen.answers += Object.keys(expected.answers).length;
      seen.optOuts += expected.optOuts.length;
    }
    // The comparison means something only if the campaign produced each kind of entry.
    for (const [kind, count] of Object.entries(seen)) expect(count, kind).to.be.greaterThan(0);
  });

  it('given an id the campaign never enrolled, then it answers 404', async () => {
    let refused: unknown;
    await contactOf('0192aaaa-0000-7000-8000-000000000000').catch((error: unknown) => (refused = error));
    expect(String(refused)).to.match(/answered 404/);
  });

  it("given another company's key, then the campaign's contact is not found", async () => {
    const other = await rig.client.post('/v1/companies', ADMIN_TOKEN, { name: 'Other & Co' });
    let refused: unknown;
    await contactOf(contactIds[0]!, other.apiKey).catch((error: unknown) => (refused = error));
    expect(String(refused)).to.match(/answered 404/);
  });
});
