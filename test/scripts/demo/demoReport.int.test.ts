import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { ReadStore } from '../../../projections/readStore.ts';
import type { Report } from '../../../projections/reports/report.ts';
import { writeContactReport, writeRegisteredReport } from '../../../scripts/demo/demoReport.ts';
import type { ContactOutcome } from '../../../scripts/demo/demoTally.ts';

describe('the demo contact report', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'demo-report-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('writes a name that a spreadsheet would run as a formula escaped, and the phone as text', () => {
    const row: ContactOutcome = {
      contactId: 'c-1',
      caseId: 'k-1',
      externalId: '@PI-1',
      name: '=HYPERLINK("http://evil.example","Open")',
      phone: '+15551234567',
      email: '',
      state: 'TX',
      timezone: 'America/Chicago',
      timezoneSource: 'state',
      calls: 2,
      lastOutcome: 'answered',
      answered: true,
      smsSent: 0,
      emailsSent: 0,
      repliesReceived: 0,
      optedOut: false,
      status: 'completed',
    };
    const text = readFileSync(writeContactReport(dataDir, 'camp-1', [row]), 'utf8');
    const [header, written] = parse(text) as string[][];
    const cell = (column: string) => written![header!.indexOf(column)];
    expect(cell('name')).to.equal(`'=HYPERLINK("http://evil.example","Open")`);
    expect(cell('externalId')).to.equal("'@PI-1");
    expect(cell('phone')).to.equal("'+15551234567");
    expect(cell('calls')).to.equal('2');
    expect(cell('optedOut')).to.equal('no');
    expect(text).to.contain(`"'=HYPERLINK(""http://evil.example"",""Open"")"`);
  });
});

describe('the demo writing a registered report', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'demo-registered-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  /** A report of three rows read two at a time, as any registered report is read. */
  const threeRows: Report<{ id: string; words: string }> = {
    name: 'opt_outs',
    path: 'opt-outs',
    summary: 'three rows',
    filters: [],
    checkFilters: () => [],
    columns: [
      { header: 'ID', value: (row) => row.id },
      { header: 'Words received', value: (row) => row.words },
    ],
    page: async (_store, query, page) => {
      const rows = ['a', 'b', 'c'].map((id) => ({ id, words: `${query.campaignId} ${id}` }));
      const from = page.after ? rows.findIndex((row) => row.id === page.after) + 1 : 0;
      const items = rows.slice(from, from + 2);
      return { items, next: from + 2 < rows.length ? items.at(-1)!.id : null };
    },
  };

  it('given a registered name, then the whole report is written as the API CSV beside the contacts CSV', async () => {
    const file = await writeRegisteredReport(
      dataDir,
      {} as ReadStore,
      { companyId: 'co-1', campaignId: 'camp-1' },
      'opt_outs',
      [threeRows],
    );
    expect(file).to.equal(join(dataDir, 'reports', 'campaign-camp-1-opt-outs.csv'));
    expect(parse(readFileSync(file, 'utf8'))).to.deep.equal([
      ['ID', 'Words received'],
      ['a', 'camp-1 a'],
      ['b', 'camp-1 b'],
      ['c', 'camp-1 c'],
    ]);
  });

  it('given a name no report has, then it names the registered ones', async () => {
    let refused: unknown;
    await writeRegisteredReport(dataDir, {} as ReadStore, { companyId: 'co-1', campaignId: 'camp-1' }, 'engagement', [
      threeRows,
    ]).catch((error: unknown) => (refused = error));
    expect(String(refused)).to.include('no report named engagement').and.include('opt_outs');
  });
});
