// report_page and engagement_csv: a campaign of N contacts launched through the API (a list imported,
// a form of two required fields), then the agent's answers, summaries, in-app messages and app
// statuses of a share of the contacts appended as the engine records them. Measures 200 filtered
// JSON pages of the engagement report over HTTP (their p99), then the whole engagement CSV over HTTP
// (its time, and how far RSS rose above where it stood while it streamed). Prints one JSON line.
import { eventId } from '../../commands/eventIds.ts';
import { campaignStream } from '../../domain/campaign/events.ts';
import type { NewEvent } from '../../domain/events/event.ts';
import { CONTACT_ENGAGEMENT } from '../../projections/reports/engagement/contactEngagementDocument.ts';
import { demoCasesCsv } from '../demo/demoCases.ts';
import { benchCaseType, benchEngine, benchVoiceDraft } from './benchEngine.ts';

const [, dir, countText] = process.argv.slice(2);
const count = Number(countText);
const { eventStore, readStore, runner, client, url, key, companyId, listId, close } = await benchEngine(
  dir!,
  'reports',
);
const t0 = performance.now();
const step = (what: string) => process.stderr.write(`# ${what} at ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
const settle = async () => runner.waitFor(await eventStore.headPosition(), { timeoutMs: 600_000 });

const imported = await client.csv(`/v1/lists/${listId}/cases/import`, key, demoCasesCsv(count, benchCaseType, 1));
if (imported.added !== count) throw new Error(`imported ${imported.added} of ${count} cases`);
const form = await client.post('/v1/forms', key, {
  name: 'Intake',
  caseType: benchCaseType,
  fields: [
    { key: 'reachedContact', label: 'Reached', type: 'boolean', required: true },
    { key: 'injuryDate', label: 'Injury date', type: 'date', required: true },
  ],
});
const draft = { id: await benchVoiceDraft(client, key, listId, form) };
await client.post(`/v1/campaigns/${draft.id}/launch`, key);
await settle();
step('launched');
const campaignId: string = draft.id;

// What the agent and the app report of the contacts, in the engine's own events.
// The contacts as the launch enrolled them, read from the campaign's stream.
const contactIds: string[] = [];
for await (const recorded of eventStore.readStream(campaignStream(campaignId)))
  if (recorded.type === 'ContactsEnrolled')
    contactIds.push(...(recorded.data as { contacts: { contactId: string }[] }).contacts.map((c) => c.contactId));
step('contacts listed');
const now = new Date();
const event = (commandId: string, type: string, data: unknown): NewEvent => ({
  id: eventId(commandId, 0, now),
  type,
  data,
  metadata: {
    companyId,
    commandId,
    correlationId: commandId,
    causationId: commandId,
    actor: 'bench',
    occurredAt: now.toISOString(),
    schemaVersion: 1,
  },
});
const at = (i: number) => new Date(now.getTime() - (i % 1440) * 60_000).toISOString();
const appends: (() => Promise<unknown>)[] = [];
contactIds.forEach((contactId, i) => {
  const callId = `bench-call-${i}`;
  if (i % 5 < 2) {
    const answers = i % 5 === 0 ? { reachedContact: true, injuryDate: '2026-10-02' } : { reachedContact: true };
    appends.push(() =>
      eventStore.append(
        `call-${callId}`,
        [
          event(`${callId}-a`, 'FormAnswersRecorded', { callId, campaignId, contactId, answers, at: at(i) }),
          event(`${callId}-s`, 'CallSummaryRecorded', {
            callId,
            campaignId,
            contactId,
            summary: `Spoke with the client about their claim; follow-up ${i}.`,
            at: at(i),
          }),
        ],
        'any',
      ),
    );
  }
  if (i % 10 === 3) {
    const stream = `mobileapp-${campaignId}.${contactId}`;
    appends.push(() =>
      eventStore.append(
        stream,
        [
          event(`${stream}-s`, 'MobileAppStatusChanged', {
            campaignId,
            contactId,
            status: i % 20 === 3 ? 'uninstalled' : 'installed',
            at: at(i),
          }),
          event(`${stream}-m`, 'InAppMessageRecorded', {
            campaignId,
            contactId,
            messageId: `m-${i}`,
            direction: 'received',
            body: 'When is my hearing?',
            at: at(i),
            recordedAt: now.toISOString(),
          }),
        ],
        'any',
      ),
    );
  }
});
for (let from = 0; from < appends.length; from += 1000)
  await Promise.all(appends.slice(from, from + 1000).map((append) => append()));
step('appended');
await settle();
step('projected');
const documents = await readStore.count(CONTACT_ENGAGEMENT, { companyId, campaignId });
if (documents !== count) throw new Error(`the engagement read model holds ${documents} contacts, not ${count}`);

// 200 JSON pages over HTTP: each filter's first pages and pages deep into it.
const base = `${url}/v1/campaigns/${campaignId}/reports/engagement`;
const filters = [
  'taskStatus=complete',
  'taskStatus=partial',
  'taskStatus=not_started',
  'appStatus=installed',
  'appStatus=uninstalled',
  'appStatus=invited',
  'taskStatus=partial&appStatus=not_invited',
  `from=${encodeURIComponent(at(720))}`,
];
const headers = { authorization: `Bearer ${key}` };
const times: number[] = [];
// A first page of each filter, untimed, so the figure is the engine's steady state rather than its warm-up.
for (const filter of filters) await (await fetch(`${base}?${filter}&limit=50`, { headers })).json();
for (let i = 0; times.length < 200; i++) {
  let next: string | null = null;
  for (let depth = 0; depth < 5 && times.length < 200; depth++) {
    const started = performance.now();
    const response = await fetch(
      `${base}?${filters[i % filters.length]}&limit=50${next ? `&after=${encodeURIComponent(next)}` : ''}`,
      { headers },
    );
    const page = (await response.json()) as { items: unknown[]; next: string | null };
    times.push(performance.now() - started);
    if (response.status !== 200 || page.items.length === 0)
      throw new Error(`a report page answered ${response.status} with ${page.items.length} rows`);
    next = page.next;
    if (!next) break;
  }
}
const sorted = [...times].sort((a, b) => a - b);
const p99 = sorted[Math.ceil(sorted.length * 0.99) - 1]!;
process.stderr.write(
  `# slowest pages: ${sorted
    .slice(-8)
    .map((ms) => ms.toFixed(1))
    .join(', ')} ms; median ${sorted[100]!.toFixed(1)} ms\n`,
);

// The whole CSV, read as it streams, with RSS sampled meanwhile.
const rssBefore = process.memoryUsage.rss();
let rssPeak = rssBefore;
const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 10);
const started = performance.now();
const response = await fetch(`${base}?format=csv`, { headers });
let lines = 0;
for await (const chunk of response.body!) for (const byte of chunk as Uint8Array) if (byte === 10) lines++;
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
if (lines !== count + 1) throw new Error(`the CSV had ${lines} lines, not ${count + 1}`);
await close();
console.log(
  JSON.stringify({
    value: p99,
    seconds,
    rssGrowthMb: (rssPeak - rssBefore) / 1024 / 1024,
    items: count,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
