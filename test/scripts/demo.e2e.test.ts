import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { demoReportNames } from '../../scripts/demo/demoReport.ts';

const run = promisify(execFile);

const demo = async (dataDir: string, ...flags: string[]) =>
  (
    await run(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../../scripts/demo.ts'), '--data-dir', dataDir, ...flags], {
      env: { ...process.env, LOG_LEVEL: 'warn' },
      maxBuffer: 10 * 1024 * 1024,
    })
  ).stdout;
/** A figure of the demo's summary, by its label. */
const figure = (stdout: string, label: string) => Number(new RegExp(`${label}\\.* +(\\d+)`).exec(stdout)?.[1]);

describe('npm run demo', function () {
  this.timeout(300_000);
  let dataDir: string;
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'demo-'));
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('plays a campaign out to its end and reports every contact, counted from the events', async () => {
    const stdout = await demo(dataDir, '--contacts', '40', '--days', '14', '--seed', '3');
    expect(stdout).to.contain('launched campaign').and.contain('with 40 contacts');
    expect(stdout).not.to.contain('Found earlier data');
    expect(stdout).to.contain('The campaign completed on its own');
    const count = (label: string) => figure(stdout, label);
    expect(count('calls placed')).to.be.greaterThan(0);
    expect(count('calls answered') + count('voicemails')).to.be.at.most(count('calls placed'));
    expect(count('texts sent')).to.be.greaterThan(0);
    const reports = readdirSync(join(dataDir, 'reports'));
    expect(reports.map((file) => file.replace(/^campaign-[\w-]{36}-/, ''))).to.have.members(['contacts.csv', 'calls.csv', 'opt-outs.csv', 'engagement.csv']);
    const csv = (name: string) => parse(readFileSync(join(dataDir, 'reports', reports.find((file) => file.endsWith(name))!), 'utf8'), { columns: true }) as Record<string, string>[];
    const rows = csv('-contacts.csv');
    expect(rows).to.have.length(40);
    expect(rows.reduce((sum, row) => sum + Number(row['calls']), 0)).to.equal(count('calls placed'));
    expect(new Set(rows.map((row) => row['timezone'])).size).to.be.greaterThan(3);
    // Statuses are the API's words; reaching someone is its own column and figure.
    expect(rows.map((row) => row['status'])).to.satisfy((statuses: string[]) => statuses.every((s) => ['active', 'completed', 'completed_all_calls'].includes(s)));
    expect(rows.filter((row) => row['answered'] === 'yes')).to.have.length(count('contacts reached \\(a call answered\\)'));
    expect(rows.filter((row) => row['status'] !== 'active')).to.have.length(count('contacts completed'));
    // The summary counts contacts who opted out; the report lists each opt-out, some contacts more than once.
    const optOuts = csv('-opt-outs.csv');
    expect(new Set(optOuts.map((row) => row['contactId'])).size).to.equal(count('opt-outs'));
    expect(rows.filter((row) => row['optedOut'] === 'yes')).to.have.length(count('opt-outs'));
    // The calls report has a row per call placed, and one per call the calling window turned away.
    const calls = csv('-calls.csv');
    expect(calls.filter((row) => row['callId'] !== '')).to.have.length(count('calls placed'));
    expect(calls.filter((row) => row['outcome'] === 'refused_by_window').length).to.be.greaterThan(0);
    // The engagement report has a row per contact, with the texts that reached each one.
    const engagement = csv('-engagement.csv');
    expect(engagement.map((row) => row['contactId'])).to.have.members(rows.map((row) => row['contactId']!));
    const smsSent = new Map(rows.map((row) => [row['contactId'], row['smsSent']]));
    for (const row of engagement) expect(row['smsSent'], row['contactId']).to.equal(smsSent.get(row['contactId']));
    // The company's key is kept for its owner only, and the demo says how to read the reports with it.
    const keyFile = join(dataDir, 'demo-api-key');
    expect(statSync(keyFile).mode & 0o777).to.equal(0o600);
    expect(readFileSync(keyFile, 'utf8')).to.match(/^oek_\S+\n$/);
    const campaignId = /launched campaign ([\w-]{36})/.exec(stdout)![1];
    expect(stdout).to.contain(`  KEY=$(cat ${keyFile}) CAMPAIGN=${campaignId}\n  curl -s "localhost:3000/v1/campaigns/$CAMPAIGN/reports/engagement" -H "Authorization: Bearer $KEY"`);
  });

  it('run again on the same data directory, says what it found, adds a company of its own and records all its replies and opt-outs', async () => {
    const again = mkdtempSync(join(tmpdir(), 'demo-again-'));
    try {
      const first = await demo(again, '--contacts', '30', '--days', '14', '--seed', '3');
      const second = await demo(again, '--contacts', '30', '--days', '14', '--seed', '3');
      expect(second).to.match(/Found earlier data in .+: \d+ events, company 'Hartley & Vance LLP'\./);
      expect(second).to.contain("adds the company 'Hartley & Vance LLP (run 2)' beside it");
      expect(figure(first, 'messages received')).to.be.greaterThan(0);
      expect(figure(first, 'opt-outs')).to.be.greaterThan(0);
      // The same seed plays the same replies: the second run's are all taken in, none dropped as the first's.
      for (const label of ['messages received', 'opt-outs', 'calls placed'])
        expect(figure(second, label), label).to.be.within(figure(first, label) * 0.8, figure(first, label) * 1.2);
      // Each run writes its contacts CSV and each of the demo's reports.
      expect(readdirSync(join(again, 'reports'))).to.have.length(2 * (1 + demoReportNames.length));
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });
});
