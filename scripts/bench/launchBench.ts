// launch_100k: a list of N cases is imported first; the clock runs from the launch request until the
// campaign and due-queue read models show every contact enrolled. Prints one JSON line.
import { CAMPAIGN_PROGRESS } from '../../projections/campaignContacts/campaignContactDocument.ts';
import { DUE_QUEUE } from '../../projections/outreach/dueQueueProjection.ts';
import { demoCasesCsv } from '../demo/demoCases.ts';
import { benchCaseType, benchEngine, benchVoiceDraft } from './benchEngine.ts';

const [, dir, countText] = process.argv.slice(2);
const count = Number(countText);
const { eventStore, readStore, runner, client, key, companyId, listId, close } = await benchEngine(dir!, 'launch');
const imported = await client.csv(`/v1/lists/${listId}/cases/import`, key, demoCasesCsv(count, benchCaseType, 1));
if (imported.added !== count) throw new Error(`imported ${imported.added} of ${count} cases`);
const draft = { id: await benchVoiceDraft(client, key, listId) };
await runner.waitFor(await eventStore.headPosition(), { timeoutMs: 600_000 });

const started = performance.now();
await client.post(`/v1/campaigns/${draft.id}/launch`, key);

await runner.waitFor(await eventStore.headPosition(), { timeoutMs: 600_000 });
const seconds = (performance.now() - started) / 1000;

const progress = (await readStore.get(CAMPAIGN_PROGRESS, draft.id)) as { enrolled?: number } | null;
const queued = await readStore.count(DUE_QUEUE, { companyId, campaignId: draft.id });
if (progress?.enrolled !== count || queued !== count)
  throw new Error(`read models show ${progress?.enrolled} enrolled and ${queued} queued, not ${count}`);
await close();
console.log(JSON.stringify({ seconds, items: count, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
