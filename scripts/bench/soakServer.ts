// The engine under the soak, in a process of its own so the RSS measured is the engine's alone:
// embedded stores, a company with a launched campaign of 200 contacts and 20 drafts. Prints
// `ready <json>`; each `rss` line on stdin answers `rss <process.memoryUsage() json>` after a full garbage collection
// (the process runs with --expose-gc), so what is counted is memory held, not garbage not yet swept.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setUpDemoCampaign } from '../demo/demoCampaign.ts';
import { benchAdminToken, benchEngine } from './benchEngine.ts';
import type { SoakTargets } from './soakRequests.ts';

const [dir] = process.argv.slice(2);
const engine = await benchEngine(dir!, 'soak');
const { client } = engine;
const setup = await setUpDemoCampaign(client, benchAdminToken, { contacts: 200, seed: 1, now: new Date() });
const drafts = await Promise.all(
  Array.from({ length: 20 }, (_, i) => client.post('/v1/campaigns', setup.key, { name: `Soak draft ${i}` })),
);
const targets: SoakTargets = {
  key: setup.key,
  campaignId: setup.campaignId,
  listId: setup.listId,
  draftIds: drafts.map((draft) => draft.id as string),
};

const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error('the soak engine needs --expose-gc');
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line !== 'rss') return;
  collect();
  // The store files' size bounds what SQLite's page caches (64 MiB a connection) can hold of them.
  const storeBytes = readdirSync(dir!)
    .filter((name) => name.startsWith('soak-'))
    .reduce((sum, name) => sum + statSync(join(dir!, name)).size, 0);
  process.stdout.write(`rss ${JSON.stringify({ ...process.memoryUsage(), storeBytes })}\n`);
});
process.stdin.once('end', () => void engine.close().then(() => process.exit(0)));
process.stdout.write(`ready ${JSON.stringify({ url: engine.url, ...targets })}\n`);
