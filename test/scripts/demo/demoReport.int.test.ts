import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { writeContactReport } from '../../../scripts/demo/demoReport.ts';
import type { ContactOutcome } from '../../../scripts/demo/demoTally.ts';

describe('the demo contact report', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'demo-report-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('writes a name that a spreadsheet would run as a formula escaped, and the phone as text', () => {
    const row: ContactOutcome = {
      contactId: 'c-1', caseId: 'k-1', externalId: '@PI-1', name: '=HYPERLINK("http://evil.example","Open")', phone: '+15551234567', email: '',
      state: 'TX', timezone: 'America/Chicago', timezoneSource: 'state', calls: 2, lastOutcome: 'answered', answered: true,
      smsSent: 0, emailsSent: 0, repliesReceived: 0, optedOut: false, status: 'completed',
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
