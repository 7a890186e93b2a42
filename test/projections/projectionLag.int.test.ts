import { expect } from 'chai';
import { setImmediate } from 'node:timers/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getEsdbEventStore, type EsdbEventStore } from '../../adapters/eventstore/esdb/esdbEventStore.ts';
import { getSqliteReadStore, type SqliteReadStore } from '../../adapters/readstore/sqlite/sqliteReadStore.ts';
import { sqliteProjectionLeases } from '../../adapters/readstore/sqlite/sqliteProjectionLeases.ts';
import { storeReadiness } from '../../http/storeReadiness.ts';
import type { Projection } from '../../projections/projection.ts';
import {
  projectionRunner,
  type ProjectionRunner,
  type ProjectionRunnerOptions,
} from '../../projections/projectionRunner.ts';
import type { ReadStore } from '../../projections/readStore.ts';
import { startTestServer, type TestServer } from '../http/testServer.ts';
import { fakeEsdb } from '../adapters/eventstore/esdb/fakeEsdbClient.ts';
import { closuresProjection } from '../support/leasedRunner.ts';
import { tallyEvents, tallyProjection, tallyRegistry } from '../support/tally.ts';
import { virtualClock, type VirtualClock } from '../../adapters/clock/virtualClock.ts';

const tallies = tallyProjection() as Projection;

describe('projection lag in events, on a store whose positions are byte offsets (EventStoreDB)', () => {
  let dir: string;
  let eventStore: EsdbEventStore;
  let readStore: SqliteReadStore;
  let runners: ProjectionRunner[];
  let server: TestServer | undefined;
  let appended = 0;
  let clock: VirtualClock;

  beforeEach(() => {
    clock = virtualClock(new Date('2026-03-02T14:00:00.000Z'));
    dir = mkdtempSync(join(tmpdir(), 'lag-'));
    // The server's own bookkeeping lands between our events, as on a real node.
    eventStore = getEsdbEventStore({
      client: fakeEsdb({ systemEventAfterAppend: true }).client,
      registry: tallyRegistry,
    });
    readStore = getSqliteReadStore({ path: join(dir, 'read.db'), aliasTtlMs: 0 });
    runners = [];
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    for (const runner of runners) await runner.stop();
    await readStore.close();
    await eventStore.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = async (options: Partial<ProjectionRunnerOptions> = {}) => {
    const runner = projectionRunner({
      eventStore,
      readStore,
      projections: [tallies],
      pollIntervalMs: 10,
      clock,
      ...options,
    });
    runners.push(runner);
    await runner.start();
    return runner;
  };

  /** One event per tally, each tally's id of another length, so consecutive positions lie thousands of bytes apart. */
  const append = async (events: number) => {
    for (let i = 0; i < events; i++) {
      const tallyId = `t${++appended}-${'x'.repeat(1000 + ((appended * 389) % 1500))}`;
      const [event] = tallyEvents(tallyId, 1);
      await eventStore.append(`tally-${tallyId}`, [event!], 'any');
    }
  };

  /** Given the tallies projected up to the head and stored, then `behind` more events appended. */
  const behindBy = async (behind: number) => {
    const caughtUp = await run();
    await append(3);
    expect(await caughtUp.waitFor(await eventStore.headPosition())).to.equal(true);
    await caughtUp.stop();
    await append(behind);
  };

  /** This process's view while another process holds the projection's lease: from the stored checkpoint. */
  const runElsewhere = async () => {
    const leases = sqliteProjectionLeases(readStore.db);
    await leases.acquire(tallies.name, 'worker-2.example:77:elsewhere', new Date(), 60_000);
    return run({ leases: { leases, holder: 'worker-1.example:42:here', leaseMs: 60_000 } });
  };

  const readyz = async (runner: ProjectionRunner, maxLag: number) => {
    server = await startTestServer({
      readiness: storeReadiness({ eventStore, readStore, projections: () => runner.status() }),
      readyz: { maxLag },
    });
    const response = await fetch(`${server.url}/readyz`);
    const body = (await response.json()) as {
      projections: { lag: number; status: string; checkpoint: string; head: string }[];
      problems: string[];
    };
    return { status: response.status, projection: body.projections[0]!, problems: body.problems };
  };

  it('counts a projection 5 events behind as 5, thousands of bytes apart, and /readyz answers 200 under a bound of 10', async () => {
    await behindBy(5);
    const runner = await runElsewhere();
    const [status] = await runner.status();
    expect(status).to.deep.include({ active: false, lag: 5 });
    expect(status!.head - status!.checkpoint > 5_000n, 'positions far apart').to.equal(true);

    const answer = await readyz(runner, 10);
    expect(answer.status).to.equal(200);
    expect(answer.projection).to.deep.include({ lag: 5, status: 'ok' });
    expect(answer.problems).to.deep.equal([]);
  });

  it('counts a projection 20 events behind as 20, and /readyz answers 503 under a bound of 10, naming the count', async () => {
    await behindBy(20);
    const answer = await readyz(await runElsewhere(), 10);
    expect(answer.status).to.equal(503);
    expect(answer.projection).to.deep.include({ lag: 20, status: 'lagging' });
    expect(answer.problems).to.deep.equal(['projection tallies v1 lags by 20 events (at most 10)']);
  });

  it('counts the lag of a projection this process follows, while its commit is under way', async () => {
    await behindBy(7);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow: ReadStore = { ...readStore, commit: async (batch) => held.then(() => readStore.commit(batch)) };
    const runner = await run({ readStore: slow });
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await runner.status())[0]).to.deep.include({ active: true, lag: 7 });
    } finally {
      release();
    }
    expect(await runner.waitFor(await eventStore.headPosition())).to.equal(true);
    expect((await runner.status())[0]).to.deep.include({ lag: 0, applied: 7 });
  });

  it('stops counting at its limit and says the lag is at least that; /readyz then answers 503', async () => {
    await behindBy(20);
    const leases = sqliteProjectionLeases(readStore.db);
    await leases.acquire(tallies.name, 'worker-2.example:77:elsewhere', new Date(), 60_000);
    const runner = await run({ lagLimit: 8, leases: { leases, holder: 'worker-1.example:42:here', leaseMs: 60_000 } });
    expect((await runner.status())[0]).to.deep.include({ lag: 8, lagAtLeast: true });
    const answer = await readyz(runner, 10);
    expect(answer.status).to.equal(503);
    expect(answer.problems).to.deep.equal(['projection tallies v1 lags by at least 8 events (at most 10)']);
  });

  describe('a checkpoint moved only by ignored events', () => {
    const storedCheckpoint = async () =>
      (await readStore.projectionState(closuresProjection.name)).checkpoints[1] ?? 0n;

    it('stays in memory while fewer events than the bound have passed, however far apart their positions, until the quiet time ends', async () => {
      const runner = await run({ projections: [closuresProjection], quietCheckpointMs: 60_000 });
      const before = await storedCheckpoint();
      await append(40);
      const head = await eventStore.headPosition();
      expect(head - before > 40_000n, 'positions far apart').to.equal(true);
      expect(await runner.waitFor(head)).to.equal(true);
      await clock.advance(59_999);
      expect(await storedCheckpoint()).to.equal(before);
      await clock.advance(1);
      // The quiet checkpoint's commit is under way on the writer thread: it lands without more time passing.
      while ((await storedCheckpoint()) !== head) await setImmediate();
    });

    it('is stored once as many events as the bound have passed', async () => {
      const runner = await run({
        projections: [closuresProjection],
        quietCheckpointMs: 60_000,
        quietCheckpointEvents: 10,
      });
      await append(25);
      const head = await eventStore.headPosition();
      expect(await runner.waitFor(head)).to.equal(true);
      const stored = await storedCheckpoint();
      expect(stored > 0n && stored <= head).to.equal(true);
    });
  });
});
