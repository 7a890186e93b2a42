import { expect } from 'chai';
import { execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startService } from '../support/serviceProcess.ts';

const walkthrough = join(import.meta.dirname, '../../examples/first-campaign.sh');
const cases = readFileSync(join(import.meta.dirname, '../../examples/cases.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1);

/** The walkthrough as the README runs it, against the service at `url` whose admin token is in `dataDir`. */
const runWalkthrough = (url: string, dataDir: string, env: Record<string, string> = {}) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      'bash',
      [walkthrough, url, dataDir],
      { env: { ...process.env, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });

/** The rows of the table that follows `header` in the walkthrough's output, split at tabs. */
const table = (stdout: string, header: string): string[][] => {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`${header}\t`));
  expect(start, `a table headed ${header}`).to.be.at.least(0);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.includes('\t')) break;
    rows.push(line.split('\t'));
  }
  return rows;
};

describe('the first campaign walkthrough (examples/first-campaign.sh)', function () {
  this.timeout(180_000);
  let dataDir: string;
  let running: ChildProcess | undefined;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'first-campaign-'));
  });
  afterEach(() => {
    running?.kill('SIGKILL');
    running = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  const service = async (clockStart: string) => {
    // As the README starts it: CLOCK_START=… CLOCK_SPEED=60 npm start, whatever the hour of the real clock.
    const started = startService([], {
      CLOCK_START: clockStart,
      CLOCK_SPEED: '60',
      PORT: String(await freePort()),
      DATA_DIR: dataDir,
    });
    running = started.child;
    const url = await started.listening;
    return { url, logged: started.logged };
  };

  it('given the service on the README clock, when the walkthrough runs, then it sets every step up, watches the first calls end with their outcomes and exits 0', async () => {
    const { url, logged } = await service('2027-01-11T17:00:00Z');
    expect(
      logged.some((entry) => entry['level'] === 40 && String(entry['msg']).startsWith('SIMULATED CLOCK')),
    ).to.equal(true);

    const started = Date.now();
    const { code, stdout, stderr } = await runWalkthrough(url, dataDir);
    expect(code, `${stdout}\n${stderr}`).to.equal(0);
    expect(Date.now() - started).to.be.lessThan(120_000);
    expect(stdout).to.contain(`{"added":${new Set(cases.map((row) => row.split(',')[0])).size},"rejected":[]}`);
    expect(stdout).to.match(
      new RegExp(`launched at 2027-01-11T17:\\d\\d:\\d\\d\\.\\d+Z with ${cases.length} contacts`),
    );

    const calls = table(stdout, 'requested (UTC)');
    const ended = calls.filter(([, , , , outcome]) =>
      ['answered', 'voicemail', 'no_answer', 'busy', 'failed', 'opted_out', 'transferred'].includes(outcome!),
    );
    expect(ended, stdout).not.to.be.empty;
    for (const [requested, , localTime] of ended) {
      expect(requested).to.match(/^2027-01-11T1\d:/);
      expect(localTime).to.match(/^\d\d:\d\d America\//);
    }
    expect(stdout).to.contain(`Done: ${ended.length} calls ended.`);

    const contacts = table(stdout, 'contact');
    expect(contacts.map(([name]) => name)).to.have.members(cases.map((row) => row.split(',')[2]));
    const called = new Set(ended.map(([, name]) => name));
    for (const [name, status, attempts] of contacts) {
      expect(status).to.be.oneOf(['active', 'completed', 'completed_all_calls']);
      if (called.has(name)) expect(Number(attempts), name).to.be.at.least(1);
    }
    // Nothing the walkthrough played made the service fail: the simulated agent answers this form's fields only.
    expect(logged.filter((entry) => Number(entry['level']) >= 50).map((entry) => entry['msg'])).to.deep.equal([]);
  });

  it('given the service on a clock outside calling hours, when the walkthrough runs, then it shows the calls the window refused, says why and exits 1', async () => {
    // Sunday 22:00 in New York, 19:00 in Los Angeles: outside the run's weekday slots everywhere.
    const { url } = await service('2027-01-11T03:00:00Z');
    const { code, stdout, stderr } = await runWalkthrough(url, dataDir, { WATCH_SECONDS: '6' });
    expect(code, `${stdout}\n${stderr}`).to.equal(1);
    const calls = table(stdout, 'requested (UTC)');
    expect(calls).not.to.be.empty;
    for (const [, , , , outcome] of calls) expect(outcome).to.match(/^refused_by_window \(.+\)$/);
    expect(stderr)
      .to.contain('No call ended within 6 s')
      .and.contain('CLOCK_START=2027-01-11T17:00:00Z CLOCK_SPEED=60 npm start');
  });
});
