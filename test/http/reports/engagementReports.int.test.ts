import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '../../../domain/events/event.ts';
import { outreachRig, type OutreachRig } from '../../support/outreachRig.ts';
import { launchRigCampaign, simulatedAgentFields } from '../../support/rigCampaign.ts';
import { contactsRowOf, engagementRowOf, recount, type Recounted } from './engagementRecount.ts';

const everyDay = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
// Tuesday 1 December 2026, 09:00 in Chicago.
const start = new Date('2026-12-01T15:00:00.000Z');
const CONTACTS = 24;

type Row = Record<string, unknown>;

/** A CSV cell as the report writes a JSON value: empty for null, numbers as digits, formulas behind a quote. */
const cell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return cell(value.join('; '));
  const text = String(value);
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
};

describe('engagement and contacts reports recounted from the events of a played campaign', function () {
  this.timeout(300_000);
  let dir: string;
  let rig: OutreachRig;
  let key: string;
  let campaignId: string;
  let events: RecordedEvent[];
  let counted: Map<string, Recounted>;

  const pages = async (path: string): Promise<Row[]> => {
    const rows: Row[] = [];
    let next: string | null = null;
    do {
      const page: { items: Row[]; next: string | null } = await rig.client.get(
        `${path}${path.includes('?') ? '&' : '?'}limit=7${next ? `&after=${encodeURIComponent(next)}` : ''}`,
        key,
      );
      rows.push(...page.items);
      next = page.next;
    } while (next);
    return rows;
  };
  const csvOf = async (path: string): Promise<Row[]> => {
    const response = await fetch(`${rig.url}${path}`, {
      headers: { authorization: `Bearer ${key}`, accept: 'text/csv' },
    });
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-disposition')).to.match(
      /^attachment; filename="?Check-in-(engagement|contacts)-2026-12-\d\d\.csv"?$/,
    );
    return parse(await response.text(), { columns: true }) as Row[];
  };
  const asCsv = (rows: readonly Row[]) =>
    rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, cell(v)])));
  const inOrder = () => [...counted.values()];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'engagement-'));
    rig = await outreachRig({ dir, start, seed: 11 });
    const slots = [{ days: everyDay, start: '08:00', end: '21:00' }];
    const launched = await launchRigCampaign(rig.client, {
      contacts: Array.from({ length: CONTACTS }, (_, i) => ({
        phone: `+1312555${String(200 + i).padStart(4, '0')}`,
        email: `client${i}@example.com`,
        state: 'IL',
        timezone: 'America/Chicago',
      })),
      company: { outboundLines: 4, concurrencyRate: 100 },
      formFields: [...simulatedAgentFields, { key: 'injuryDate', label: 'Injury date', type: 'date', required: true }],
      settings: {
        type: 'multichannel',
        schedule: { mode: 'custom', slots },
        runs: [{ start: start.toISOString(), slots, channels: ['voice'] }],
        retry: { maxAttempts: 2, intervalMinutes: 30 },
        workflows: [
          {
            trigger: { kind: 'enrolled' },
            steps: [{ channel: 'sms', body: 'Hello from {{company.name}}. Reply STOP to opt out.' }],
          },
          {
            trigger: { kind: 'call_outcome', outcome: 'no_answer' },
            steps: [{ channel: 'email', delayMinutes: 10, subject: 'We missed you', body: 'We will call again.' }],
          },
        ],
      },
    });
    ({ key, campaignId } = launched);
    await rig.settle();
    const contacts: { items: { contactId: string }[] } = await rig.client.get(
      `/v1/campaigns/${campaignId}/contacts?limit=100`,
      key,
    );
    const ids = contacts.items.map((c) => c.contactId);
    // The client's mobile app: statuses for some, messages both ways for others, one sent twice under one key.
    await rig.client.put(`/v1/campaigns/${campaignId}/contacts/${ids[0]}/mobile-app-status`, key, {
      status: 'invited',
    });
    await rig.client.put(`/v1/campaigns/${campaignId}/contacts/${ids[0]}/mobile-app-status`, key, {
      status: 'installed',
    });
    await rig.client.put(`/v1/campaigns/${campaignId}/contacts/${ids[1]}/mobile-app-status`, key, {
      status: 'not_invited',
    });
    for (const [i, direction] of (['received', 'sent', 'received'] as const).entries())
      await rig.client.post(`/v1/campaigns/${campaignId}/contacts/${ids[i % 2]}/messages`, key, {
        direction,
        body: `In-app ${i}`,
      });
    for (let minute = 0; minute < 150; minute++) {
      await rig.minute();
      if (minute === 2)
        await rig.client.post(`/v1/campaigns/${campaignId}/contacts/complete`, key, { contactIds: [ids[5]] });
    }
    await rig.settle();
    // The agent completes one partial task after its call.
    events = [];
    for await (const event of rig.eventStore.readAll()) events.push(event);
    const answered = events.find(
      (e) => e.type === 'FormAnswersRecorded' && (e.data as { campaignId: string }).campaignId === campaignId,
    );
    expect(answered, 'some call took form answers').to.not.equal(undefined);
    await rig.client.post('/v1/agent-events', key, {
      kind: 'form_answers',
      callId: (answered!.data as { callId: string }).callId,
      answers: { injuryDate: '2026-10-02' },
    });
    await rig.settle();
    events = [];
    for await (const event of rig.eventStore.readAll()) events.push(event);
    counted = recount(events, campaignId);
  });
  after(async () => {
    await rig.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('played a campaign with every kind of figure in it', () => {
    const rows = inOrder();
    expect(rows).to.have.length(CONTACTS);
    const total = (f: (r: Recounted) => number) => rows.reduce((sum, r) => sum + f(r), 0);
    expect(total((r) => r.callsPlaced)).to.be.greaterThan(CONTACTS);
    expect(total((r) => r.callsAnswered)).to.be.greaterThan(0);
    expect(total((r) => r.smsReceived)).to.be.greaterThan(0);
    expect(total((r) => r.emailSent)).to.be.greaterThan(0);
    expect(total((r) => r.inAppSent + r.inAppReceived)).to.equal(3);
    const tasks = new Set(rows.map((r) => engagementRowOf(r).taskStatus));
    expect([...tasks].sort()).to.deep.equal(['complete', 'not_started', 'partial']);
  });

  it('answers every engagement row as recounted, in JSON pages and in CSV', async () => {
    const expected = inOrder().map(engagementRowOf);
    const path = `/v1/campaigns/${campaignId}/reports/engagement`;
    expect(await pages(path)).to.deep.equal(expected);
    expect(await csvOf(path)).to.deep.equal(asCsv(expected));
  });

  it('answers every contacts row as recounted, with the next attempt the contacts list gives, in JSON and CSV', async () => {
    const listed: { items: { contactId: string; nextAttemptAt: string | null }[] } = await rig.client.get(
      `/v1/campaigns/${campaignId}/contacts?limit=100`,
      key,
    );
    const next = new Map(listed.items.map((c) => [c.contactId, c.nextAttemptAt]));
    const expected = inOrder().map((r) => ({ ...contactsRowOf(r), nextAttemptAt: next.get(r.contactId) ?? null }));
    const path = `/v1/campaigns/${campaignId}/reports/contacts`;
    expect(await pages(path)).to.deep.equal(expected);
    expect(await csvOf(path)).to.deep.equal(asCsv(expected));
  });

  it('filters by task, app status, contact status and last activity exactly as the recount does', async () => {
    const engagement = inOrder().map(engagementRowOf);
    const base = `/v1/campaigns/${campaignId}/reports`;
    for (const taskStatus of ['complete', 'partial', 'not_started', 'no_form'])
      expect(await pages(`${base}/engagement?taskStatus=${taskStatus}`), taskStatus).to.deep.equal(
        engagement.filter((r) => r.taskStatus === taskStatus),
      );
    for (const appStatus of ['installed', 'not_invited', 'unknown'])
      expect(await pages(`${base}/engagement?appStatus=${appStatus}`), appStatus).to.deep.equal(
        engagement.filter((r) => r.mobileAppStatus === appStatus),
      );
    const contacts = (await pages(`${base}/contacts`)) as {
      contactId: string;
      status: string;
      lastActivityAt: string | null;
    }[];
    expect((await pages(`${base}/contacts?status=completed`)).map((r) => r.contactId))
      .to.deep.equal(contacts.filter((r) => r.status === 'completed').map((r) => r.contactId))
      .and.have.length(1);
    const from = '2026-12-01T16:00:00.000Z';
    const until = '2026-12-01T17:00:00.000Z';
    const within = (r: { lastActivityAt: string | null }) =>
      r.lastActivityAt !== null && r.lastActivityAt >= from && r.lastActivityAt < until;
    const windowed = await pages(`${base}/engagement?from=${from}&to=${until}`);
    expect(windowed).to.deep.equal(engagement.filter(within));
    expect(windowed.length).to.be.within(1, CONTACTS - 1);
  });

  it('names each bad filter', async () => {
    const response = await fetch(
      `${rig.url}/v1/campaigns/${campaignId}/reports/engagement?taskStatus=done&appStatus=active&search=x`,
      { headers: { authorization: `Bearer ${key}` } },
    );
    expect(response.status).to.equal(400);
    const problem = (await response.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path).sort()).to.deep.equal(['appStatus', 'search', 'taskStatus']);
  });

  it("refuses a cursor that is not one of this campaign's pages, naming `after`", async () => {
    const elsewhere = Buffer.from(JSON.stringify(['another-campaign.contact'])).toString('base64url');
    for (const after of [elsewhere, 'not-a-cursor']) {
      const response = await fetch(`${rig.url}/v1/campaigns/${campaignId}/reports/contacts?after=${after}`, {
        headers: { authorization: `Bearer ${key}` },
      });
      expect(response.status).to.equal(400);
      expect(((await response.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).to.deep.equal([
        'after',
      ]);
    }
  });
});
