import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';

const run = promisify(execFile);

describe('npm run demo', function () {
  this.timeout(120_000);
  let dataDir: string;
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'demo-'));
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('plays a campaign out to its end and reports every contact, counted from the events', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../../scripts/demo.ts'), '--data-dir', dataDir, '--contacts', '40', '--days', '14', '--seed', '3'], {
      env: { ...process.env, LOG_LEVEL: 'warn' },
      maxBuffer: 10 * 1024 * 1024,
    });
    expect(stdout).to.contain('launched campaign').and.contain('with 40 contacts');
    expect(stdout).to.contain('The campaign completed on its own');
    const count = (label: string) => Number(new RegExp(`${label}\\.* +(\\d+)`).exec(stdout)?.[1]);
    expect(count('calls placed')).to.be.greaterThan(0);
    expect(count('calls answered') + count('voicemails')).to.be.at.most(count('calls placed'));
    expect(count('texts sent')).to.be.greaterThan(0);
    const reports = readdirSync(join(dataDir, 'reports'));
    expect(reports).to.have.length(1);
    const rows = parse(readFileSync(join(dataDir, 'reports', reports[0]!), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).to.have.length(40);
    expect(rows.reduce((sum, row) => sum + Number(row['calls']), 0)).to.equal(count('calls placed'));
    expect(new Set(rows.map((row) => row['timezone'])).size).to.be.greaterThan(3);
  });
});
