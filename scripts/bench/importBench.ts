// import_100k: a CSV of N cases, one contact each, imported through the HTTP API; the clock runs from
// the import request until the list read models (`list_cases`, `lists`) show every case. Prints one JSON line.
import { join } from 'node:path';
import { getSqliteEventStore } from '../../adapters/eventstore/sqlite/sqliteEventStore.ts';
import { getSqliteReadStore } from '../../adapters/readstore/sqlite/sqliteReadStore.ts';
import { engineRegistry } from '../../domain/engineEvents.ts';
import { createLogger } from '../../http/logging.ts';
import { listen } from '../../http/server.ts';
import { LIST_CASES } from '../../projections/lists/listCasesProjection.ts';
import { LISTS } from '../../projections/lists/listsProjection.ts';
import { demoCasesCsv } from '../demo/demoCases.ts';
import { demoClient } from '../demo/demoClient.ts';
import { engineApp } from '../engine/engineApp.ts';

const [, dir, countText] = process.argv.slice(2);
const count = Number(countText);
const adminToken = 'bench-admin-token-0123456789abcdef';
const eventStore = getSqliteEventStore({ path: join(dir!, `import-events-${process.pid}.db`), registry: engineRegistry });
const readStore = getSqliteReadStore({ path: join(dir!, `import-read-${process.pid}.db`) });
const { app, runner } = await engineApp({ eventStore, readStore, logger: createLogger({ level: 'silent' }), adminToken, limits: { csvBytes: 256 * 1024 * 1024 } });
const server = await listen(app, { port: 0, host: '127.0.0.1' });
const client = demoClient(server.url);

const caseType = 'personal injury';
const opened = await client.post('/v1/companies', adminToken, { name: 'Bench & Co' });
const key: string = opened.apiKey;
const list = await client.post('/v1/lists', key, { name: 'Everyone', caseType });
// Written before the clock starts: the figure is the engine's, not the file's.
const csv = demoCasesCsv(count, caseType, 1);
await runner.waitFor(await eventStore.headPosition(), { timeoutMs: 600_000 });

const started = performance.now();
const imported = await client.csv(`/v1/lists/${list.id}/cases/import`, key, csv);
const shownInTime = await runner.waitFor(BigInt(imported.position), { timeoutMs: 600_000, projections: [LIST_CASES, LISTS] });
const seconds = (performance.now() - started) / 1000;

if (!shownInTime) throw new Error('the list read models did not catch up in 10 minutes');
if (imported.added !== count || imported.rejected.length !== 0) throw new Error(`imported ${imported.added} of ${count} cases, ${imported.rejected.length} rows refused`);
const shown = (await readStore.get(LISTS, list.id)) as { counts?: { cases: number; contacts: number } } | null;
const cases = await readStore.count(LIST_CASES, { companyId: opened.company.id, listId: list.id });
if (shown?.counts?.cases !== count || shown.counts.contacts !== count || cases !== count)
  throw new Error(`read models show ${shown?.counts?.cases} cases counted and ${cases} case documents, not ${count}`);
await server.close(100);
await runner.stop();
await readStore.close();
await eventStore.close();
console.log(JSON.stringify({ seconds, items: count, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
