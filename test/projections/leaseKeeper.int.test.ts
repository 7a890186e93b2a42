import { expect } from 'chai';
import Database from 'better-sqlite3';
import { sqliteProjectionLeases } from '../../adapters/readstore/sqlite/sqliteProjectionLeases.ts';
import { leaseKeeper, type LeaseKeeper } from '../../projections/leaseKeeper.ts';
import type { ProjectionLeases } from '../../projections/projectionLeases.ts';
import { virtualClock, type VirtualClock } from '../../adapters/clock/virtualClock.ts';

const LEASE_MS = 300;
/** Lets the renewals and starts and stops a timer set off finish: the lease store answers without I/O. */
const settled = () => new Promise((resolve) => setImmediate(resolve));
const silent = { info: () => {}, error: () => {} };

describe('the lease keeper', function () {
  this.timeout(10_000);
  let db: Database.Database;
  let leases: ProjectionLeases;
  let keepers: LeaseKeeper[];
  let clock: VirtualClock;
  beforeEach(() => {
    clock = virtualClock(new Date('2026-03-02T14:00:00.000Z'));
    db = new Database(':memory:');
    leases = sqliteProjectionLeases(db);
    keepers = [];
  });
  afterEach(async () => {
    for (const keeper of keepers) await keeper.stop();
    db.close();
  });

  /** A keeper of one projection that records when it starts and stops following it. */
  const keep = (
    holder: string,
    options: { leases?: ProjectionLeases; gained?: () => Promise<void>; gone?: (holder: string) => boolean } = {},
  ) => {
    const changes: string[] = [];
    const keeper = leaseKeeper({
      leases: options.leases ?? leases,
      holder,
      leaseMs: LEASE_MS,
      projections: ['campaigns'],
      clock,
      gained: async (name) => {
        await options.gained?.();
        changes.push(`follow ${name}`);
      },
      lost: async (name) => void changes.push(`stop ${name}`),
      log: silent,
      ...(options.gone ? { gone: options.gone } : {}),
    });
    keepers.push(keeper);
    return { keeper, changes };
  };

  it('follows a projection once its lease is taken, and stops and frees it on stop', async () => {
    const { keeper, changes } = keep('engine-1');
    await keeper.start();
    expect(changes).to.deep.equal(['follow campaigns']);
    expect(keeper.lease('campaigns')).to.deep.include({ following: true });
    await keeper.stop();
    expect(changes).to.deep.equal(['follow campaigns', 'stop campaigns']);
    expect(await leases.acquire('campaigns', 'engine-2', clock.now(), LEASE_MS)).to.deep.include({
      holder: 'engine-2',
    });
  });

  it("takes a lease over at once from a holder known to have ended, and waits out any other holder's", async () => {
    await leases.acquire('campaigns', 'crashed-engine', clock.now(), 60_000);
    const { keeper, changes } = keep('engine-1', { gone: (holder) => holder === 'crashed-engine' });
    await keeper.start();
    expect(changes).to.deep.equal(['follow campaigns']);
    expect(keeper.lease('campaigns').lease).to.deep.include({ holder: 'engine-1' });

    await keeper.stop();
    await leases.acquire('campaigns', 'live-engine', clock.now(), 60_000);
    const waiting = keep('engine-2', { gone: (holder) => holder === 'crashed-engine' });
    await waiting.keeper.start();
    expect(waiting.changes).to.deep.equal([]);
    expect(waiting.keeper.lease('campaigns').lease).to.deep.include({ holder: 'live-engine' });
  });

  it('does not follow on a renewal answered too late to leave a safe part of the lease', async () => {
    // The answer comes a whole lease after the question.
    const slow: ProjectionLeases = {
      ...leases,
      acquire: async (...args) => (await clock.advance(LEASE_MS), leases.acquire(...args)),
    };
    const { keeper, changes } = keep('engine-1', { leases: slow });
    await keeper.start();
    expect(changes).to.deep.equal([]);
    expect(keeper.lease('campaigns')).to.deep.include({ following: false });
  });

  it('stops at once when a renewal finds the lease taken by another holder, whose clock ran ahead', async () => {
    const { keeper, changes } = keep('engine-1');
    await keeper.start();
    await leases.acquire('campaigns', 'engine-2', new Date(clock.now().getTime() + LEASE_MS), LEASE_MS);
    await clock.advance(LEASE_MS / 3 - 1);
    await settled();
    expect(changes, 'before the renewal').to.deep.equal(['follow campaigns']);
    await clock.advance(1);
    await settled();
    expect(changes).to.deep.equal(['follow campaigns', 'stop campaigns']);
    expect(keeper.lease('campaigns').lease).to.deep.include({ holder: 'engine-2' });
  });

  it('stops following a quarter of the lease before it could lapse when the lease store stops answering', async () => {
    let answering = true;
    const cutOff: ProjectionLeases = {
      ...leases,
      acquire: (...args) => (answering ? leases.acquire(...args) : new Promise<never>(() => undefined)),
    };
    const { keeper, changes } = keep('engine-1', { leases: cutOff });
    await keeper.start();
    answering = false;
    await clock.advance((3 * LEASE_MS) / 4 - 1);
    await settled();
    expect(changes, 'before the deadline').to.deep.equal(['follow campaigns']);
    await clock.advance(1);
    await settled();
    expect(changes).to.deep.equal(['follow campaigns', 'stop campaigns']);
  });

  it('gives the lease up when following fails to start, and tries again at the next renewal', async () => {
    let attempts = 0;
    const { keeper, changes } = keep('engine-1', {
      gained: async () => {
        if (++attempts === 1) throw new Error('read store unreachable');
      },
    });
    await keeper.start();
    expect(changes).to.deep.equal([]);
    expect(await leases.acquire('campaigns', 'engine-2', clock.now(), 1)).to.deep.include({ holder: 'engine-2' });
    await clock.advance(LEASE_MS / 3);
    await settled();
    expect(changes).to.deep.equal(['follow campaigns']);
    expect(attempts).to.equal(2);
  });
});
