// dispatch_select: the due queue holds 1,000,000 enrolled contacts; how long the dispatcher takes to
// choose the 100 earliest due ones of a campaign. Prints one JSON line.
import { join } from 'node:path';
import { getSqliteReadStore } from '../../adapters/readstore/sqlite/sqliteReadStore.ts';
import type { DocumentChange } from '../../projections/readStore.ts';
import { dueQueueProjection, type DueContact } from '../../projections/outreach/dueQueueProjection.ts';
import type { DispatchCampaign } from '../../projections/outreach/dispatchCampaignsProjection.ts';
import { dispatchReads } from '../../schedulers/dispatch/dispatchReads.ts';

const [, dir, countText] = process.argv.slice(2);
const count = Number(countText);
const campaigns = 10;
const companyId = '01900000-0000-7000-8000-0000000000c1';
const campaignIdOf = (n: number) => `01900000-0000-7000-8000-0000000c${String(n).padStart(4, '0')}`;
const now = new Date('2026-03-02T15:00:00.000Z');

const readStore = getSqliteReadStore({ path: join(dir!, `dispatch-select-${process.pid}.db`) });
const { name, version, collections } = dueQueueProjection;
await readStore.prepare(version, collections);
const batch = 20_000;
for (let from = 0; from < count; from += batch) {
  const changes: DocumentChange[] = [];
  for (let i = from; i < Math.min(count, from + batch); i++) {
    const campaignId = campaignIdOf(i % campaigns);
    const contactId = `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`;
    // Half the contacts are due (spread over the past day), half wait for a later attempt or are done.
    const dueAt =
      i % 4 === 3 ? undefined : new Date(now.getTime() + ((i * 7919) % 172_800_000) - 86_400_000).toISOString();
    const doc: DueContact = {
      _id: `${campaignId}.${contactId}`,
      companyId,
      campaignId,
      contactId,
      caseId: `case-${i}`,
      externalId: `EXT-${i}`,
      phone: `+1312${String(i).padStart(7, '0')}`,
      timezone: 'America/Chicago',
      state: 'IL',
      areaCodeTimezones: ['America/Chicago'],
      status: 'ACTIVE',
      revision: 0,
      ...(dueAt ? { dueAt } : {}),
    };
    changes.push({ op: 'upsert', collection: 'due_queue', doc, position: BigInt(i + 1) });
  }
  await readStore.commit({ projection: name, version, checkpoint: BigInt(Math.min(count, from + batch)), changes });
}
await readStore.activate(name, version, collections);

const reads = dispatchReads(readStore);
const campaign = { _id: campaignIdOf(3), campaignId: campaignIdOf(3), companyId } as DispatchCampaign;
const times: number[] = [];
let chosen = 0;
for (let run = 0; run < 60; run++) {
  const at = new Date(now.getTime() - run * 60_000);
  const started = performance.now();
  const page = await reads.dueContacts(campaign, at, 100);
  times.push(performance.now() - started);
  chosen = page.items.length;
}
if (chosen !== 100) throw new Error(`chose ${chosen} contacts, not 100`);
times.sort((a, b) => a - b);
await readStore.close();
console.log(
  JSON.stringify({
    value: times[Math.floor(times.length / 2)],
    items: count,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
