import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import type { RequestHandler } from 'express';
import { engineRegistry } from '../../../domain/engineEvents.ts';
import { setCaller } from '../../../http/caller.ts';
import type { EngineContext } from '../../../http/engineContext.ts';
import { reportsRouter } from '../../../http/reports/reportsRouter.ts';
import { createRouteRegistry } from '../../../http/routeRegistry.ts';
import { CAMPAIGNS } from '../../../projections/campaigns/campaignDocument.ts';
import { COMPANY_SETTINGS } from '../../../projections/company/companySettingsProjection.ts';
import { tempStores } from '../../support/tempStores.ts';
import { startTestServer, type TestServer } from '../testServer.ts';
import {
  fixtureReport,
  fixtureSpec,
  seedCollection,
  type FixtureRow,
} from '../../projections/reports/reportFixture.ts';

const ROWS = 1230;
const start = Date.parse('2026-03-01T00:00:00.000Z');
const HALF_HOUR = 30 * 60_000;

const rowOf = (i: number, companyId = 'firm-a', campaignId = 'campaign-a'): FixtureRow => ({
  _id: `${campaignId}-row-${String(i).padStart(5, '0')}`,
  companyId,
  campaignId,
  name: i === 0 ? '=HYPERLINK("http://evil.example","click")' : `Row ${i}`,
  kind: i % 2 === 0 ? 'red' : 'blue',
  at: new Date(start + i * HALF_HOUR).toISOString(),
  weight: i % 7,
});

/** The company a request speaks for, as an API key would prove it. */
const callerFromHeader: RequestHandler = (req, _res, next) => {
  setCaller(req, { companyId: String(req.headers['x-company']), actor: 'api-key:test' });
  next();
};

describe('report routes: JSON pages and CSV of any registered report', () => {
  const stores = tempStores(engineRegistry);
  let server: TestServer;
  const rows = Array.from({ length: ROWS }, (_, i) => rowOf(i));

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}${path}`, { headers: { 'x-company': 'firm-a', ...headers } });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  const getJson = async (path: string, headers: Record<string, string> = {}) => {
    const answer = await get(path, headers);
    return { ...answer, body: JSON.parse(answer.text) };
  };
  const base = '/v1/campaigns/campaign-a/reports/fixture-rows';
  const idsOf = (items: FixtureRow[]) => items.map((row) => row._id);

  before(async () => {
    await seedCollection(stores.readStore, fixtureSpec, [...rows, rowOf(1, 'firm-b', 'campaign-b')]);
    await seedCollection(stores.readStore, { name: CAMPAIGNS, indexes: [] }, [
      { _id: 'campaign-a', companyId: 'firm-a', name: 'Spring / "Intake"' },
      { _id: 'campaign-b', companyId: 'firm-b', name: 'Other firm' },
    ]);
    await seedCollection(stores.readStore, { name: COMPANY_SETTINGS, indexes: [] }, [
      { _id: 'firm-a', companyId: 'firm-a', campaigns: { timezone: 'America/Chicago' } },
    ]);
    const routes = createRouteRegistry();
    const ctx = {
      readStore: stores.readStore,
      routes,
      clock: () => new Date('2026-03-10T03:00:00.000Z'),
    } as unknown as EngineContext;
    server = await startTestServer({ routes, routers: [callerFromHeader, reportsRouter(ctx, [fixtureReport()])] });
  });
  after(async () => {
    await server.close(100);
    await stores.dispose();
  });

  it('given many rows, when paged with ?after=, then every row comes once in order, 50 a page by default', async () => {
    const first = await getJson(base);
    expect(first.status).to.equal(200);
    expect(first.body.items).to.have.length(50);
    expect(first.body.items[0]).to.deep.equal({
      id: rows[0]!._id,
      name: rows[0]!.name,
      kind: 'red',
      at: rows[0]!.at,
      weight: 0,
    });
    const seen: string[] = first.body.items.map((item: { id: string }) => item.id);
    let next: string | null = first.body.next;
    while (next) {
      const page = await getJson(`${base}?limit=100&after=${encodeURIComponent(next)}`);
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      next = page.body.next;
    }
    expect(seen).to.deep.equal(idsOf(rows));
  });

  it('given a filter and a date range read in a zone, then only the matching rows are answered', async () => {
    // 2026-03-02 in Chicago (UTC-6) runs from 06:00Z on the 2nd to 06:00Z on the 3rd.
    const answer = await getJson(`${base}?kind=blue&from=2026-03-02&to=2026-03-02&timezone=America/Chicago&limit=100`);
    const expected = rows.filter(
      (row) => row.kind === 'blue' && row.at >= '2026-03-02T06:00:00.000Z' && row.at < '2026-03-03T06:00:00.000Z',
    );
    expect(expected).to.have.length(24);
    expect(answer.body.items.map((item: { id: string }) => item.id)).to.deep.equal(idsOf(expected));
  });

  it('logs the date range and contact filters as asked, since they name no one', async () => {
    await get(`${base}?from=2026-03-02&to=2026-03-03&timezone=America/Chicago&contactId=c-1&kind=red`);
    const urls = server.logs().map((line) => JSON.stringify(line['req'] ?? line));
    expect(
      urls.some((url) =>
        url.includes('from=2026-03-02&to=2026-03-03&timezone=America%2FChicago&contactId=c-1&kind=[redacted]'),
      ),
    ).to.equal(true);
  });

  it("given no timezone, then days are read in the company's settings zone", async () => {
    const answer = await getJson(`${base}?from=2026-03-02&to=2026-03-02&limit=100`);
    expect(answer.body.items[0].at).to.equal('2026-03-02T06:00:00.000Z');
    expect(answer.body.items).to.have.length(48);
  });

  it('given unknown and bad parameters, then one 400 problem names each of them', async () => {
    const answer = await getJson(
      `${base}?kind=green&from=yesterday&timezone=Mars/Olympus&limit=0&format=xml&colour=red`,
    );
    expect(answer.status).to.equal(400);
    expect(answer.headers.get('content-type')).to.match(/application\/problem\+json/);
    expect(answer.body.errors.map((e: { path: string }) => e.path).sort()).to.deep.equal([
      'colour',
      'format',
      'from',
      'kind',
      'limit',
      'timezone',
    ]);
  });

  it('given a range that ends before it starts, then 400 names `to`', async () => {
    const answer = await getJson(`${base}?from=2026-03-05&to=2026-03-01`);
    expect(answer.status).to.equal(400);
    expect(answer.body.errors).to.deep.equal([{ path: 'to', message: 'expected a range that ends after it starts' }]);
  });

  it('given Accept: text/csv, then the whole report streams as CSV with a header row and a file name', async () => {
    const answer = await get(base, { accept: 'text/csv' });
    expect(answer.status).to.equal(200);
    expect(answer.headers.get('content-type')).to.match(/^text\/csv/);
    expect(answer.headers.get('content-disposition')).to.equal(
      'attachment; filename="Spring - -Intake--fixture-rows-2026-03-09.csv"',
    );
    const records: string[][] = parse(answer.text);
    expect(records[0]).to.deep.equal(['id', 'name', 'kind', 'at', 'weight']);
    expect(records.slice(1)).to.deep.equal(
      rows.map((row) => [
        row._id,
        row.name.startsWith('=') ? `'${row.name}` : row.name,
        row.kind,
        row.at,
        String(row.weight),
      ]),
    );
  });

  it('given ?format=csv and filters, then the CSV holds the same rows as the JSON pages', async () => {
    const query = 'kind=red&from=2026-03-03&to=2026-03-04&timezone=UTC';
    const json = await getJson(`${base}?${query}&limit=100`);
    const csv = await get(`${base}?${query}&format=csv`);
    const records: string[][] = parse(csv.text, { from_line: 2 });
    expect(records.map((record) => record[0])).to.deep.equal(json.body.items.map((item: { id: string }) => item.id));
    expect(records).to.have.length(48);
  });

  it("given another company's campaign or none, then 404", async () => {
    expect((await get('/v1/campaigns/campaign-b/reports/fixture-rows')).status).to.equal(404);
    expect((await get('/v1/campaigns/no-such-campaign/reports/fixture-rows', { accept: 'text/csv' })).status).to.equal(
      404,
    );
  });

  it('documents the route with its filters, page parameters, format, and both JSON and CSV answers', async () => {
    const document = JSON.parse((await get('/openapi.json')).text);
    const operation = document.paths['/v1/campaigns/{id}/reports/fixture-rows'].get;
    expect(operation.parameters.map((p: { name: string }) => p.name)).to.include.members([
      'id',
      'after',
      'limit',
      'format',
      'kind',
      'from',
      'to',
      'timezone',
    ]);
    expect(Object.keys(operation.responses['200'].content)).to.deep.equal(['application/json', 'text/csv']);
  });
});
