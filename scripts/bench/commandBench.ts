// command_on_big_campaign / add_cases_big_list: what one admin command costs on a big stream, over the
// HTTP API. `campaign N`: a campaign of N contacts is launched, then pause, resume and Mark Completed
// of one contact are timed, one round after another, after a warm-up round. `add_cases N`: a list of
// N cases is imported, then the adding of 1,000 more is timed, again and again. Read models catch up
// between samples, untimed, so each sample is the command alone. Prints one JSON line: `value`, the
// median in ms.
import { readStreamOf } from '../../commands/aggregateStream.ts';
import { campaignStream, type CampaignEvent } from '../../domain/campaign/events.ts';
import { demoCasesCsv } from '../demo/demoCases.ts';
import { benchCaseType, benchEngine, benchVoiceDraft } from './benchEngine.ts';

const [mode, dir, countText] = process.argv.slice(2);
const count = Number(countText);
const rounds = 30;
const casesAdded = 1000;
const { eventStore, runner, client, key, listId, close } = await benchEngine(dir!, `commands-${mode}`);
const settled = async () => {
  await runner.waitFor(await eventStore.headPosition(), { timeoutMs: 600_000 });
};
const timed = async (samples: number[], command: () => Promise<unknown>) => {
  const started = performance.now();
  await command();
  samples.push(performance.now() - started);
  await settled();
};
const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Imports `cases` cases in files of at most 100,000 rows, each file's external ids its own. */
const imported = async (cases: number) => {
  for (let file = 0; file * 100_000 < cases; file++) {
    const rows = Math.min(100_000, cases - file * 100_000);
    const csv = demoCasesCsv(rows, benchCaseType, 1).replaceAll('\nPI-', `\nF${file}-`);
    const answer = await client.csv(`/v1/lists/${listId}/cases/import`, key, csv);
    if (answer.added !== rows) throw new Error(`imported ${answer.added} of ${rows} cases`);
  }
};

const campaignCommands = async (): Promise<number[]> => {
  await imported(count);
  const campaignId = await benchVoiceDraft(client, key, listId);
  await settled();
  await client.post(`/v1/campaigns/${campaignId}/launch`, key);
  await settled();
  const contactIds: string[] = [];
  for await (const event of readStreamOf<CampaignEvent>(eventStore, campaignStream(campaignId)))
    if (event.type === 'ContactsEnrolled' && contactIds.length <= rounds)
      contactIds.push(...event.data.contacts.slice(0, rounds + 1).map((contact) => contact.contactId));
  const byCommand = { pause: [] as number[], resume: [] as number[], complete: [] as number[] };
  const round = async (contactId: string, into: typeof byCommand) => {
    await timed(into.pause, () => client.post(`/v1/campaigns/${campaignId}/pause`, key, {}));
    await timed(into.resume, () => client.post(`/v1/campaigns/${campaignId}/resume`, key, {}));
    await timed(into.complete, () =>
      client.post(`/v1/campaigns/${campaignId}/contacts/complete`, key, { contactIds: [contactId] }),
    );
  };
  await round(contactIds[0]!, { pause: [], resume: [], complete: [] });
  for (let i = 1; i <= rounds; i++) await round(contactIds[i % contactIds.length]!, byCommand);
  const medians = Object.entries(byCommand).map(([name, xs]) => `${name} ${median(xs).toFixed(2)} ms`);
  process.stderr.write(`# ${count} contacts: ${medians.join(', ')}\n`);
  return Object.values(byCommand).flat();
};

const addingCases = async (): Promise<number[]> => {
  await imported(count);
  await settled();
  const cases = (batch: number) =>
    Array.from({ length: casesAdded }, (_, i) => ({
      externalId: `ADD-${batch}-${i}`,
      caseType: benchCaseType,
      contacts: [{ name: `Client ${i}`, phone: `+1312555${String(100 + (i % 100)).padStart(4, '0')}` }],
    }));
  // An empty list is a new one at every sample; a big one grows by 1,000 cases a sample.
  const listFor = async () =>
    count === 0
      ? ((await client.post('/v1/lists', key, { name: 'Fresh', caseType: benchCaseType })).id as string)
      : listId;
  const add = async (list: string, batch: number) => {
    const answer = await client.post(`/v1/lists/${list}/cases`, key, { cases: cases(batch) });
    if (answer.added !== casesAdded) throw new Error(`added ${answer.added} of ${casesAdded} cases`);
  };
  const samples: number[] = [];
  for (let batch = 0; batch <= rounds; batch++) {
    const list = await listFor();
    await settled();
    // The first is the warm-up.
    await timed(batch === 0 ? [] : samples, () => add(list, batch));
  }
  return samples;
};

const samples = mode === 'campaign' ? await campaignCommands() : await addingCases();
await close();
console.log(
  JSON.stringify({
    value: median(samples),
    items: samples.length,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
