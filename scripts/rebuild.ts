// `npm run rebuild`: brings every read model up to the head of the event store without serving
// traffic (after a projection's version changed, say), with a progress bar and a summary.
import cliProgress from 'cli-progress';
import { engineRegistry } from '../domain/engineEvents.ts';
import { ConfigurationError } from '../domain/errors.ts';
import { engineProjections } from '../projections/engineProjections.ts';
import { projectionRunner } from '../projections/projectionRunner.ts';
import { openStores } from './engine/openStores.ts';
import { scriptArgs } from './engine/scriptArgs.ts';

const main = async () => {
  const { config } = scriptArgs(process.argv.slice(2), []);
  const { eventStore, readStore } = await openStores(config, engineRegistry);
  const runner = projectionRunner({ eventStore, readStore, projections: engineProjections });
  const started = performance.now();
  const head = await eventStore.headPosition();
  await runner.start();
  const before = await runner.status();
  const from = before.reduce((lowest, s) => (s.checkpoint < lowest ? s.checkpoint : lowest), head);
  const bar = new cliProgress.SingleBar(
    { format: 'rebuilding {bar} {percentage}% | {value}/{total} positions | {speed}/s | ETA {eta_formatted}', noTTYOutput: true, notTTYSchedule: 2000 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Number(head - from), 0, { speed: 0 });
  for (;;) {
    const statuses = await runner.status();
    const failed = statuses.find((s) => s.failed);
    if (failed) throw new Error(`projection ${failed.name} stopped: ${failed.failed}`);
    const slowest = statuses.reduce((lowest, s) => (s.checkpoint < lowest ? s.checkpoint : lowest), head);
    const done = Number(slowest - from);
    const seconds = (performance.now() - started) / 1000;
    bar.update(Math.min(done, Number(head - from)), { speed: Math.round(done / Math.max(seconds, 0.001)) });
    if (statuses.every((s) => !s.rebuilding && s.checkpoint >= head)) break;
    await runner.waitFor(head, { timeoutMs: 500 });
  }
  bar.stop();
  await runner.stop();
  const seconds = (performance.now() - started) / 1000;
  for (const s of await Promise.all(engineProjections.map((p) => readStore.projectionState(p.name))).then((states) =>
    states.map((state, i) => ({ name: engineProjections[i]!.name, ...state })),
  ))
    console.log(`${s.name}: version ${s.activeVersion} at position ${s.activeVersion === null ? '-' : String(s.checkpoints[s.activeVersion] ?? 0n)}`);
  console.log(`${engineProjections.length} projections up to position ${head} in ${seconds.toFixed(1)} s`);
  await readStore.close();
  await eventStore.close();
};

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? `configuration error: ${error.message}` : error);
  process.exit(error instanceof ConfigurationError ? 2 : 1);
});
