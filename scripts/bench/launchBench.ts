// launch_<n>: a campaign of N contacts launched through the HTTP API. Three modes, each a process of
// its own on the same files, so each peak RSS is its own:
// - seed: a list of N cases imported (in files of 100,000 rows) and a voice draft over it;
// - launch: the clock runs from the launch request until the read models show every contact enrolled;
// - raw: the rows the launch's projections wrote, inserted by plain better-sqlite3 into tables of the
//   same layout and indexes, in transactions of 2,000: what the storage itself takes for them.
// Prints one JSON line.
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CAMPAIGN_CONTACTS, CAMPAIGN_PROGRESS } from '../../projections/campaignContacts/campaignContactDocument.ts';
import { DUE_QUEUE } from '../../projections/outreach/dueQueueProjection.ts';
import { CONTACT_ENGAGEMENT } from '../../projections/reports/engagement/contactEngagementDocument.ts';
import { demoCasesCsv } from '../demo/demoCases.ts';
import { benchCaseType, benchVoiceDraft, openBenchEngine, withBenchCompany } from './benchEngine.ts';

const [mode, dir, countText] = process.argv.slice(2);
const count = Number(countText);
const files = 'launch';
const seedFile = join(dir!, 'launch-seed.json');
/** The read models with one document per campaign contact: the rows a launch writes. */
const contactCollections = [DUE_QUEUE, CAMPAIGN_CONTACTS, CONTACT_ENGAGEMENT];
const ROWS_PER_IMPORT = 100_000;
const ROWS_PER_TRANSACTION = 2000;

type Seeded = { key: string; companyId: string; campaignId: string };

const seed = async (): Promise<Seeded> => {
  const { client, key, companyId, listId, runner, eventStore, close } = await withBenchCompany(
    await openBenchEngine(dir!, files),
  );
  const [header, ...rows] = demoCasesCsv(count, benchCaseType, 1).trimEnd().split('\n');
  for (let at = 0; at < rows.length; at += ROWS_PER_IMPORT) {
    const csv = `${[header, ...rows.slice(at, at + ROWS_PER_IMPORT)].join('\n')}\n`;
    const imported = await client.csv(`/v1/lists/${listId}/cases/import`, key, csv);
    if (imported.rejected.length > 0) throw new Error(`${imported.rejected.length} rows refused`);
  }
  const campaignId = await benchVoiceDraft(client, key, listId);
  await runner.waitFor(await eventStore.headPosition(), { timeoutMs: 600_000 });
  await close();
  return { key, companyId, campaignId };
};

const launch = async (): Promise<number> => {
  const { key, companyId, campaignId } = JSON.parse(readFileSync(seedFile, 'utf8')) as Seeded;
  const { client, runner, eventStore, readStore, close } = await openBenchEngine(dir!, files);
  await runner.waitFor(await eventStore.headPosition(), { timeoutMs: 600_000 });
  const started = performance.now();
  await client.post(`/v1/campaigns/${campaignId}/launch`, key);
  await runner.waitFor(await eventStore.headPosition(), { timeoutMs: 600_000 });
  const seconds = (performance.now() - started) / 1000;
  const progress = (await readStore.get(CAMPAIGN_PROGRESS, campaignId)) as { enrolled?: number } | null;
  const queued = await readStore.count(DUE_QUEUE, { companyId, campaignId });
  if (progress?.enrolled !== count || queued !== count)
    throw new Error(`read models show ${progress?.enrolled} enrolled and ${queued} queued, not ${count}`);
  await close();
  return seconds;
};

/** The launch's contact rows, read first; then the clock runs over their inserts alone. */
const raw = (): { seconds: number; rows: number } => {
  const launched = new Database(join(dir!, `${files}-read.db`), { readonly: true });
  const tables = contactCollections.map((logical) => {
    const name = launched.prepare('SELECT physical FROM readstore_aliases WHERE logical = ?').pluck().get(logical);
    const schema = launched
      .prepare('SELECT sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL ORDER BY type DESC')
      .pluck()
      .all(name) as string[];
    const columns = launched.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(name) as string[];
    const rows = launched
      .prepare(`SELECT * FROM "${String(name)}"`)
      .raw(true)
      .all() as unknown[][];
    return { name: String(name), schema, columns, rows };
  });
  launched.close();
  const db = new Database(join(dir!, 'launch-raw.db'));
  // As the read store sets its files up.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -65536');
  for (const { schema } of tables) for (const sql of schema) db.exec(sql);
  const started = performance.now();
  for (const { name, columns, rows } of tables) {
    const insert = db.prepare(
      `INSERT INTO "${name}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    const inserted = db.transaction((part: unknown[][]) => {
      for (const row of part) insert.run(...row);
    });
    for (let at = 0; at < rows.length; at += ROWS_PER_TRANSACTION) inserted(rows.slice(at, at + ROWS_PER_TRANSACTION));
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return { seconds, rows: tables.reduce((sum, t) => sum + t.rows.length, 0) };
};

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
if (mode === 'seed') {
  writeFileSync(seedFile, JSON.stringify(await seed()));
  console.log(JSON.stringify({ items: count, peakRssMb: peakRssMb() }));
} else if (mode === 'launch') {
  console.log(JSON.stringify({ seconds: await launch(), items: count, peakRssMb: peakRssMb() }));
} else {
  const { seconds, rows } = raw();
  console.log(JSON.stringify({ seconds, items: rows, peakRssMb: peakRssMb() }));
}
