// launch_100k: a list of N cases is imported first; the clock runs from the launch request until the
// campaign and due-queue read models show every contact enrolled. Prints one JSON line.
import { join } from 'node:path';
import { getSqliteEventStore } from '../../adapters/eventstore/sqlite/sqliteEventStore.ts';
import { getSqliteReadStore } from '../../adapters/readstore/sqlite/sqliteReadStore.ts';
import { engineRegistry } from '../../domain/engineEvents.ts';
import { createLogger } from '../../http/logging.ts';
import { listen } from '../../http/server.ts';
import { CAMPAIGN_PROGRESS } from '../../projections/campaignContacts/campaignContactDocument.ts';
import { DUE_QUEUE } from '../../projections/outreach/dueQueueProjection.ts';
import { demoCasesCsv } from '../demo/demoCases.ts';
import { demoClient } from '../demo/demoClient.ts';
import { engineApp } from '../engine/engineApp.ts';

const [, dir, countText] = process.argv.slice(2);
const count = Number(countText);
const adminToken = 'bench-admin-token-0123456789abcdef';
const eventStore = getSqliteEventStore({ path: join(dir!, `launch-events-${process.pid}.db`), registry: engineRegistry });
const readStore = getSqliteReadStore({ path: join(dir!, `launch-read-${process.pid}.db`) });
const { app, runner } = await engineApp({ eventStore, readStore, logger: createLogger({ level: 'silent' }), adminToken, limits: { csvBytes: 256 * 1024 * 1024 } });
const server = await listen(app, { port: 0, host: '127.0.0.1' });
const client = demoClient(server.url);

const caseType = 'personal injury';
const opened = await client.post('/v1/companies', adminToken, { name: 'Bench & Co' });
const key: string = opened.apiKey;
const list = await client.post('/v1/lists', key, { name: 'Everyone', caseType });
const imported = await client.csv(`/v1/lists/${list.id}/cases/import`, key, demoCasesCsv(count, caseType, 1));
if (imported.added !== count) throw new Error(`imported ${imported.added} of ${count} cases`);
const agent = await client.post('/v1/agents', key, { name: 'Ava', voice: 'warm', streamUrl: 'wss://voice.example.com/ava', callerNumber: '+13125550111' });
const draft = await client.post('/v1/campaigns', key, { name: 'Everyone, once' });
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'];
await client.patch(`/v1/campaigns/${draft.id}`, key, {
  type: 'voice',
  listId: list.id,
  agentId: agent.id,
  schedule: { mode: 'custom', slots: [{ days: weekdays, start: '09:00', end: '17:00' }] },
  runs: [{ start: new Date().toISOString(), slots: [{ days: weekdays, start: '09:00', end: '17:00' }], channels: ['voice'] }],
});
await runner.waitFor(await eventStore.headPosition(), { timeoutMs: 600_000 });

const started = performance.now();
await client.post(`/v1/campaigns/${draft.id}/launch`, key);

await runner.waitFor(await eventStore.headPosition(), { timeoutMs: 600_000 });
const seconds = (performance.now() - started) / 1000;

const progress = (await readStore.get(CAMPAIGN_PROGRESS, draft.id)) as { enrolled?: number } | null;
const queued = await readStore.count(DUE_QUEUE, { companyId: opened.company.id, campaignId: draft.id });
if (progress?.enrolled !== count || queued !== count) throw new Error(`read models show ${progress?.enrolled} enrolled and ${queued} queued, not ${count}`);
await server.close(100);
await runner.stop();
await readStore.close();
await eventStore.close();
console.log(JSON.stringify({ seconds, items: count, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
