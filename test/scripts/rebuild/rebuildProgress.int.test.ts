import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getEsdbEventStore, type EsdbEventStore } from '../../../adapters/eventstore/esdb/esdbEventStore.ts';
import { getSqliteReadStore, type SqliteReadStore } from '../../../adapters/readstore/sqlite/sqliteReadStore.ts';
import type { Projection } from '../../../projections/projection.ts';
import { projectionRunner } from '../../../projections/projectionRunner.ts';
import { rebuildProgress } from '../../../scripts/rebuild/rebuildProgress.ts';
import { fakeEsdb } from '../../adapters/eventstore/esdb/fakeEsdbClient.ts';
import { closuresProjection } from '../../support/leasedRunner.ts';
import { tallyEvents, tallyProjection, tallyRegistry } from '../../support/tally.ts';
import { realTime } from '../../support/realTime.ts';

const tallies = tallyProjection() as Projection;

describe('rebuild progress, on a store whose positions are byte offsets (EventStoreDB)', () => {
  let dir: string;
  let eventStore: EsdbEventStore;
  let readStore: SqliteReadStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rebuild-progress-'));
    eventStore = getEsdbEventStore({
      client: fakeEsdb({ systemEventAfterAppend: true }).client,
      registry: tallyRegistry,
    });
    readStore = getSqliteReadStore({ path: join(dir, 'read.db'), aliasTtlMs: 0 });
  });
  afterEach(async () => {
    await readStore.close();
    await eventStore.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const append = async (events: number) => {
    for (let i = 0; i < events; i++) {
      const tallyId = `t${i}-${'x'.repeat(500 + i * 97)}`;
      await eventStore.append(`tally-${tallyId}`, tallyEvents(tallyId, 1), 'any');
    }
  };

  it('counts the events the furthest-behind projection has to apply, and how far the slowest one has come', async () => {
    // Given the tallies stored 4 events in, and a new read model of closures that starts from nothing.
    const first = projectionRunner({ clock: realTime, eventStore, readStore, projections: [tallies] });
    await first.start();
    await append(4);
    expect(await first.waitFor(await eventStore.headPosition())).to.equal(true);
    await first.stop();
    await append(8);
    const head = await eventStore.headPosition();
    const projections = [tallies, closuresProjection];

    const progress = await rebuildProgress({ eventStore, readStore }, projections, head);
    expect(progress.total).to.equal(12);
    expect(
      progress.done([
        { name: 'tallies', applied: 0 },
        { name: 'closures', applied: 0 },
      ]),
    ).to.equal(0);
    expect(
      progress.done([
        { name: 'tallies', applied: 2 },
        { name: 'closures', applied: 9 },
      ]),
    ).to.equal(6);

    const runner = projectionRunner({ clock: realTime, eventStore, readStore, projections });
    await runner.start();
    expect(await runner.waitFor(head)).to.equal(true);
    const statuses = await runner.status();
    await runner.stop();
    expect(statuses.map((s) => s.applied)).to.deep.equal([8, 12]);
    expect(progress.done(statuses)).to.equal(12);
  });
});
