// `npm run bench`: measures the engine and a raw better-sqlite3 baseline in the same run, on the
// same disk, each case in its own process so its peak RSS is its own. Prints medians.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigurationError } from '../domain/errors.ts';
import { scriptFailed, scriptFlags } from './engine/scriptArgs.ts';
import { benchPlan, caseSizes } from './bench/benchPlan.ts';

const sizeDefault = (size: { full: number; quick: number }) => `${size.full}, ${size.quick} with --quick`;
const cases = ['append', 'rebuild', 'dispatch_select', 'import', 'launch', 'callbacks', 'soak', 'reports', 'commands'];
const spec = {
  usage: 'npm run bench -- [flags]',
  summary:
    'Measures the engine and a raw better-sqlite3 baseline in the same run, on the same disk, each case in its own process so its peak RSS is its own; prints medians as `metric` and `ratio` lines. ' +
    'The whole run takes several minutes and a few GB of disk in --dir, which it empties first and removes at the end.',
  flags: {
    quick: {
      description:
        'a smaller version of every case (100,000 events to rebuild, fewer appends and requests), one run each',
      default: 'off',
    },
    runs: {
      value: 'n',
      description: 'runs per figure, of which the median is printed; the soak runs once unless this is given',
      default: '3, 1 with --quick',
    },
    events: {
      value: 'n',
      description: 'events seeded for the rebuild and read cases',
      default: sizeDefault(caseSizes.events),
    },
    appends: {
      value: 'n',
      description: `appends of the concurrent append case (the sequential one does at most ${caseSizes.sequentialAppends.full})`,
      default: sizeDefault(caseSizes.appends),
    },
    requests: { value: 'n', description: 'requests of the soak case', default: sizeDefault(caseSizes.requests) },
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
const plan = (() => {
  try {
    return benchPlan(flags);
  } catch (error) {
    return scriptFailed('bench')(error);
  }
})();
const { runs, sizes } = plan;
const dir = resolve(flags.dir ?? '.bench');
/** Marks a directory as the bench's own: one without it, and not empty, is never emptied. */
const MARK = '.outreach-bench';
if (existsSync(dir) && readdirSync(dir).length > 0 && !existsSync(join(dir, MARK)))
  scriptFailed('bench')(
    new ConfigurationError('--dir', `${dir} holds files the bench did not write; name an empty or new directory`),
  );
const only = flags.only?.split(',').map((name) => name.trim());
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

/** `keep`: the run's files stay for the next run of the same case (a seeded list, a launch's read models). */
const run = (script: string, mode: string, count: number, keep = false): Result => {
  // The previous case's writes are flushed first, so no case pays for another's disk writeback.
  execFileSync('sync');
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'bench', script), mode, dir, String(count)],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  if (!keep) clearAfterRun();
  return JSON.parse(out.trim().split('\n').pop()!) as Result;
};

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The medians of a figure's runs; losses and peaks at their worst. */
const summary = (results: readonly Result[]) => ({
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
});

type Measure = readonly [script: string, mode: string, count: number];

/** Runs each measure once a round, in turn, so both sides of a ratio meet the same moments of a shared machine. */
const repeatInTurn = <const M extends readonly Measure[]>(
  measures: M,
  times = runs,
): { -readonly [K in keyof M]: ReturnType<typeof summary> } => {
  const results = measures.map((): Result[] => []);
  for (let round = 0; round < times; round++)
    measures.forEach(([script, mode, count], i) => {
      results[i]!.push(run(script, mode, count));
      process.stderr.write('.');
    });
  process.stderr.write('\n');
  return results.map(summary) as { -readonly [K in keyof M]: ReturnType<typeof summary> };
};

const repeat = (script: string, mode: string, count: number, times = runs) =>
  repeatInTurn([[script, mode, count]], times)[0];

const metric = (name: string, value: number, unit: string) =>
  console.log(`metric ${name} ${value.toFixed(value < 10 ? 3 : 0)} ${unit}`);
const ratio = (name: string, value: number) => console.log(`ratio ${name} ${value.toFixed(3)}`);

const benchStarted = performance.now();
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, MARK), '');
console.log(
  `# ${runs} ${runs === 1 ? 'run' : 'runs'} per figure (the soak ${plan.longRuns}), medians; dir ${dir}` +
    (plan.quick ? `; quick sizes, not to compare with a full run: ${JSON.stringify(sizes)}` : ''),
);

/** Runs a case when it is selected, and says how long it took, so a whole run's length can be planned. */
const benchCase = (name: string, measure: () => void) => {
  if (!selected(name)) return;
  const started = performance.now();
  measure();
  console.log(`# ${name} took ${((performance.now() - started) / 1000).toFixed(0)} s`);
};

benchCase('append', () => {
  const [rawSingle, sequential] = repeatInTurn([
    ['appendBench.ts', 'raw_single', sizes.sequentialAppends],
    ['appendBench.ts', 'sequential', sizes.sequentialAppends],
  ]);
  metric('raw_single_row_transactions', rawSingle.perSecond, 'rows/s');
  metric('append_sequential', sequential.perSecond, 'events/s');
  ratio('append_sequential', sequential.perSecond / rawSingle.perSecond);
  metric('append_sequential_peak_rss', sequential.peakRssMb, 'MB');

  const [rawBatch, concurrent] = repeatInTurn([
    ['appendBench.ts', 'raw_batch100', sizes.appends],
    ['appendBench.ts', 'concurrent', sizes.appends],
  ]);
  metric('raw_insert_transactions_of_100', rawBatch.perSecond, 'rows/s');
  metric('append_concurrent', concurrent.perSecond, 'events/s');
  ratio('append_concurrent', concurrent.perSecond / rawBatch.perSecond);
  metric('append_concurrent_peak_rss', concurrent.peakRssMb, 'MB');
});

benchCase('rebuild', () => {
  const seeded = run('rebuildBench.ts', 'seed', sizes.events);
  console.log(`# seeded ${seeded.items} events in ${seeded.seconds!.toFixed(1)} s`);
  const [rawSelect, readAll, rebuild] = repeatInTurn([
    ['rebuildBench.ts', 'raw_select', sizes.events],
    ['rebuildBench.ts', 'readall', sizes.events],
    ['rebuildBench.ts', 'rebuild', sizes.events],
  ]);
  metric('raw_select_all', sizes.events / rawSelect.seconds, 'events/s');
  metric('read_all', readAll.items / readAll.seconds, 'events/s');
  metric('projection_rebuild', sizes.events / rebuild.seconds, 'events/s');
  metric('projection_rebuild_time', rebuild.seconds, 's');
  ratio('projection_rebuild', readAll.seconds / rebuild.seconds);
  metric('read_all_peak_rss', readAll.peakRssMb, 'MB');
  metric('projection_rebuild_peak_rss', rebuild.peakRssMb, 'MB');
});

benchCase('dispatch_select', () =>
  metric('dispatch_select', repeat('dispatchSelectBench.ts', 'dispatch_select', sizes.dispatchQueue).value, 'ms'),
);
benchCase('import', () => {
  const imports = repeat('importBench.ts', 'import', sizes.importCases);
  metric('import_100k', imports.seconds, 's');
  metric('import_100k_peak_rss', imports.peakRssMb, 'MB');
});
benchCase('launch', () => {
  // Each launch starts in a process of its own on a list another seeded, so its peak RSS is the launch's alone.
  const launched = (count: number, raw: boolean) => {
    run('launchBench.ts', 'seed', count, true);
    const launch = run('launchBench.ts', 'launch', count, raw);
    return { launch, raw: raw ? run('launchBench.ts', 'raw', count) : undefined };
  };
  const small = sizes.launchContacts;
  const large = sizes.launchLargeContacts;
  const smallRuns = Array.from({ length: runs }, () => {
    const result = launched(small, true);
    process.stderr.write('.');
    return result;
  });
  // The large launch takes minutes: it runs as the soak does, once unless --runs says otherwise.
  const largeRuns = Array.from({ length: plan.longRuns }, () => launched(large, false).launch);
  process.stderr.write('\n');
  const smallSeconds = median(smallRuns.map((r) => r.launch.seconds!));
  const rawSeconds = median(smallRuns.map((r) => r.raw!.seconds!));
  const largeSeconds = median(largeRuns.map((r) => r.seconds!));
  const name = (count: number) => `launch_${count % 1_000_000 === 0 ? `${count / 1_000_000}m` : `${count / 1000}k`}`;
  metric(name(small), smallSeconds, 's');
  metric(`${name(small)}_peak_rss`, Math.max(...smallRuns.map((r) => r.launch.peakRssMb)), 'MB');
  // The same contact rows (each read model with a document per contact) inserted by plain better-sqlite3.
  metric(`${name(small)}_raw_rows`, smallRuns[0]!.raw!.items!, 'rows');
  metric(`${name(small)}_raw`, rawSeconds, 's');
  ratio(name(small), rawSeconds / smallSeconds);
  metric(name(large), largeSeconds, 's');
  metric(`${name(large)}_peak_rss`, Math.max(...largeRuns.map((r) => r.peakRssMb)), 'MB');
  // 1 when time follows size exactly.
  ratio(name(large), largeSeconds / ((large / small) * smallSeconds));
});
benchCase('callbacks', () => {
  const [bare, callbacks] = repeatInTurn([
    ['callbackBench.ts', 'bare', sizes.callbacks],
    ['callbackBench.ts', 'callbacks', sizes.callbacks],
  ]);
  metric('callback_bare_express', bare.perSecond, 'req/s');
  metric('callback_ingest', callbacks.perSecond, 'req/s');
  ratio('callback_ingest', callbacks.perSecond / bare.perSecond);
  metric('callback_lost', callbacks.lost, 'events');
});
benchCase('soak', () => {
  const soak = repeat('soakBench.ts', 'soak', sizes.requests, plan.longRuns);
  metric('soak_rss_after_warm_up', soak.afterWarmUpMb, 'MB');
  metric('soak_rss_after_all', soak.afterAllMb, 'MB');
  metric('soak_rss_growth', soak.value, 'MB');
  metric('soak_time', soak.seconds, 's');
});
benchCase('reports', () => {
  const reports = repeat('reportsBench.ts', 'reports', sizes.reportContacts);
  metric('report_page', reports.value, 'ms');
  metric('engagement_csv', reports.seconds, 's');
  metric('engagement_csv_rss', reports.rssGrowthMb, 'MB');
  metric('reports_peak_rss', reports.peakRssMb, 'MB');
});
benchCase('commands', () => {
  // Each figure on a big stream is taken in turn with the same on a small one, its baseline.
  const [bigCampaign, smallCampaign] = repeatInTurn([
    ['commandBench.ts', 'campaign', sizes.bigCampaignContacts],
    ['commandBench.ts', 'campaign', 10],
  ]);
  metric('command_on_big_campaign', bigCampaign.value, 'ms');
  ratio('command_on_big_campaign', bigCampaign.value / smallCampaign.value);
  const [bigList, emptyList] = repeatInTurn([
    ['commandBench.ts', 'add_cases', sizes.bigListCases],
    ['commandBench.ts', 'add_cases', 0],
  ]);
  metric('add_cases_big_list', bigList.value, 'ms');
  ratio('add_cases_big_list', bigList.value / emptyList.value);
});
console.log(`# the whole run took ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`);
