import { expect } from 'chai';
import { execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startService } from '../support/serviceProcess.ts';
import { scrapedMetrics, type Sample } from '../http/outreachWatch/scrapedMetrics.ts';
import { endedCall } from '../../http/outreachWatch/outreachLogLine.ts';

const walkthrough = join(import.meta.dirname, '../../examples/first-campaign.sh');
const cases = readFileSync(join(import.meta.dirname, '../../examples/cases.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((row) => row.split(','));

type Entry = Record<string, unknown>;
const INFO = 30;

const runWalkthrough = (url: string, dataDir: string, env: Record<string, string> = {}) =>
  new Promise<{ stdout: string; stderr: string }>((resolve) => {
    execFile(
      'bash',
      [walkthrough, url, dataDir],
      { env: { ...process.env, ...env }, timeout: 120_000 },
      (_error, stdout, stderr) => resolve({ stdout, stderr }),
    );
  });

const campaignOf = (stdout: string): string => {
  const found = /campaign (\S+) launched at/.exec(stdout)?.[1];
  expect(found, stdout).to.be.a('string');
  return found!;
};

/** The sum of the samples of `name` for the campaign whose labels include `labels`. */
const total = (
  samples: readonly Sample[],
  name: string,
  campaign: string,
  labels: Record<string, string> = {},
): number =>
  samples
    .filter(
      (s) =>
        s.name === name &&
        s.labels['campaign'] === campaign &&
        Object.entries(labels).every(([k, v]) => s.labels[k] === v),
    )
    .reduce((sum, s) => sum + s.value, 0);

describe('npm start watched: outreach lines in the log and outreach metrics on /metrics', function () {
  this.timeout(240_000);
  let dataDir: string;
  let running: ChildProcess | undefined;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'start-watch-'))));
  afterEach(() => {
    running?.kill('SIGKILL');
    running = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  const service = async (clockStart: string) => {
    const started = startService([], {
      CLOCK_START: clockStart,
      CLOCK_SPEED: '60',
      PORT: String(await freePort()),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
    });
    running = started.child;
    return { url: await started.listening, logged: started.logged as Entry[] };
  };

  it('given the walkthrough run in calling hours, then each call placed and ended has an info line with masked numbers, and the call counters agree with the lines', async () => {
    const { url, logged } = await service('2027-01-11T17:00:00Z');
    const { stdout } = await runWalkthrough(url, dataDir);
    const campaignId = campaignOf(stdout);
    const ended = () =>
      logged.filter((e) => e['campaignId'] === campaignId && Object.values(endedCall).includes(String(e['msg'])));

    expect(logged.find((e) => e['msg'] === 'campaign launched' && e['campaignId'] === campaignId)).to.deep.include({
      level: INFO,
      contacts: cases.length,
    });
    const placed = logged.filter((e) => e['msg'] === 'call placed' && e['campaignId'] === campaignId);
    expect(placed, 'calls placed').to.not.be.empty;
    for (const line of placed) {
      expect(line['to'], 'masked number').to.match(/^\+\*+\d\d$/);
      expect(line).to.include.keys('companyId', 'contactId', 'callId', 'attempt', 'carrierCallId');
    }
    expect(ended(), 'calls ended').to.not.be.empty;

    // Lines and counters move together: the lines before a scrape are at most what it counts, those after at least.
    const before = ended().length;
    const samples = await scrapedMetrics(url);
    const after = ended().length;
    const counted = total(samples, 'outreach_calls_total', campaignId);
    expect(counted).to.be.within(before, after);
    expect(total(samples, 'outreach_dispatch_decisions_total', campaignId, { decision: 'called' })).to.be.at.least(
      placed.length,
    );
    expect(total(samples, 'outreach_contacts', campaignId)).to.equal(cases.length);

    const written = JSON.stringify(logged);
    for (const [, , , phone, email] of cases) {
      expect(written, phone).to.not.include(phone!.slice(2));
      if (email) expect(written, email).to.not.include(email);
    }
  });

  it('given the walkthrough run at night, then each opening is told with the contacts waiting for it, again only when more came, as the dispatcher decisions count them', async () => {
    const { url, logged } = await service('2027-01-11T03:00:00Z');
    const { stdout } = await runWalkthrough(url, dataDir, { WATCH_SECONDS: '6' });
    const campaignId = campaignOf(stdout);
    const told = logged.filter(
      (e) => e['campaignId'] === campaignId && String(e['msg']).startsWith('next window opens'),
    );
    expect(told, stdout).to.not.be.empty;
    for (const line of told)
      expect(line['msg']).to.equal(
        `next window opens at ${String(line['opensAt'])} for ${String(line['contacts'])} contacts`,
      );
    // A machine under load may stretch the dispatcher's queue past the settle time: an opening is then told again, with more contacts.
    const counts = new Map<string, number[]>();
    for (const line of told)
      counts.set(String(line['opensAt']), [...(counts.get(String(line['opensAt'])) ?? []), Number(line['contacts'])]);
    for (const [opensAt, told] of counts)
      for (let i = 1; i < told.length; i++)
        expect(told[i], `told again for ${opensAt} only with more`).to.be.greaterThan(told[i - 1]!);
    const waiting = [...counts.values()].reduce((sum, told) => sum + told[told.length - 1]!, 0);

    const samples = await scrapedMetrics(url);
    expect(total(samples, 'outreach_dispatch_decisions_total', campaignId, { decision: 'rescheduled' })).to.equal(
      waiting,
    );
    expect(total(samples, 'outreach_dispatch_decisions_total', campaignId, { decision: 'called' })).to.equal(0);
    expect(total(samples, 'outreach_due_contacts', campaignId)).to.equal(cases.length - waiting);
    expect(
      logged.filter((e) => e['msg'] === 'outside calling window'),
      'no debug line at info',
    ).to.deep.equal([]);
  });
});
