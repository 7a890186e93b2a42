import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { getSqliteEventStore } from '../../adapters/eventstore/sqlite/sqliteEventStore.ts';
import type { PlacedCallEntry } from '../../adapters/telephony/simulated/placedCallLog.ts';
import { crashSeed } from '../support/crashSeed.ts';
import { engineRegistry } from '../../domain/engineEvents.ts';
import type { RecordedEvent } from '../../domain/events/event.ts';

const child = join(import.meta.dirname, '../support/crashCampaignChild.ts');
const kills = 20;

type Run = {
  readonly process: ChildProcess;
  readonly lines: string[];
  readonly exited: Promise<number | null>;
  onLine?: (line: string) => void;
};

let running: ChildProcess | undefined;

const startChild = (dir: string, minutesDown = 0): Run => {
  const process_ = (running = spawn(process.execPath, ['--import', 'tsx', child, dir, '7', String(minutesDown)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  }));
  const run: Run = {
    process: process_,
    lines: [],
    exited: new Promise((resolve) => process_.once('exit', (code) => resolve(code))),
  };
  createInterface({ input: process_.stdout! }).on('line', (line) => {
    run.lines.push(line);
    run.onLine?.(line);
  });
  return run;
};

/** Resolves once `count` acknowledgements came after the engine was up, or the child finished on its own. */
const acknowledgements = (run: Run, count: number): Promise<'killable' | 'finished'> =>
  new Promise((resolve) => {
    let up = false;
    let seen = 0;
    run.onLine = (line) => {
      if (line.startsWith('ready') || line.startsWith('resumed')) up = true;
      else if (line === 'done' || line === 'unfinished') resolve('finished');
      else if (up && line.startsWith('ack') && ++seen >= count) resolve('killable');
    };
    void run.exited.then(() => resolve('finished'));
  });

describe('the engine killed and restarted while a campaign runs on the simulated carrier', function () {
  // A lost call waits out the longest call (four hours of the virtual clock) before it settles.
  this.timeout(900_000);
  // Where the kills fall and how long the engine stays down.
  const killPoints = crashSeed('kill points');
  const random = (min: number, max: number) => killPoints.between(min, max);
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'crash-'))));
  after(() => {
    // A run cut short by a timeout must not leave its engine playing on.
    if (running && running.exitCode === null && running.signalCode === null) running.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it(`places no call twice, settles every placed call, loses no acknowledged event and finishes the campaign, across ${kills} SIGKILLs`, async () => {
    const acked: { position: bigint; stream: string }[] = [];
    const collect = (run: Run) => {
      for (const line of run.lines) {
        const [word, position, stream] = line.split(' ');
        if (word === 'ack') acked.push({ position: BigInt(position!), stream: stream! });
      }
    };
    let killed = 0;
    while (killed < kills) {
      // A killed engine stays down a while: calls in flight end meanwhile and their reports are lost.
      const run = startChild(dir, killed === 0 ? 0 : random(0, 10));
      const state = await acknowledgements(run, random(2, 30));
      if (state === 'finished') {
        await run.exited;
        collect(run);
        expect(run.lines, 'the campaign ran out of days without completing').to.not.include('unfinished');
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, random(0, 25)));
      run.process.kill('SIGKILL');
      await run.exited;
      collect(run);
      killed += 1;
    }
    expect(killed, 'the campaign outlived every kill').to.equal(kills);

    const last = startChild(dir, random(0, 10));
    const code = await last.exited;
    collect(last);
    expect(code).to.equal(0);
    expect(last.lines, 'the campaign finished').to.include('done');

    const store = getSqliteEventStore({ path: join(dir, 'events.db'), registry: engineRegistry });
    const events: RecordedEvent[] = [];
    try {
      for await (const event of store.readAll()) events.push(event);
    } finally {
      await store.close();
    }

    const byPosition = new Map(events.map((event) => [event.position, event]));
    const lost = acked.filter(({ position, stream }) => byPosition.get(position)?.stream !== stream);
    expect(acked.length).to.be.greaterThan(200);
    expect(lost, 'acknowledged appends missing afterwards').to.deep.equal([]);

    const requested = new Map<string, { contactId: string; attempt: number }>();
    const released = new Set<string>();
    const placedEvents = new Map<string, number>();
    for (const event of events) {
      const data = event.data as { callId: string; contactId: string; attempt: number };
      if (event.type === 'CallRequested')
        requested.set(data.callId, { contactId: data.contactId, attempt: data.attempt });
      if (event.type === 'CallRequestReleased') released.add(data.callId);
      if (event.type === 'CallPlaced') placedEvents.set(data.callId, (placedEvents.get(data.callId) ?? 0) + 1);
    }
    expect(
      [...placedEvents.values()].filter((n) => n > 1),
      'CallPlaced recorded twice',
    ).to.deep.equal([]);

    const log = readFileSync(join(dir, 'calls.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as PlacedCallEntry);
    const dialled = log.flatMap((entry) => (entry.kind === 'placed' ? [entry.call.callId] : []));
    expect(dialled.length).to.be.greaterThan(40);
    expect(dialled.length - new Set(dialled).size, 'a call dialled twice').to.equal(0);
    const attempts = dialled.map((callId) => {
      const request = requested.get(callId);
      expect(request, `call ${callId} was requested before it was dialled`).to.not.equal(undefined);
      expect(released.has(callId), `call ${callId} was dialled yet released`).to.equal(false);
      return `${request!.contactId}#${request!.attempt}`;
    });
    expect(attempts.length - new Set(attempts).size, 'an attempt dialled twice').to.equal(0);
    const recordedAttempts = [...requested]
      .filter(([callId]) => !released.has(callId))
      .map(([, r]) => `${r.contactId}#${r.attempt}`);
    expect(recordedAttempts.length - new Set(recordedAttempts).size, 'an attempt requested twice').to.equal(0);

    // Every call the carrier took got its final report, and its contact its outcome.
    const final = new Map<string, string>();
    const settled = new Set<string>();
    for (const event of events) {
      if (event.type === 'CallCompleted')
        final.set((event.data as { callId: string }).callId, (event.data as { endedAt: string }).endedAt);
      if (event.type === 'CallAttemptEnded') settled.add((event.data as { callId: string }).callId);
    }
    const unsettled = [...placedEvents.keys()].filter((callId) => !final.has(callId) || !settled.has(callId));
    expect(unsettled, 'placed calls with no final event or no outcome for their contact').to.deep.equal([]);

    // No contact had two calls open at once, neither on its stream nor at the carrier.
    const open = new Map<string, string>();
    for (const event of events) {
      const { callId, contactId } = event.data as { callId: string; contactId: string };
      if (event.type === 'CallRequested') {
        expect(open.get(contactId), `contact ${contactId} requested ${callId} with a call open`).to.equal(undefined);
        open.set(contactId, callId);
      }
      if ((event.type === 'CallAttemptEnded' || event.type === 'CallRequestReleased') && open.get(contactId) === callId)
        open.delete(contactId);
    }
    const lastEnd = new Map<string, { callId: string; endedAt: string }>();
    for (const entry of log) {
      if (entry.kind !== 'placed') continue;
      const { callId, placedAt } = entry.call;
      const { contactId } = requested.get(callId)!;
      const before = lastEnd.get(contactId);
      if (before)
        expect(
          Date.parse(placedAt),
          `contact ${contactId} dialled (${callId}) while ${before.callId} was still on`,
        ).to.be.at.least(Date.parse(before.endedAt));
      lastEnd.set(contactId, { callId, endedAt: final.get(callId) ?? placedAt });
    }
    expect(events.some((event) => event.type === 'CampaignCompleted')).to.equal(true);
  });
});
