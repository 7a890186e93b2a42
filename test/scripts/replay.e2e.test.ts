import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '../../domain/events/event.ts';
import { outreachRig } from '../support/outreachRig.ts';
import { mobileAppCommands } from '../../commands/mobileApp/mobileAppCommands.ts';
import { engineRegistry } from '../../domain/engineEvents.ts';
import { playedCampaign, type PlayedCampaign } from '../support/playedCampaign.ts';

const replayScript = join(import.meta.dirname, '../../scripts/replay.ts');

type Data = Record<string, any>;

const replay = (...args: string[]) => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', replayScript, ...args], {
    encoding: 'utf8',
    env: { ...process.env, EVENTSTORE_URL: '', MONGODB_URL: '' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
};

/** The campaign's events as an auditor would pick them out of the whole log, in global order. */
const campaignEventsOf = (events: readonly RecordedEvent[], campaignId: string, companyId: string): RecordedEvent[] => {
  const data = (e: RecordedEvent) => e.data as Data;
  const contacts = events
    .filter((e) => e.type === 'ContactsEnrolled' && data(e)['campaignId'] === campaignId)
    .flatMap((e) => data(e)['contacts'] as Data[]);
  const addresses = new Set(contacts.flatMap((c) => [c['phone'], ...(c['email'] ? [c['email']] : [])]));
  const calls = new Set(
    events
      .filter((e) => e.type === 'CallRequested' && data(e)['campaignId'] === campaignId)
      .map((e) => `call-${data(e)['callId']}`),
  );
  const messages = new Set(
    events.filter((e) => e.type === 'MessageRequested' && data(e)['campaignId'] === campaignId).map((e) => e.stream),
  );
  return events.filter(
    (e) =>
      e.stream === `campaign-${campaignId}` ||
      e.stream.startsWith(`enrollment-${campaignId}.`) ||
      e.stream.startsWith(`workflow-${campaignId}.`) ||
      calls.has(e.stream) ||
      messages.has(e.stream) ||
      (e.type === 'InboundMessageReceived' && data(e)['campaignId'] === campaignId) ||
      e.stream.startsWith(`mobileapp-${campaignId}.`) ||
      (e.stream.startsWith(`consent-${companyId}.`) && addresses.has(data(e)['address'])),
  );
};

describe('npm run replay', function () {
  this.timeout(240_000);
  let dir: string;
  let played: PlayedCampaign;
  let other: PlayedCampaign;
  let events: RecordedEvent[];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'replay-'));
    const rig = await outreachRig({ dir, start: new Date('2026-12-01T15:00:00.000Z'), seed: 5 });
    // Two companies' campaigns side by side: each replay shows its own campaign only.
    other = await playedCampaign(rig, { contacts: 3, minutes: 1 });
    played = await playedCampaign(rig, { contacts: 6, minutes: 40 });
    // A contact texts STOP: the text, the opt-out and the engine's confirmation live on streams of their own.
    const texted = played.events.find(
      (e) => e.type === 'MessageRequested' && (e.data as Data)['campaignId'] === played.campaignId,
    )!.data as Data;
    await rig.outreach.reports.telephony.inboundSms({
      carrierMessageId: 'SM-replay-1',
      from: texted['to'],
      to: texted['from'],
      body: 'STOP',
      receivedAt: rig.clock.now().toISOString(),
    });
    // The client's mobile app reports its status: a stream of the campaign contact's own.
    const app = mobileAppCommands({ eventStore: rig.eventStore, readStore: rig.readStore, registry: engineRegistry });
    await app.reportStatus(
      { campaignId: played.campaignId, contactId: texted['contactId'], status: 'installed' },
      { commandId: 'replay-app-1', companyId: played.companyId, actor: 'mobile-app', now: rig.clock.now() },
    );
    await rig.settle();
    events = [];
    for await (const event of rig.eventStore.readAll()) events.push(event);
    await rig.stop();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("given --campaign, then it prints every event of the campaign and its contacts' calls, messages, texts and consent, once each, in global order", () => {
    const { code, stdout, stderr } = replay('--campaign', played.campaignId, '--format', 'text', '--data-dir', dir);
    expect(code, stderr).to.equal(0);
    const lines = stdout.trimEnd().split('\n');
    const expected = campaignEventsOf(events, played.campaignId, played.companyId);
    expect(expected.map((e) => e.type)).to.include.members([
      'CampaignLaunched',
      'ContactsEnrolled',
      'CallRequested',
      'CallPlaced',
      'CallCompleted',
      'MessageRequested',
      'MessageSent',
      'WorkflowStepsPlanned',
      'InboundMessageReceived',
      'ContactOptedOut',
      'MobileAppStatusChanged',
    ]);
    expect(expected.filter((e) => e.type === 'MessageRequested').map((e) => (e.data as Data)['step'])).to.include(
      'reply:opt_out',
    );
    expect(lines.map((line) => line.split('  ').slice(0, 4))).to.deep.equal(
      expected.map((e) => [`#${e.position}`, e.metadata.occurredAt, e.stream, e.type]),
    );
    const requested = expected.find((e) => e.type === 'CallRequested')!;
    expect(lines[expected.indexOf(requested)])
      .to.include(`callId=${(requested.data as Data)['callId']}`)
      .and.include('attempt=1');
    expect(stdout).to.not.include(other.campaignId);
  });

  it('given --as-of a position, then it stops there', () => {
    const expected = campaignEventsOf(events, played.campaignId, played.companyId);
    const cut = expected[Math.floor(expected.length / 2)]!.position;
    const { code, stdout } = replay(
      '--campaign',
      played.campaignId,
      '--as-of',
      String(cut),
      '--format',
      'text',
      '--data-dir',
      dir,
    );
    expect(code).to.equal(0);
    expect(
      stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.split('  ')[0]),
    ).to.deep.equal(expected.filter((e) => e.position <= cut).map((e) => `#${e.position}`));
  });

  it('given an unknown campaign or a bad flag, then it says which and exits with 2', () => {
    const unknown = replay('--campaign', '0192aaaa-0000-7000-8000-000000000000', '--data-dir', dir);
    expect(unknown.code).to.equal(2);
    expect(unknown.stderr).to.include('no campaign 0192aaaa-0000-7000-8000-000000000000');
    const badPoint = replay('--campaign', played.campaignId, '--as-of', 'last tuesday', '--data-dir', dir);
    expect(badPoint.code).to.equal(2);
    expect(badPoint.stderr).to.include('--as-of');
    const unknownFlag = replay('--campain', played.campaignId, '--data-dir', dir);
    expect(unknownFlag.code).to.equal(2);
    expect(unknownFlag.stderr).to.include('--campain');
    const nowhere = join(dir, 'nowhere');
    const noStore = replay('--campaign', played.campaignId, '--data-dir', nowhere);
    expect(noStore.code).to.equal(2);
    expect(noStore.stderr).to.include(`no event store in ${nowhere}`);
    expect(existsSync(nowhere), 'a store left behind').to.equal(false);
  });

  it('given npm run -s, as the help says, then stdout is JSON lines alone, with no banner of npm', () => {
    const run = spawnSync('npm', ['run', '-s', 'replay', '--', '--campaign', played.campaignId, '--data-dir', dir], {
      cwd: join(import.meta.dirname, '../..'),
      encoding: 'utf8',
      env: { ...process.env, EVENTSTORE_URL: '', MONGODB_URL: '' },
    });
    expect(run.status, run.stderr).to.equal(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.length).to.be.above(10);
    for (const line of lines) expect(() => JSON.parse(line), line).to.not.throw();
  });

  it("given --help, then it documents every flag and how to keep npm's banner out of the lines", () => {
    const { code, stdout } = replay('--help');
    expect(code).to.equal(0);
    for (const flag of [
      '--campaign',
      '--as-of',
      '--stream',
      '--after',
      '--limit',
      '--format',
      '--out',
      '--force',
      '--data-dir',
    ])
      expect(stdout).to.include(flag);
    expect(stdout).to.include('npm run -s replay');
  });

  it('given --campaign, then by default every line is one event as JSON, the same events in the same order as the text lines', () => {
    const text = replay('--campaign', played.campaignId, '--format', 'text', '--data-dir', dir);
    const json = replay('--campaign', played.campaignId, '--data-dir', dir);
    expect(json.code, json.stderr).to.equal(0);
    const events = json.stdout
      .trimEnd()
      .split('\n')
      .map(
        (line) => JSON.parse(line) as { position: string; stream: string; type: string; data: Data; metadata: Data },
      );
    expect(events.map((e) => [`#${e.position}`, e.metadata['occurredAt'], e.stream, e.type])).to.deep.equal(
      text.stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.split('  ').slice(0, 4)),
    );
    expect(events.find((e) => e.type === 'CallRequested')!.data['callId']).to.be.a('string');
  });

  it('given --out, then the lines go to the file alone; an existing file is refused unless --force', () => {
    const file = join(dir, 'audit.jsonl');
    const written = replay('--campaign', played.campaignId, '--format', 'json', '--out', file, '--data-dir', dir);
    expect(written.code, written.stderr).to.equal(0);
    expect(written.stdout).to.equal('');
    const expected = replay('--campaign', played.campaignId, '--format', 'json', '--data-dir', dir).stdout;
    expect(readFileSync(file, 'utf8')).to.equal(expected);
    const again = replay('--campaign', played.campaignId, '--out', file, '--data-dir', dir);
    expect(again.code).to.equal(2);
    expect(again.stderr).to.include(`${file} already exists`).and.include('--force');
    expect(readFileSync(file, 'utf8')).to.equal(expected);
    const forced = replay('--campaign', played.campaignId, '--out', file, '--force', '--data-dir', dir);
    expect(forced.code, forced.stderr).to.equal(0);
    expect(readFileSync(file, 'utf8')).to.equal(replay('--campaign', played.campaignId, '--data-dir', dir).stdout);
  });

  it('given --out and an unknown campaign, then it leaves no file behind', () => {
    const file = join(dir, 'nothing.log');
    const { code } = replay('--campaign', '0192aaaa-0000-7000-8000-000000000000', '--out', file, '--data-dir', dir);
    expect(code).to.equal(2);
    expect(existsSync(file)).to.equal(false);
  });
});
