import { expect } from 'chai';
import { commandHandler } from '../../commands/handleCommand.ts';
import { projectionRunner, type ProjectionRunner } from '../../projections/projectionRunner.ts';
import type { Projection } from '../../projections/projection.ts';
import { eventId } from '../../commands/eventIds.ts';
import { context, tallyDecider, tallyProjection, tallyRegistry } from '../support/tally.ts';
import { tempStores } from '../support/tempStores.ts';
import { virtualClock, type VirtualClock } from '../../adapters/clock/virtualClock.ts';

describe('projection runner', () => {
  let stores: ReturnType<typeof tempStores>;
  let runner: ProjectionRunner | undefined;
  let clock: VirtualClock;
  beforeEach(() => {
    clock = virtualClock(new Date('2026-03-02T14:00:00.000Z'));
    stores = tempStores(tallyRegistry);
  });
  afterEach(async () => {
    await runner?.stop();
    runner = undefined;
    await stores.dispose();
  });

  const handle = () => commandHandler({ store: stores.eventStore, registry: tallyRegistry, decider: tallyDecider });
  const increment = (tallyId: string, by: number) =>
    handle()(`tally-${tallyId}`, { type: 'Increment', data: { tallyId, companyId: 'company-1', by } }, context());
  const start = async (projection: Projection = tallyProjection() as Projection, batchSize = 1000) => {
    runner = projectionRunner({
      eventStore: stores.eventStore,
      readStore: stores.readStore,
      projections: [projection],
      batchSize,
      pollIntervalMs: 10,
      clock,
    });
    await runner.start();
    return runner;
  };

  it('projects history and live events, and a caller can wait for the position its command wrote', async () => {
    await increment('a', 2);
    await start();
    const { position } = await increment('a', 5);
    expect(await runner!.waitFor(position)).to.equal(true);
    expect(await stores.readStore.get('tallies', 'a')).to.deep.include({ total: 7, events: 2 });
  });

  it('answers false when a position is not reached in time, and not before', async () => {
    await start();
    let answer: boolean | undefined;
    const waiting = runner!.waitFor(10_000n, { timeoutMs: 600_000 }).then((reached) => (answer = reached));
    await clock.advance(599_999);
    expect(answer, 'answered before its time').to.equal(undefined);
    await clock.advance(1);
    expect(await waiting).to.equal(false);
  });

  it('resumes from its checkpoint after a restart without counting an event twice', async () => {
    await start(tallyProjection() as Projection, 3);
    for (let i = 0; i < 10; i++) await increment('a', 1);
    expect(await runner!.waitFor(await stores.eventStore.headPosition())).to.equal(true);
    await runner!.stop();
    await stores.reopen();
    await increment('a', 100);
    await start();
    expect(await runner!.waitFor(await stores.eventStore.headPosition())).to.equal(true);
    expect(await stores.readStore.get('tallies', 'a')).to.deep.include({ total: 110, events: 11 });
  });

  it('rebuilds a new version into fresh collections and swaps readers over once caught up', async () => {
    for (let i = 0; i < 25; i++) await increment(`t${i % 5}`, 1);
    await start(tallyProjection(1) as Projection);
    expect(await runner!.waitFor(await stores.eventStore.headPosition())).to.equal(true);
    await runner!.stop();

    await start(tallyProjection(2) as Projection, 4);
    expect(await runner!.waitFor(await stores.eventStore.headPosition())).to.equal(true);
    expect(await stores.readStore.get('tallies', 't3')).to.deep.include({ total: 5, shape: 2 });
    const tables = stores.readStore.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'tallies_v%'")
      .pluck()
      .all();
    expect(tables).to.deep.equal(['tallies_v2']);
    expect((await runner!.status())[0]).to.deep.include({ version: 2, rebuilding: false, lag: 0 });
  });

  it('reports its lag', async () => {
    await start();
    await runner!.stop();
    await increment('a', 1);
    runner = projectionRunner({
      eventStore: stores.eventStore,
      readStore: stores.readStore,
      projections: [tallyProjection() as Projection],
      clock,
    });
    const before = await runner.status();
    expect(before).to.deep.equal([]);
    await runner.start();
    await runner.waitFor(await stores.eventStore.headPosition());
    const [status] = await runner.status();
    expect(status).to.deep.include({ name: 'tallies', lag: 0, checkpoint: 2n, head: 2n });
  });

  it('stops on an event it cannot decode, naming it, instead of skipping it', async () => {
    await increment('a', 1);
    const metadata = {
      companyId: 'company-1',
      commandId: 'raw',
      correlationId: 'raw',
      causationId: 'raw',
      actor: 'test',
      occurredAt: new Date().toISOString(),
      schemaVersion: 2,
    };
    stores.eventStore.db
      .prepare('INSERT INTO events (id, stream, revision, type, data, metadata) VALUES (?, ?, 0, ?, ?, ?)')
      .run(eventId('raw', 0, new Date()), 'tally-bad', 'TallyIncremented', '{"tallyId":5}', JSON.stringify(metadata));
    await increment('a', 1);
    await start();
    const waiting = runner!.waitFor(await stores.eventStore.headPosition(), { timeoutMs: 600_000 });
    while (!(await runner!.status())[0]!.failed) await new Promise((resolve) => setImmediate(resolve));
    await clock.advance(600_000);
    expect(await waiting).to.equal(false);
    const [status] = await runner!.status();
    expect(status!.failed).to.contain('tally-bad@0').and.contain('TallyIncremented');
    expect(status!.checkpoint < (await stores.eventStore.headPosition())).to.equal(true);
  });
});
