// import_100k: a CSV of N cases, one contact each, imported through the HTTP API; the clock runs from
// the import request until the list read models (`list_cases`, `lists`) show every case. Prints one JSON line.
import { LIST_CASES } from '../../projections/lists/listCasesProjection.ts';
import { LISTS } from '../../projections/lists/listsProjection.ts';
import { demoCasesCsv } from '../demo/demoCases.ts';
import { benchCaseType, benchEngine } from './benchEngine.ts';

const [, dir, countText] = process.argv.slice(2);
const count = Number(countText);
const { eventStore, readStore, runner, client, key, companyId, listId, close } = await benchEngine(dir!, 'import');
// Written before the clock starts: the figure is the engine's, not the file's.
const csv = demoCasesCsv(count, benchCaseType, 1);
await runner.waitFor(await eventStore.headPosition(), { timeoutMs: 600_000 });

const started = performance.now();
const imported = await client.csv(`/v1/lists/${listId}/cases/import`, key, csv);
const shownInTime = await runner.waitFor(BigInt(imported.position), {
  timeoutMs: 600_000,
  projections: [LIST_CASES, LISTS],
});
const seconds = (performance.now() - started) / 1000;

if (!shownInTime) throw new Error('the list read models did not catch up in 10 minutes');
if (imported.added !== count || imported.rejected.length !== 0)
  throw new Error(`imported ${imported.added} of ${count} cases, ${imported.rejected.length} rows refused`);
const shown = (await readStore.get(LISTS, listId)) as { counts?: { cases: number; contacts: number } } | null;
const cases = await readStore.count(LIST_CASES, { companyId, listId });
if (shown?.counts?.cases !== count || shown.counts.contacts !== count || cases !== count)
  throw new Error(`read models show ${shown?.counts?.cases} cases counted and ${cases} case documents, not ${count}`);
await close();
console.log(JSON.stringify({ seconds, items: count, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
