// `npm run bench`: measures the engine and a raw better-sqlite3 baseline in the same run, on the
// same disk, each case in its own process so its peak RSS is its own. Prints medians.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigurationError } from '../domain/errors.ts';
import { scriptFailed, scriptFlags } from './engine/scriptArgs.ts';

const cases = ['append', 'rebuild', 'dispatch_select', 'import', 'launch', 'callbacks', 'soak', 'reports', 'commands'];
const spec = {
  usage: 'npm run bench -- [flags]',
  summary:
    'Measures the engine and a raw better-sqlite3 baseline in the same run, on the same disk, each case in its own process so its peak RSS is its own; prints medians as `metric` and `ratio` lines. ' +
    'The whole run takes several minutes and a few GB of disk in --dir, which it empties first and removes at the end.',
  flags: {
    runs: { value: 'n', description: 'runs per figure, of which the median is printed', default: '3' },
    events: { value: 'n', description: 'events seeded for the rebuild and read cases', default: '1000000' },
    appends: {
      value: 'n',
      description: 'appends of the concurrent append case (the sequential one does at most 20000)',
      default: '100000',
    },
    requests: { value: 'n', description: 'requests of the soak case', default: '100000' },
    only: { value: 'cases', description: `comma-separated cases to run: ${cases.join(', ')}`, default: 'all' },
    dir: {
      value: 'dir',
      description: "the bench's scratch directory; refused when it holds files the bench did not write",
      default: './.bench',
    },
  },
  notes: ['Exit codes: 0 done, 2 bad flags, 1 anything else.'],
} as const;

const flags = (() => {
  try {
    return scriptFlags(process.argv.slice(2), spec);
  } catch (error) {
    return scriptFailed('bench')(error);
  }
})();
const values = {
  runs: '3',
  events: '1000000',
  appends: '100000',
  requests: '100000',
  ...flags,
  dir: resolve(flags.dir ?? '.bench'),
};
for (const name of ['runs', 'events', 'appends', 'requests'] as const)
  if (!/^[1-9]\d*$/.test(values[name]))
    scriptFailed('bench')(new ConfigurationError(`--${name}`, `expected a whole number above 0, got ${values[name]}`));
const runs = Number(values.runs);
const dir = values.dir;
/** Marks a directory as the bench's own: one without it, and not empty, is never emptied. */
const MARK = '.outreach-bench';
if (existsSync(dir) && readdirSync(dir).length > 0 && !existsSync(join(dir, MARK)))
  scriptFailed('bench')(
    new ConfigurationError('--dir', `${dir} holds files the bench did not write; name an empty or new directory`),
  );
const only = values.only?.split(',').map((name) => name.trim());
const unknown = only?.filter((name) => !cases.includes(name)) ?? [];
if (unknown.length)
  scriptFailed('bench')(
    new ConfigurationError('--only', `no case ${unknown.join(', ')}; the cases are ${cases.join(', ')}`),
  );
const selected = (name: string) => !only || only.includes(name);

type Result = {
  perSecond?: number;
  seconds?: number;
  value?: number;
  lost?: number;
  items?: number;
  afterWarmUpMb?: number;
  afterAllMb?: number;
  rssGrowthMb?: number;
  peakRssMb: number;
};

/** Stores no later case reads: the seeded million events stay, every other case's files go. */
const clearAfterRun = () => {
  for (const name of readdirSync(dir))
    if (name !== MARK && !name.startsWith('rebuild-events.db'))
      rmSync(join(dir, name), { recursive: true, force: true });
};

const run = (script: string, mode: string, count: string): Result => {
  // The previous case's writes are flushed first, so no case pays for another's disk writeback.
  execFileSync('sync');
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'bench', script), mode, dir, count],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  clearAfterRun();
  return JSON.parse(out.trim().split('\n').pop()!) as Result;
};

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const repeat = (script: string, mode: string, count: string) => {
  const results = Array.from({ length: runs }, () => {
    const result = run(script, mode, count);
    process.stderr.write('.');
    return result;
  });
  return {
    perSecond: median(results.map((r) => r.perSecond ?? 0)),
    seconds: median(results.map((r) => r.seconds ?? 0)),
    value: median(results.map((r) => r.value ?? 0)),
    // Losses are counted at their worst, never as a median.
    lost: Math.max(...results.map((r) => r.lost ?? 0)),
    items: results[0]!.items ?? 0,
    afterWarmUpMb: median(results.map((r) => r.afterWarmUpMb ?? 0)),
    afterAllMb: median(results.map((r) => r.afterAllMb ?? 0)),
    rssGrowthMb: median(results.map((r) => r.rssGrowthMb ?? 0)),
    peakRssMb: Math.max(...results.map((r) => r.peakRssMb)),
  };
};

const metric = (name: string, value: number, unit: string) =>
  console.log(`metric ${name} ${value.toFixed(value < 10 ? 3 : 0)} ${unit}`);
const ratio = (name: string, value: number) => console.log(`ratio ${name} ${value.toFixed(3)}`);

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, MARK), '');
console.log(`# ${runs} runs per figure, medians; dir ${dir}`);

if (selected('append')) {
  const sequentialCount = String(Math.min(Number(values.appends), 20_000));
  const rawSingle = repeat('appendBench.ts', 'raw_single', sequentialCount);
  const sequential = repeat('appendBench.ts', 'sequential', sequentialCount);
  metric('raw_single_row_transactions', rawSingle.perSecond, 'rows/s');
  metric('append_sequential', sequential.perSecond, 'events/s');
  ratio('append_sequential', sequential.perSecond / rawSingle.perSecond);
  metric('append_sequential_peak_rss', sequential.peakRssMb, 'MB');

  const rawBatch = repeat('appendBench.ts', 'raw_batch100', values.appends!);
  const concurrent = repeat('appendBench.ts', 'concurrent', values.appends!);
  metric('raw_insert_transactions_of_100', rawBatch.perSecond, 'rows/s');
  metric('append_concurrent', concurrent.perSecond, 'events/s');
  ratio('append_concurrent', concurrent.perSecond / rawBatch.perSecond);
  metric('append_concurrent_peak_rss', concurrent.peakRssMb, 'MB');
}

if (selected('rebuild')) {
  const seeded = run('rebuildBench.ts', 'seed', values.events!);
  process.stderr.write('\n');
  console.log(`# seeded ${seeded.items} events in ${seeded.seconds!.toFixed(1)} s`);
  const rawSelect = repeat('rebuildBench.ts', 'raw_select', values.events!);
  const readAll = repeat('rebuildBench.ts', 'readall', values.events!);
  const rebuild = repeat('rebuildBench.ts', 'rebuild', values.events!);
  process.stderr.write('\n');
  metric('raw_select_all', Number(values.events) / rawSelect.seconds, 'events/s');
  metric('read_all', readAll.items / readAll.seconds, 'events/s');
  metric('projection_rebuild', Number(values.events) / rebuild.seconds, 'events/s');
  metric('projection_rebuild_time', rebuild.seconds, 's');
  ratio('projection_rebuild', readAll.seconds / rebuild.seconds);
  metric('read_all_peak_rss', readAll.peakRssMb, 'MB');
  metric('projection_rebuild_peak_rss', rebuild.peakRssMb, 'MB');
}

if (selected('dispatch_select'))
  metric('dispatch_select', repeat('dispatchSelectBench.ts', 'dispatch_select', '1000000').value, 'ms');
if (selected('import')) {
  const imports = repeat('importBench.ts', 'import', '100000');
  metric('import_100k', imports.seconds, 's');
  metric('import_100k_peak_rss', imports.peakRssMb, 'MB');
}
if (selected('launch')) {
  const launch = repeat('launchBench.ts', 'launch', '100000');
  metric('launch_100k', launch.seconds, 's');
  metric('launch_100k_peak_rss', launch.peakRssMb, 'MB');
}
if (selected('callbacks')) {
  const callbacks = repeat('callbackBench.ts', 'callbacks', '20000');
  metric('callback_ingest', callbacks.perSecond, 'req/s');
  metric('callback_lost', callbacks.lost, 'events');
}
if (selected('soak')) {
  const soak = repeat('soakBench.ts', 'soak', values.requests!);
  metric('soak_rss_after_warm_up', soak.afterWarmUpMb, 'MB');
  metric('soak_rss_after_all', soak.afterAllMb, 'MB');
  metric('soak_rss_growth', soak.value, 'MB');
  metric('soak_time', soak.seconds, 's');
}
if (selected('reports')) {
  const reports = repeat('reportsBench.ts', 'reports', '100000');
  metric('report_page', reports.value, 'ms');
  metric('engagement_csv', reports.seconds, 's');
  metric('engagement_csv_rss', reports.rssGrowthMb, 'MB');
  metric('reports_peak_rss', reports.peakRssMb, 'MB');
}
if (selected('commands')) {
  const bigCampaign = repeat('commandBench.ts', 'campaign', '100000');
  const smallCampaign = repeat('commandBench.ts', 'campaign', '10');
  metric('command_on_big_campaign', bigCampaign.value, 'ms');
  ratio('command_on_big_campaign', bigCampaign.value / smallCampaign.value);
  const bigList = repeat('commandBench.ts', 'add_cases', '300000');
  const emptyList = repeat('commandBench.ts', 'add_cases', '0');
  metric('add_cases_big_list', bigList.value, 'ms');
  ratio('add_cases_big_list', bigList.value / emptyList.value);
}
process.stderr.write('\n');
rmSync(dir, { recursive: true, force: true });
