import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spreadsheetSafe } from '../../../projections/reports/safeCsv.ts';
import type { RecordedEvent } from '../../../domain/events/event.ts';
import { ADMIN_TOKEN } from '../../support/apiHarness.ts';
import { outreachRig, type OutreachRig } from '../../support/outreachRig.ts';
import { launchRigCampaign } from '../../support/rigCampaign.ts';
import { recountCalls, type RecountedCall } from '../../projections/reports/callRecount.ts';

const everyDay = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const forwardingNumber = '+13125550100';
const formulaName = '=2+5 Roe';

/** A page of the report, every page followed. */
const allPages = async (get: (path: string) => Promise<any>, path: string): Promise<any[]> => {
  const items: any[] = [];
  let next: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page = await get(`${path}${separator}limit=37${next ? `&after=${encodeURIComponent(next)}` : ''}`);
    items.push(...page.items);
    next = page.next;
  } while (next);
  return items;
};

const asJson = (row: RecountedCall, campaignId: string) => ({
  id: row.id,
  callId: row.callId,
  contactId: row.contactId,
  contactName: row.contactName,
  caseId: row.caseId,
  externalId: row.externalId,
  direction: row.direction,
  from: row.from,
  to: row.to,
  outcome: row.outcome,
  attempt: row.attempt,
  run: row.run,
  requestedAt: row.requestedAt,
  placedAt: row.placedAt,
  answeredAt: row.answeredAt,
  answeredBy: row.answeredBy,
  endedAt: row.endedAt,
  durationSeconds: row.durationSeconds,
  recording: row.recorded ? `/v1/campaigns/${campaignId}/reports/calls/${row.callId}/recording` : null,
  transferredAt: row.transferredAt,
  decision: row.decision,
  refusal: row.refusal,
  route: null,
});

/** A cell as the CSV writes it: empty for none, formula-like text escaped. */
const cell = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'string' ? spreadsheetSafe(value) : String(value);

describe('the calls and transfers reports of a campaign played on the simulated carriers', function () {
  this.timeout(240_000);
  let dir: string;
  let rig: OutreachRig;
  let key: string;
  let campaignId: string;
  let events: RecordedEvent[];
  // Tuesday 1 December 2026, 08:00 in Chicago: still 06:00 in Los Angeles.
  const start = new Date('2026-12-01T14:00:00.000Z');

  const request = (path: string, headers: Record<string, string> = {}, as = key) =>
    fetch(`${rig.url}${path}`, { headers: { authorization: `Bearer ${as}`, ...headers }, redirect: 'manual' });
  const getJson = async (path: string) => {
    const response = await request(path);
    expect(response.status, path).to.equal(200);
    return response.json();
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'call-reports-'));
    rig = await outreachRig({ dir, start, seed: 11 });
    const slots = [{ days: everyDay, start: '08:00', end: '21:00' }];
    const contacts = Array.from({ length: 36 }, (_, i) => ({
      phone: `+1312555${String(2000 + i).padStart(4, '0')}`,
      ...(i === 0 ? { name: formulaName } : {}),
      ...(i % 6 === 5
        ? { state: 'CA', timezone: 'America/Los_Angeles' }
        : { state: 'IL', timezone: 'America/Chicago' }),
    }));
    const launched = await launchRigCampaign(rig.client, {
      contacts,
      company: { outboundLines: 6, concurrencyRate: 100 },
      settings: {
        type: 'voice',
        schedule: { mode: 'custom', slots },
        runs: [{ start: start.toISOString(), slots, channels: ['voice'] }],
        retry: { maxAttempts: 3, intervalMinutes: 20 },
        concurrency: { limit: 6, pacingPerMinute: 30 },
        routing: { mode: 'transfer', forwardingNumber },
        recordCalls: true,
      },
    });
    key = launched.key;
    campaignId = launched.campaignId;
    await rig.settle();
    for (let i = 0; i < 150; i++) await rig.minute();
    events = [];
    for await (const event of rig.eventStore.readAll()) events.push(event);
  });
  after(async () => {
    await rig?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('plays a campaign with every kind of record to check', () => {
    const outcomes = new Set(recountCalls(events, campaignId).map((row) => row.outcome));
    expect([...outcomes]).to.include.members([
      'answered',
      'voicemail',
      'no_answer',
      'refused_by_window',
      'transferred',
    ]);
    expect(recountCalls(events, campaignId).some((row) => row.recorded)).to.equal(true);
  });

  it('answers every call record as recounted from the raw events, in JSON pages', async () => {
    const expected = recountCalls(events, campaignId).map((row) => asJson(row, campaignId));
    const items = await allPages(getJson, `/v1/campaigns/${campaignId}/reports/calls`);
    expect(items).to.deep.equal(expected);
  });

  it('answers the same rows as CSV, with the contact name that starts with = escaped', async () => {
    const response = await request(`/v1/campaigns/${campaignId}/reports/calls`, { accept: 'text/csv' });
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-disposition')).to.match(
      /^attachment; filename="Check-in-calls-2026-12-0\d\.csv"$/,
    );
    const records: Record<string, string>[] = parse(await response.text(), { columns: true });
    const expected = recountCalls(events, campaignId);
    expect(records.map((record) => record['callId'] || record['refusedBecause'])).to.have.length(expected.length);
    records.forEach((record, i) => {
      const row = expected[i]!;
      expect(record).to.deep.include({
        callId: cell(row.callId),
        contactId: row.contactId,
        contactName: cell(row.contactName),
        caseId: cell(row.caseId),
        from: cell(row.from),
        to: cell(row.to),
        outcome: row.outcome,
        attempt: cell(row.attempt),
        requestedAt: row.requestedAt,
        answeredAt: cell(row.answeredAt),
        endedAt: cell(row.endedAt),
        durationSeconds: cell(row.durationSeconds),
        recording: row.recorded ? `/v1/campaigns/${campaignId}/reports/calls/${row.callId}/recording` : '',
        localTime: cell(row.decision?.localTime),
        timezone: cell(row.decision?.timezone),
        windowOpensAt: cell(row.decision?.window.opensAt),
        capacityAvailable: cell((row.decision?.capacity as { available?: number } | undefined)?.available),
        refusedBecause: cell(row.refusal?.reason),
        nextAttemptAt: cell(row.refusal?.nextAttemptAt),
      });
    });
    expect(records.filter((record) => record['contactName'] === `'${formulaName}`)).to.not.be.empty;
    expect(records.some((record) => record['contactName'] === formulaName)).to.equal(false);
  });

  it('filters by outcome (or status), direction, contact and a date range read in a zone', async () => {
    const all = recountCalls(events, campaignId).map((row) => asJson(row, campaignId));
    const base = `/v1/campaigns/${campaignId}/reports/calls`;
    expect(await allPages(getJson, `${base}?outcome=voicemail,busy`)).to.deep.equal(
      all.filter((row) => row.outcome === 'voicemail' || row.outcome === 'busy'),
    );
    expect(await allPages(getJson, `${base}?status=refused_by_window`)).to.deep.equal(
      all.filter((row) => row.outcome === 'refused_by_window'),
    );
    expect(await allPages(getJson, `${base}?direction=inbound`)).to.deep.equal([]);
    expect(await allPages(getJson, `${base}?direction=outbound`)).to.deep.equal(all);
    const contactId = all[0]!.contactId;
    expect(await allPages(getJson, `${base}?contactId=${contactId}`)).to.deep.equal(
      all.filter((row) => row.contactId === contactId),
    );
    // 09:00 to 10:00 in Chicago is 15:00 to 16:00 UTC.
    const hour = await allPages(getJson, `${base}?from=2026-12-01T09:00&to=2026-12-01T10:00&timezone=America/Chicago`);
    expect(hour).to.deep.equal(
      all.filter(
        (row) => row.requestedAt >= '2026-12-01T15:00:00.000Z' && row.requestedAt < '2026-12-01T16:00:00.000Z',
      ),
    );
    expect(hour).to.not.be.empty;
    const bad = await request(`${base}?outcome=hung_up&direction=sideways`);
    expect(bad.status).to.equal(400);
    expect(((await bad.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).to.deep.equal([
      'outcome',
      'direction',
    ]);
  });

  it('answers every transfer with its number, handoff and the agent summary, as recounted; in CSV too', async () => {
    const transfers = recountCalls(events, campaignId)
      .filter((row) => row.transferredAt !== null)
      .sort((a, b) =>
        a.transferredAt! < b.transferredAt! ? -1 : a.transferredAt! > b.transferredAt! ? 1 : a.id < b.id ? -1 : 1,
      );
    expect(transfers).to.not.be.empty;
    const expected = transfers.map((row) => ({
      transferredAt: row.transferredAt,
      callId: row.callId,
      contactId: row.contactId,
      contactName: row.contactName,
      caseId: row.caseId,
      externalId: row.externalId,
      transferredTo: forwardingNumber,
      handoff: row.endedAt === null ? 'in_progress' : row.outcome === 'transferred' ? 'completed' : 'failed',
      callOutcome: row.outcome,
      endedAt: row.endedAt,
      durationSeconds: row.durationSeconds,
      summary: row.summary,
    }));
    expect(expected.some((row) => row.summary !== null)).to.equal(true);
    expect(await allPages(getJson, `/v1/campaigns/${campaignId}/reports/transfers`)).to.deep.equal(expected);
    const csv = await request(`/v1/campaigns/${campaignId}/reports/transfers?format=csv`);
    const records: Record<string, string>[] = parse(await csv.text(), { columns: true });
    expect(records).to.deep.equal(
      expected.map((row) => Object.fromEntries(Object.entries(row).map(([name, value]) => [name, cell(value)]))),
    );
    const one = expected[0]!;
    expect(
      await allPages(getJson, `/v1/campaigns/${campaignId}/reports/transfers?contactId=${one.contactId}`),
    ).to.deep.equal(expected.filter((row) => row.contactId === one.contactId));
  });

  it("streams a recording through the API under the company's key, and no other company's", async () => {
    const recorded = recountCalls(events, campaignId).find((row) => row.recorded)!;
    const path = `/v1/campaigns/${campaignId}/reports/calls/${recorded.callId}/recording`;
    const response = await request(path);
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.equal('audio/wav');
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 4)
        .toString('ascii'),
    ).to.equal('RIFF');
    const other = await rig.client.post('/v1/companies', ADMIN_TOKEN, { name: 'Other Firm LLP' });
    expect((await request(path, {}, other.apiKey)).status).to.equal(404);
    expect((await request(path, {}, '')).status).to.equal(401);
    const unrecorded = recountCalls(events, campaignId).find((row) => row.callId !== null && !row.recorded)!;
    expect((await request(`/v1/campaigns/${campaignId}/reports/calls/${unrecorded.callId}/recording`)).status).to.equal(
      404,
    );
    expect((await request(`/v1/campaigns/${campaignId}/reports/calls`, {}, other.apiKey)).status).to.equal(404);
  });

  it('redirects the former tab URLs to their reports with the query kept, and no key needed for the redirect', async () => {
    const moved: [string, string][] = [
      ['calls', 'calls'],
      ['contacts_called', 'contacts'],
      ['opt_outs', 'opt-outs'],
    ];
    for (const [from, to] of moved) {
      const response = await fetch(`${rig.url}/v1/campaigns/${campaignId}/${from}?outcome=answered&limit=5`, {
        redirect: 'manual',
      });
      expect(response.status, from).to.equal(301);
      expect(response.headers.get('location')).to.equal(
        `/v1/campaigns/${campaignId}/reports/${to}?outcome=answered&limit=5`,
      );
    }
    const followed = await fetch(`${rig.url}/v1/campaigns/${campaignId}/calls?limit=2`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(followed.status).to.equal(200);
    expect(((await followed.json()) as { items: unknown[] }).items).to.have.length(2);
  });
});
