import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setImmediate } from 'node:timers/promises';
import { commandHandler } from '../../commands/handleCommand.ts';
import type { EventStore } from '../../commands/eventStore.ts';
import type { Lease, ProjectionLeases } from '../../projections/projectionLeases.ts';
import { context, tallyDecider, tallyRegistry } from '../support/tally.ts';
import { LEASE_MS, leasedRunner, type LeasedRunner, type TimedCommit } from '../support/leasedRunner.ts';
import { virtualClock, type VirtualClock } from '../../adapters/clock/virtualClock.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (real time) until `condition` holds, answering how long it took; fails past `timeoutMs`. */
const until = async (condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> => {
  const started = performance.now();
  while (!(await condition())) {
    if (performance.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(5);
  }
  return performance.now() - started;
};

const STEP_MS = 10;

/**
 * Moves the processes' shared clock on a step at a time, letting each step's timers and lease store
 * answers finish, until `condition` holds; answers how much of the clock's time that took.
 */
const stepUntil = async (
  clock: VirtualClock,
  condition: () => Promise<boolean>,
  limitMs: number,
  what: string,
): Promise<number> => {
  const started = clock.now().getTime();
  while (!(await condition())) {
    if (clock.now().getTime() - started >= limitMs) throw new Error(`${what}: not within ${limitMs} ms of the clock`);
    await clock.advance(STEP_MS);
    await setImmediate();
  }
  return clock.now().getTime() - started;
};

/** Work already set off (a commit, following started or stopped) finishes without the clock moving. */
const settles = (condition: () => Promise<boolean>, what: string) => until(condition, 10_000, what);

const lostLease = (view: LeasedRunner, projection: string) =>
  view.told.some(
    (line) => line.message === 'projection lease lost; stopping it here' && line.fields['projection'] === projection,
  );
const heldBy = async (view: LeasedRunner, projection: string) =>
  (await view.runner.status()).find((s) => s.name === projection)?.heldBy;

const increment = (eventStore: EventStore, tallyId: string, by: number) =>
  commandHandler({ store: eventStore, registry: tallyRegistry, decider: tallyDecider })(
    `tally-${tallyId}`,
    { type: 'Increment', data: { tallyId, companyId: 'company-1', by } },
    context(),
  );

const tallyChanges = (commits: readonly TimedCommit[]) =>
  commits.filter((c) => c.batch.projection === 'tallies').flatMap((c) => c.batch.changes);

describe('projection runners sharing leases', function () {
  this.timeout(30_000);
  let dir: string;
  let views: LeasedRunner[];
  const view = (holder: string, options?: Parameters<typeof leasedRunner>[2]) => {
    const opened = leasedRunner(dir, holder, options);
    views.push(opened);
    return opened;
  };
  let clock: VirtualClock;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'leases-'));
    views = [];
    clock = virtualClock(new Date('2026-03-02T14:00:00.000Z'));
  });
  afterEach(async () => {
    for (const opened of views) await opened.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs each projection in one process: the other stands by, writes nothing, and says who runs it', async () => {
    const a = view('engine-a');
    const b = view('engine-b');
    await a.runner.start();
    await b.runner.start();
    for (let i = 0; i < 20; i++) await increment(a.eventStore, `t${i % 4}`, i);
    expect(await a.runner.waitFor(await a.eventStore.headPosition())).to.equal(true);
    expect(await b.runner.waitFor(await b.eventStore.headPosition())).to.equal(true);

    expect(a.commits.length).to.be.greaterThan(0);
    expect(b.commits).to.deep.equal([]);
    expect((await a.runner.status()).map((s) => [s.name, s.active, s.heldBy])).to.deep.equal([
      ['tallies', true, 'engine-a'],
      ['closures', true, 'engine-a'],
    ]);
    expect((await b.runner.status()).map((s) => [s.name, s.active, s.heldBy])).to.deep.equal([
      ['tallies', false, 'engine-a'],
      ['closures', false, 'engine-a'],
    ]);
    expect(await b.readStore.get('tallies', 't1')).to.deep.include({ total: 1 + 5 + 9 + 13 + 17, events: 5 });
  });

  it('lets a process standing by wait for a position that some read models ignore, which their holder stores once the quiet time has passed', async () => {
    const a = view('engine-a', { quietCheckpointMs: 1500, clock });
    const b = view('engine-b', { clock });
    await a.runner.start();
    await b.runner.start();
    const { position } = await increment(a.eventStore, 't', 1);
    expect(await a.runner.waitFor(position)).to.equal(true);
    const started = clock.now().getTime();
    let answer: { reached: boolean; after: number } | undefined;
    void b.runner
      .waitFor(position, { projections: ['closures'], timeoutMs: 4000 })
      .then((reached) => (answer = { reached, after: clock.now().getTime() - started }));
    const quietCommit = () =>
      a.commits.find((c) => c.batch.projection === 'closures' && c.batch.checkpoint >= position);
    const quietAfter = await stepUntil(
      clock,
      async () => quietCommit() !== undefined,
      4000,
      'the holder stores the quiet checkpoint',
    );
    expect(quietAfter, 'stored at the end of the quiet time').to.equal(1500);
    await settles(async () => quietCommit()!.endedAt !== undefined, 'the quiet checkpoint is written');
    await stepUntil(clock, async () => answer !== undefined, 4000 - quietAfter, 'the wait standing by ends');
    expect(answer!.reached).to.equal(true);
    expect(answer!.after, 'answered once the checkpoint was stored, at the next look').to.be.within(1500, 1500 + 10);
  });

  it("hands a stopped holder's projections to the process standing by at once, which goes on from the stored checkpoint", async () => {
    const a = view('engine-a', { clock });
    const b = view('engine-b', { clock });
    await a.runner.start();
    await b.runner.start();
    for (let i = 0; i < 10; i++) await increment(a.eventStore, 't', 1);
    expect(await a.runner.waitFor(await a.eventStore.headPosition())).to.equal(true);
    await a.runner.stop();
    const stoppedAt = (await b.readStore.projectionState('tallies')).checkpoints[1]!;

    const handover = await stepUntil(
      clock,
      async () => (await heldBy(b, 'tallies')) === 'engine-b' && (await heldBy(b, 'closures')) === 'engine-b',
      LEASE_MS,
      'the process standing by takes the leases',
    );
    expect(handover, 'taken at its next renewal').to.be.at.most(LEASE_MS / 3);
    await settles(async () => (await b.following()) === 'all', 'the process standing by follows');
    for (let i = 0; i < 10; i++) await increment(b.eventStore, 't', 10);
    expect(await b.runner.waitFor(await b.eventStore.headPosition())).to.equal(true);

    expect(await b.readStore.get('tallies', 't')).to.deep.include({ total: 110, events: 20 });
    const taken = tallyChanges(b.commits);
    expect(taken.length).to.be.greaterThan(0);
    expect(
      taken.every((change) => change.position > stoppedAt),
      'the new holder went back before the checkpoint',
    ).to.equal(true);
  });

  it('stops following when its lease cannot be renewed, before the lease lapses, and the other process takes over once it has', async () => {
    let lastLease: Lease | null = null;
    let cut = false;
    // Once cut off, the lease store never answers this process again.
    const cutOff = (leases: ProjectionLeases): ProjectionLeases => ({
      acquire: async (...args) => {
        if (cut) return new Promise<never>(() => undefined);
        const lease = await leases.acquire(...args);
        if (args[0] === 'tallies') lastLease = lease;
        return lease;
      },
      release: (...args) => leases.release(...args),
    });
    const a = view('engine-a', { leases: cutOff, clock });
    const b = view('engine-b', { clock });
    await a.runner.start();
    await b.runner.start();
    let appending = true;
    let appended = 0;
    const appender = (async () => {
      while (appending) {
        await increment(a.eventStore, 't', 1);
        appended += 1;
        await sleep(5);
      }
    })();
    await until(async () => a.commits.length > 3, 5000, 'the holder projects');

    cut = true;
    const lapsesIn = lastLease!.expiresAt.getTime() - clock.now().getTime();
    await stepUntil(
      clock,
      async () => lostLease(a, 'tallies'),
      lapsesIn,
      'the holder lets its lease go before it could lapse',
    );
    expect(await heldBy(b, 'tallies'), 'taken over while the lease still held').to.not.equal('engine-b');
    await settles(async () => (await a.following()) === 'none', 'the holder stops following');
    await stepUntil(
      clock,
      async () => (await heldBy(b, 'tallies')) === 'engine-b',
      2 * LEASE_MS,
      'the other process takes the lease',
    );
    expect(clock.now().getTime(), 'taken over before the lease lapsed').to.be.at.least(lastLease!.expiresAt.getTime());
    await settles(async () => (await b.following()) === 'all', 'the other process follows');
    await sleep(100);
    appending = false;
    await appender;

    expect(await b.runner.waitFor(await b.eventStore.headPosition())).to.equal(true);
    expect(await b.readStore.get('tallies', 't')).to.deep.include({ total: appended, events: appended });
    const lastOfA = Math.max(...a.commits.map((c) => c.endedAt ?? Infinity));
    const firstOfB = Math.min(...b.commits.map((c) => c.startedAt));
    expect(lastOfA, 'the two processes wrote at once').to.be.below(firstOfB);
  });

  it('takes over from a holder killed with SIGKILL within about one lease, and ends with every event counted once', async () => {
    const holder = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, '../support/leaseHoldingProcess.ts'), dir, 'engine-killed'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) => holder.once('exit', (_, signal) => resolve(signal)));
    try {
      await new Promise<void>((resolve, reject) => {
        createInterface({ input: holder.stdout }).on('line', (line) => line === 'following' && resolve());
        void exited.then(() => reject(new Error('the holding process ended before it followed')));
      });
      const b = view('engine-b');
      await b.runner.start();
      expect(await b.following()).to.equal('none');

      let appending = true;
      let appended = 0;
      const appender = (async () => {
        while (appending) {
          await increment(b.eventStore, `t${appended % 3}`, 1);
          appended += 1;
          await sleep(5);
        }
      })();
      await until(
        async () => ((await b.readStore.projectionState('tallies')).checkpoints[1] ?? 0n) > 20n,
        10_000,
        'the holding process projects',
      );

      holder.kill('SIGKILL');
      const killedAt = performance.now();
      expect(await exited).to.equal('SIGKILL');
      const leftAt = (await b.readStore.projectionState('tallies')).checkpoints[1]!;
      await until(async () => (await b.following()) === 'all', 5000, 'the process standing by takes over');
      const takeover = performance.now() - killedAt;
      expect(takeover, 'takeover time').to.be.below(2 * LEASE_MS);
      await sleep(100);
      appending = false;
      await appender;

      expect(await b.runner.waitFor(await b.eventStore.headPosition())).to.equal(true);
      const tallies = await Promise.all([0, 1, 2].map((i) => b.readStore.get('tallies', `t${i}`)));
      expect(tallies.reduce((sum, tally) => sum + (tally!['events'] as number), 0)).to.equal(appended);
      expect(tallies.reduce((sum, tally) => sum + (tally!['total'] as number), 0)).to.equal(appended);
      expect(
        tallyChanges(b.commits).every((change) => change.position > leftAt),
        'the new holder went back before the checkpoint',
      ).to.equal(true);
    } finally {
      killQuietly(holder);
    }
  });
});

const killQuietly = (child: ChildProcess) => {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
};
