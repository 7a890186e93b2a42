// One append measurement in its own process, so its peak RSS is its own: prints one JSON line.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { getSqliteEventStore } from '../../adapters/eventstore/sqlite/sqliteEventStore.ts';
import { createEventsSchema } from '../../adapters/eventstore/sqlite/schema.ts';
import { benchEvent, benchRegistry, benchStream } from './benchEvents.ts';

const [mode, dir, countText] = process.argv.slice(2);
const count = Number(countText);
const runId = `${Date.now().toString(36)}${process.pid}`;
const path = join(dir!, `append-${mode}-${runId}.db`);

// Both sides write the very same events, built before the clock starts.
const now = new Date();
const events = Array.from({ length: count }, (_, i) => ({
  stream: benchStream(runId, i),
  event: benchEvent(`${runId}-${i}`, i, 0, now),
}));

const rawRows = () =>
  events.map(
    ({ stream, event: e }) => [e.id, stream, 0, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata)] as const,
  );

const raw = (perTransaction: number): number => {
  const db = new Database(path);
  createEventsSchema(db);
  const insert = db.prepare(
    'INSERT INTO events (id, stream, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const rows = rawRows();
  const write = db.transaction((slice: typeof rows) => {
    for (const row of slice) insert.run(...row);
  });
  const started = performance.now();
  for (let i = 0; i < rows.length; i += perTransaction) write(rows.slice(i, i + perTransaction));
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return count / seconds;
};

const engine = async (inFlight: number): Promise<number> => {
  const store = getSqliteEventStore({ path, registry: benchRegistry });
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < count; i = next++) await store.append(events[i]!.stream, [events[i]!.event], 'no_stream');
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, lane));
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  return count / seconds;
};

const perSecond =
  mode === 'raw_single'
    ? raw(1)
    : mode === 'raw_batch100'
      ? raw(100)
      : mode === 'sequential'
        ? await engine(1)
        : await engine(1000);
console.log(JSON.stringify({ perSecond, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
