import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '../../../domain/events/event.ts';
import { optOutsReport, type OptOutRow } from '../../../projections/reports/optOuts/optOutsReport.ts';
import type { ReportQuery } from '../../../projections/reports/report.ts';
import { ADMIN_TOKEN } from '../../support/apiHarness.ts';
import { outreachRig, type OutreachRig } from '../../support/outreachRig.ts';
import { playedCampaign, type PlayedCampaign } from '../../support/playedCampaign.ts';

type Data = Record<string, any>;
const companyNumber = '+13125550111';

describe('the Opt-Outs report', function () {
  this.timeout(240_000);
  let dir: string;
  let rig: OutreachRig;
  let played: PlayedCampaign;
  let enrolled: Data[];
  let events: RecordedEvent[];

  const query = (filters: Record<string, string> = {}, window?: ReportQuery['window']): ReportQuery => ({
    companyId: played.companyId,
    campaignId: played.campaignId,
    filters,
    ...(window ? { window } : {}),
  });
  /** Every row, read two at a time as the HTTP pages and the CSV read them. */
  const allRows = async (q: ReportQuery): Promise<OptOutRow[]> => {
    const rows: OptOutRow[] = [];
    let after: string | undefined;
    do {
      const page = await optOutsReport.page(rig.readStore, q, { limit: 2, ...(after ? { after } : {}) });
      rows.push(...page.items);
      after = page.next ?? undefined;
    } while (after);
    return rows;
  };
  const readAll = async () => {
    const all: RecordedEvent[] = [];
    for await (const event of rig.eventStore.readAll()) all.push(event);
    return all;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'opt-outs-report-'));
    rig = await outreachRig({ dir, start: new Date('2026-12-01T15:00:00.000Z'), seed: 11 });
    played = await playedCampaign(rig, { contacts: 24, minutes: 60 });
    enrolled = played.events
      .filter((e) => e.type === 'ContactsEnrolled')
      .flatMap((e) => (e.data as Data)['contacts'] as Data[]);
    // Two replies the engine reads as asking to stop, from two contacts it texted, then a reopening of calls by an admin.
    const [first, second] = [enrolled[0]!, enrolled[1]!];
    await rig.outreach.reports.telephony.inboundSms({
      carrierMessageId: 'SM-report-1',
      from: first['phone'],
      to: companyNumber,
      body: 'Please remove me from your list',
      receivedAt: rig.clock.now().toISOString(),
    });
    await rig.outreach.reports.telephony.inboundSms({
      carrierMessageId: 'SM-report-2',
      from: second['phone'],
      to: companyNumber,
      body: 'STOP',
      receivedAt: rig.clock.now().toISOString(),
    });
    await rig.clock.advance(60_000);
    await rig.client.post(
      `/v1/campaigns/${played.campaignId}/reports/opt-outs/${first['contactId']}/reopen`,
      played.key,
      { reason: 'asked us to call about the settlement', channel: 'voice' },
    );
    await rig.settle();
    events = await readAll();
  });
  after(async () => {
    await rig.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given the campaign played out, then it lists every opt-out heard in the campaign, oldest first, as the events record them', async () => {
    const heard = events.filter(
      (e) => e.type === 'ContactOptedOut' && (e.data as Data)['campaignId'] === played.campaignId,
    );
    const rows = await allRows(query());
    expect(heard.length, 'opt-outs heard').to.be.greaterThan(2);
    expect(rows.map((r) => [r._id, r.contactId, r.source, r.channel, r.at])).to.deep.equal(
      heard
        .map((e) => [
          e.id,
          (e.data as Data)['contactId'] ?? null,
          (e.data as Data)['source'],
          (e.data as Data)['channel'],
          (e.data as Data)['at'],
        ])
        .sort((a, b) => String(a[4]).localeCompare(String(b[4])) || String(a[0]).localeCompare(String(b[0]))),
    );
    for (const row of rows)
      expect(row.name, row.contactId ?? '').to.equal(
        enrolled.find((c) => c['contactId'] === row.contactId)?.['name'] ?? null,
      );
  });

  it('given a reply in words, then its row names the words received and the rule that read them; a reopening of calls names who, why and when', async () => {
    const [row] = await allRows(query({ contactId: enrolled[0]!['contactId'], source: 'sms_free_text' }));
    expect(row).to.include({
      address: enrolled[0]!['phone'],
      channel: 'all',
      excerpt: 'Please remove me from your list',
      name: enrolled[0]!['name'],
    });
    expect(row!.matched).to.match(/remove me/);
    const reopened = events.find(
      (e) => e.type === 'ContactOptedIn' && (e.data as Data)['address'] === enrolled[0]!['phone'],
    )!.data as Data;
    expect(row!.reopening).to.deep.equal({
      at: reopened['at'],
      channel: 'voice',
      source: 'admin',
      by: reopened['reopenedBy'],
      reason: 'asked us to call about the settlement',
      keyword: null,
    });
    const stop = (await allRows(query({ contactId: enrolled[1]!['contactId'] })))
      .filter((r) => r.source === 'sms_keyword')
      .at(-1);
    expect(stop).to.include({ keyword: 'STOP', reopening: null });
  });

  it('given filters, then only matching rows come back; bad values are all named at once', async () => {
    const all = await allRows(query());
    for (const source of ['sms_keyword', 'sms_free_text', 'agent_reported'])
      expect((await allRows(query({ source }))).map((r) => r._id)).to.deep.equal(
        all.filter((r) => r.source === source).map((r) => r._id),
      );
    expect((await allRows(query({ channel: 'voice' }))).map((r) => r._id)).to.deep.equal(
      all.filter((r) => r.channel === 'voice').map((r) => r._id),
    );
    const from = all.at(-2)!.at;
    expect((await allRows(query({}, { from }))).map((r) => r._id)).to.deep.equal(
      all.filter((r) => r.at >= from).map((r) => r._id),
    );
    expect((await allRows(query({}, { until: from }))).map((r) => r._id)).to.deep.equal(
      all.filter((r) => r.at < from).map((r) => r._id),
    );
    expect(
      optOutsReport.checkFilters({ channel: 'fax', source: 'pigeon', from: 'yesterday' }).map((p) => p.path),
      'in the order the report declares its filters',
    ).to.deep.equal(['channel', 'source', 'from']);
    expect(optOutsReport.checkFilters({ channel: 'sms', source: 'agent_reported' })).to.deep.equal([]);
  });

  it("given another company, then none of the campaign's rows are read", async () => {
    expect(
      (await optOutsReport.page(rig.readStore, { ...query(), companyId: 'someone-else' }, { limit: 100 })).items,
    ).to.deep.equal([]);
  });

  describe('over HTTP', () => {
    const request = (path: string, headers: Record<string, string> = {}, key = played.key) =>
      fetch(`${rig.url}${path}`, { headers: { authorization: `Bearer ${key}`, ...headers } });
    const reportPath = () => `/v1/campaigns/${played.campaignId}/reports/opt-outs`;

    it('given JSON pages, then they hold the rows report.page reads, each with its reopening', async () => {
      const items: Data[] = [];
      let next: string | null = null;
      do {
        const response = await request(`${reportPath()}?limit=3${next ? `&after=${encodeURIComponent(next)}` : ''}`);
        expect(response.status).to.equal(200);
        const page = (await response.json()) as { items: Data[]; next: string | null };
        items.push(...page.items);
        next = page.next;
      } while (next);
      const rows = await allRows(query());
      expect(items.map((i) => i['id'])).to.deep.equal(rows.map((r) => r._id));
      const first = items.find((i) => i['contactId'] === enrolled[0]!['contactId'] && i['source'] === 'sms_free_text')!;
      expect(first).to.include({
        name: enrolled[0]!['name'],
        address: enrolled[0]!['phone'],
        excerpt: 'Please remove me from your list',
      });
      expect(first['reopening']).to.include({ channel: 'voice', reason: 'asked us to call about the settlement' });
      expect(first).to.not.have.any.keys('companyId', '_id');
    });

    it('given Accept: text/csv, then every row comes as CSV with a header row, filters applied', async () => {
      const response = await request(`${reportPath()}?source=sms_free_text`, { accept: 'text/csv' });
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-type')).to.match(/^text\/csv/);
      const [header, ...lines] = parse(await response.text()) as string[][];
      expect(header).to.deep.equal(optOutsReport.columns.map((c) => c.header));
      const rows = await allRows(query({ source: 'sms_free_text' }));
      expect(lines.map((line) => line[header!.indexOf('contactId')])).to.deep.equal(rows.map((r) => r.contactId ?? ''));
      const reopened = lines.find((line) => line[header!.indexOf('contactId')] === enrolled[0]!['contactId'])!;
      expect(reopened[header!.indexOf('reopenReason')]).to.equal('asked us to call about the settlement');
      expect(reopened[header!.indexOf('excerpt')]).to.equal('Please remove me from your list');
    });

    it('given bad filters, then 400 names each; given another company, then 404', async () => {
      const bad = await request(`${reportPath()}?channel=fax&source=pigeon&colour=red`);
      expect(bad.status).to.equal(400);
      expect(((await bad.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).to.have.members([
        'channel',
        'source',
        'colour',
      ]);
      const other = await rig.client.post('/v1/companies', ADMIN_TOKEN, { name: 'Other & Co' });
      expect((await request(reportPath(), {}, other.apiKey)).status).to.equal(404);
    });
  });
});
