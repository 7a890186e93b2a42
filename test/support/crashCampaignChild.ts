// A process the crash test kills and restarts: boots the engine on the stores in <dir>, sets up its
// campaign once (or resumes it) and plays it out on a virtual clock, printing every acknowledged append.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { outreachRig } from './outreachRig.ts';
import { launchRigCampaign, type RigContact } from './rigCampaign.ts';

const [dir, seedText, downText] = process.argv.slice(2);
if (!dir) throw new Error('usage: crashCampaignChild <dir> [seed] [minutes down]');
const seed = Number(seedText ?? 1);
/** How long the engine was down before this start: calls go on at the carrier meanwhile, unheard. */
const downMs = Number(downText ?? 0) * 60_000;
const clockFile = join(dir, 'clock');
const setupFile = join(dir, 'setup.json');
/** Monday 2 March 2026, 08:00 in Chicago. */
const start = new Date('2026-03-02T14:00:00.000Z');
const lastDay = start.getTime() + 4 * 86_400_000;

const places: readonly RigContact[] = [
  { phone: '+1312555', state: 'IL' },
  { phone: '+1212555', state: 'NY' },
  { phone: '+1415555', state: 'CA' },
  { phone: '+1303555', state: 'CO' },
  { phone: '+1305555', state: 'FL' },
  { phone: '+1512555', state: 'TX' },
];
const contacts = Array.from({ length: 80 }, (_, i) => {
  const place = places[i % places.length]!;
  return { ...place, phone: `${place.phone}${String(100 + i).padStart(4, '0')}` };
});
const everyDay = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const write = (line: string) => process.stdout.write(`${line}\n`);
// Time resumes where the last run wrote it down, plus the time the engine was down: it never goes back.
const resumedAt = existsSync(clockFile) ? new Date(Date.parse(readFileSync(clockFile, 'utf8')) + downMs) : start;
const rig = await outreachRig({
  dir,
  start: resumedAt,
  seed,
  callLog: join(dir, 'calls.jsonl'),
  acknowledged: (stream, position) => write(`ack ${position} ${stream}`),
});

let campaignId: string;
if (existsSync(setupFile)) {
  campaignId = (JSON.parse(readFileSync(setupFile, 'utf8')) as { campaignId: string }).campaignId;
  write(`resumed ${resumedAt.toISOString()}`);
} else {
  const launched = await launchRigCampaign(rig.client, {
    contacts,
    company: { outboundLines: 4, concurrencyRate: 100 },
    settings: {
      type: 'voice',
      schedule: { mode: 'custom', slots: [{ days: everyDay, start: '08:00', end: '21:00' }] },
      runs: [
        { start: start.toISOString(), slots: [{ days: everyDay, start: '08:00', end: '21:00' }], channels: ['voice'] },
      ],
      concurrency: { limit: 3 },
      retry: { maxAttempts: 3, intervalMinutes: 20 },
    },
  });
  campaignId = launched.campaignId;
  writeFileSync(`${setupFile}.tmp`, JSON.stringify(launched));
  renameSync(`${setupFile}.tmp`, setupFile);
  write(`ready ${campaignId}`);
}

const completed = async () => {
  for await (const event of rig.eventStore.readStream(`campaign-${campaignId}`))
    if (event.type === 'CampaignCompleted') return true;
  return false;
};

for (let minute = 0; ; minute++) {
  if (minute % 10 === 0 && (await completed())) {
    write('done');
    break;
  }
  if (rig.clock.now().getTime() > lastDay) {
    write('unfinished');
    break;
  }
  await rig.minute();
  // Renamed into place, so a kill mid-write leaves the previous minute rather than an empty file.
  writeFileSync(`${clockFile}.tmp`, rig.clock.now().toISOString());
  renameSync(`${clockFile}.tmp`, clockFile);
}
await rig.stop();
process.exit(0);
