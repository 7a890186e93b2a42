// Seeds, reads or rebuilds a store of many events in its own process: prints one JSON line.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { getSqliteEventStore } from '../../adapters/eventstore/sqlite/sqliteEventStore.ts';
import { getSqliteReadStore } from '../../adapters/readstore/sqlite/sqliteReadStore.ts';
import { projectionRunner } from '../../projections/projectionRunner.ts';
import { systemScheduler } from '../../adapters/clock/scheduler.ts';
import { benchEvent, benchRegistry, benchStream } from './benchEvents.ts';
import { contactAttemptsProjection } from './contactAttemptsProjection.ts';

const [mode, dir, countText] = process.argv.slice(2);
const count = Number(countText);
const eventsPath = join(dir!, 'rebuild-events.db');
const store = getSqliteEventStore({ path: eventsPath, registry: benchRegistry });

const seed = async (): Promise<number> => {
  const contacts = Math.max(1, Math.floor(count / 10));
  const now = new Date();
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < count; i = next++) {
      const contact = i % contacts;
      const attempt = Math.floor(i / contacts);
      await store.append(benchStream('seed', contact), [benchEvent(`seed-${i}`, contact, attempt, now)], 'any');
    }
  };
  await Promise.all(Array.from({ length: 1000 }, lane));
  return count;
};

const readAll = async (): Promise<number> => {
  let n = 0;
  for await (const event of store.readAll()) if (event.position > 0n) n++;
  return n;
};

/** What SQLite itself does to hand the same rows over, without decoding: the floor under readAll. */
const rawSelect = (): number => {
  const db = new Database(eventsPath, { readonly: true });
  let n = 0;
  for (const row of db
    .prepare('SELECT position, id, stream, revision, type, data, metadata FROM events')
    .raw(true)
    .iterate())
    if (row) n++;
  db.close();
  return n;
};

const rebuild = async (): Promise<number> => {
  const readStore = getSqliteReadStore({ path: join(dir!, `rebuild-read-${process.pid}.db`) });
  const runner = projectionRunner({
    eventStore: store,
    readStore,
    projections: [contactAttemptsProjection],
    clock: systemScheduler((error) => {
      throw error;
    }),
  });
  await runner.start();
  const head = await store.headPosition();
  if (!(await runner.waitFor(head, { timeoutMs: 600_000 }))) throw new Error('rebuild did not finish');
  await runner.stop();
  const documents = await readStore.count('bench_contact_attempts', {});
  await readStore.close();
  return documents;
};

const started = performance.now();
const cpuBefore = process.cpuUsage();
const items =
  mode === 'seed'
    ? await seed()
    : mode === 'readall'
      ? await readAll()
      : mode === 'raw_select'
        ? rawSelect()
        : await rebuild();
const seconds = (performance.now() - started) / 1000;
await store.close();
const cpu = process.cpuUsage(cpuBefore);
console.log(
  JSON.stringify({
    items,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
