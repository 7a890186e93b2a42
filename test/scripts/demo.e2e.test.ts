import { expect } from 'chai';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { demoReportNames } from '../../scripts/demo/demoReport.ts';
import { freePort } from '../support/serviceProcess.ts';

const run = promisify(execFile);

/** The demo's output: the summary on stdout, the progress bar on stderr. */
const played = async (dataDir: string, ...flags: string[]) =>
  run(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, '../../scripts/demo.ts'), '--data-dir', dataDir, ...flags],
    {
      env: { ...process.env, LOG_LEVEL: 'warn' },
      maxBuffer: 10 * 1024 * 1024,
    },
  );
const demo = async (dataDir: string, ...flags: string[]) => (await played(dataDir, ...flags)).stdout;
/** A figure of the demo's summary, by its label. */
const figure = (stdout: string, label: string) => Number(new RegExp(`${label}\\.* +(\\d+)`).exec(stdout)?.[1]);

/** Runs a command line as the demo printed it, in a shell of its own, from the project's directory. */
const shell = (line: string, env: Record<string, string>) =>
  spawn('sh', ['-c', line], {
    cwd: join(import.meta.dirname, '../..'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });

describe('npm run demo', function () {
  this.timeout(300_000);
  let dataDir: string;
  let stdout: string;
  let stderr: string;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'demo-'));
    ({ stdout, stderr } = await played(dataDir, '--contacts', '40', '--days', '14', '--seed', '3'));
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('plays a campaign out to its end and reports every contact, counted from the events', async () => {
    expect(stdout).to.contain('launched campaign').and.contain('with 40 contacts');
    expect(stdout).not.to.contain('Found earlier data');
    expect(stdout).to.match(
      /The campaign completed on its own at \w{3} \d+ \w{3} 2026 \d\d:\d\d CST\. Every contact is done \(\d+ /,
    );
    expect(stdout).to.not.contain('still active');
    const count = (label: string) => figure(stdout, label);
    expect(count('calls placed')).to.be.greaterThan(0);
    expect(count('calls answered') + count('voicemails')).to.be.at.most(count('calls placed'));
    expect(count('texts sent')).to.be.greaterThan(0);
    const reports = readdirSync(join(dataDir, 'reports'));
    expect(reports.map((file) => file.replace(/^campaign-[\w-]{36}-/, ''))).to.have.members([
      'contacts.csv',
      'calls.csv',
      'opt-outs.csv',
      'engagement.csv',
    ]);
    const csv = (name: string) =>
      parse(
        readFileSync(
          join(
            dataDir,
            'reports',
            reports.find((file) => file.endsWith(name))!,
          ),
          'utf8',
        ),
        { columns: true },
      ) as Record<string, string>[];
    const rows = csv('-contacts.csv');
    expect(rows).to.have.length(40);
    expect(rows.reduce((sum, row) => sum + Number(row['calls']), 0)).to.equal(count('calls placed'));
    expect(new Set(rows.map((row) => row['timezone'])).size).to.be.greaterThan(3);
    // Statuses are the API's words; reaching someone is its own column and figure.
    expect(rows.map((row) => row['status'])).to.satisfy((statuses: string[]) =>
      statuses.every((s) => ['active', 'completed', 'completed_all_calls'].includes(s)),
    );
    expect(rows.filter((row) => row['answered'] === 'yes')).to.have.length(
      count('contacts reached \\(a call answered\\)'),
    );
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
    expect(stdout).to.contain(
      `  KEY=$(cat ${keyFile}) CAMPAIGN=${campaignId}\n  curl -s "localhost:\${PORT:-3000}/v1/campaigns/$CAMPAIGN" -H "Authorization: Bearer $KEY"`,
    );
  });

  it('shows its progress as contacts done, with the simulated local date and time', () => {
    const bars = stderr.split('\n').filter((line) => line.startsWith('outreach '));
    expect(bars.length).to.be.greaterThan(1);
    for (const bar of bars)
      expect(bar).to.match(
        /\d+% of 40 contacts done \| \w{3} \d+ \w{3} 2026 \d\d:\d\d CS?T \| \d+ calls, \d+ messages \| ETA (estimating|\d+s|\d+m \d\ds)$/,
      );
    expect(bars.at(-1)).to.contain('100% of 40 contacts done').and.contain('ETA 0s');
  });

  it('given the commands it printed, run against npm start on its data directory, then they answer the campaign, its contacts and its reports', async () => {
    const campaignId = /launched campaign ([\w-]{36})/.exec(stdout)![1]!;
    const printed = stdout.split('\n').map((line) => line.trim());
    const startLine = printed.find((line) => line.startsWith('npm start'))!;
    expect(startLine).to.equal(`npm start -- --data-dir ${dataDir}`);
    const variables = printed.find((line) => line.startsWith('KEY='))!;
    const curls = printed.filter((line) => line.startsWith('curl '));
    expect(curls.map((line) => /v1\/campaigns\/\$CAMPAIGN([^"]*)"/.exec(line)![1])).to.deep.equal([
      '',
      '/contacts?status=active',
      '/reports/calls',
      '/reports/contacts',
      '/reports/engagement',
    ]);
    const env = { PORT: String(await freePort()), LOG_LEVEL: 'warn' };
    const service = shell(startLine, env);
    try {
      const url = `http://127.0.0.1:${env.PORT}`;
      for (let ready = false; !ready; await new Promise((resolve) => setTimeout(resolve, 250))) {
        if (service.exitCode !== null) throw new Error(`npm start exited ${service.exitCode}`);
        ready = await fetch(`${url}/readyz`).then(
          (response) => response.ok,
          () => false,
        );
      }
      const answer = async (line: string) => {
        // Typed after the line that sets KEY and CAMPAIGN, in the same shell.
        const curl = shell(`${variables}\n${line}`, env);
        let out = '';
        curl.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
        // 'close', not 'exit': a process may exit before its output has all been read.
        const code = await new Promise((resolve) => curl.on('close', resolve));
        expect(code, line).to.equal(0);
        return out;
      };
      const [campaign, contacts, calls, report, engagement] = await Promise.all(curls.map(answer));
      expect(JSON.parse(campaign!)).to.include({ id: campaignId, status: 'COMPLETED' });
      expect(JSON.parse(contacts!)).to.have.property('items');
      const callRows = parse(calls!, { columns: true }) as Record<string, string>[];
      expect(callRows.filter((row) => row['callId'] !== '')).to.have.length(figure(stdout, 'calls placed'));
      expect(JSON.parse(report!).items).to.have.length.greaterThan(0);
      expect(parse(engagement!, { columns: true })).to.have.length(40);
    } finally {
      process.kill(-service.pid!, 'SIGTERM');
      await new Promise((resolve) => (service.exitCode !== null ? resolve(undefined) : service.on('exit', resolve)));
    }
  });

  it('given fewer simulated days than the campaign needs, then it says how many contacts are still active and what they wait for, not that every one is done', async () => {
    const short = mkdtempSync(join(tmpdir(), 'demo-short-'));
    try {
      const out = await demo(short, '--contacts', '20', '--days', '1', '--seed', '3');
      expect(out).to.match(
        /The campaign was still running at Tue 8 Dec 2026 08:0\d CST, after the 1 simulated days --days allows\. \d+ of 20 contacts are still active: \d+ a call attempt due/,
      );
      expect(out).to.match(/next call attempt at \w{3} \d+ Dec 2026 \d\d:\d\d CST/);
      expect(out).to.not.contain('Every contact is done');
    } finally {
      rmSync(short, { recursive: true, force: true });
    }
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
