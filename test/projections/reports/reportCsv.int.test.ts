import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { setTimeout as sleep } from 'node:timers/promises';
import { engineRegistry } from '../../../domain/engineEvents.ts';
import { CSV_PAGE_SIZE, reportCsv, reportCsvText } from '../../../projections/reports/reportCsv.ts';
import { tempStores } from '../../support/tempStores.ts';
import { fixtureReport, fixtureSpec, seedCollection, type FixtureRow } from './reportFixture.ts';

const ROWS = CSV_PAGE_SIZE * 4 + 7;

const rowOf = (i: number): FixtureRow => ({
  _id: `row-${String(i).padStart(5, '0')}`,
  companyId: 'firm-a',
  campaignId: 'campaign-a',
  name: i === 3 ? '@SUM(A1:A9)' : `Row ${i} with a longer name to fill the buffers of the stream`,
  kind: 'red',
  at: new Date(Date.parse('2026-03-01T00:00:00.000Z') + i * 60_000).toISOString(),
  weight: -i,
});

describe('a whole report as CSV', () => {
  const stores = tempStores(engineRegistry);
  const query = { companyId: 'firm-a', campaignId: 'campaign-a', filters: {} };

  before(async () =>
    seedCollection(
      stores.readStore,
      fixtureSpec,
      Array.from({ length: ROWS }, (_, i) => rowOf(i)),
    ),
  );
  after(async () => stores.dispose());

  it('given a reader that does not read, then no page past the first is fetched; given one that reads, then every page', async () => {
    const limits: number[] = [];
    const stream = reportCsv(
      stores.readStore,
      fixtureReport((limit) => limits.push(limit)),
      query,
    );
    await sleep(200);
    expect(limits).to.deep.equal([CSV_PAGE_SIZE]);
    let text = '';
    for await (const chunk of stream) text += String(chunk);
    expect(limits).to.have.length(5);
    expect(parse(text)).to.have.length(ROWS + 1);
  });

  it('writes the header, numbers as numbers, and formula-like text escaped', async () => {
    const records: string[][] = parse(await reportCsvText(stores.readStore, fixtureReport(), query));
    expect(records[0]).to.deep.equal(['id', 'name', 'kind', 'at', 'weight']);
    expect(records[4]).to.deep.equal(['row-00003', "'@SUM(A1:A9)", 'red', rowOf(3).at, '-3']);
  });

  it('given a window, then only its rows', async () => {
    const window = { from: rowOf(10).at, until: rowOf(20).at };
    const records: string[][] = parse(await reportCsvText(stores.readStore, fixtureReport(), { ...query, window }), {
      from_line: 2,
    });
    expect(records.map((record) => record[0])).to.deep.equal(Array.from({ length: 10 }, (_, i) => rowOf(10 + i)._id));
  });
});
