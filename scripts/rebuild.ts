// `npm run rebuild`: brings every read model up to the head of the event store without serving
// traffic (after a projection's version changed, say), with a progress bar and a summary.
import cliProgress from 'cli-progress';
import { engineRegistry } from '../domain/engineEvents.ts';
import { engineProjections } from '../projections/engineProjections.ts';
import { projectionRunner } from '../projections/projectionRunner.ts';
import { endedHolder, leaseHolder } from '../adapters/config/leaseHolder.ts';
import { openStores } from './engine/openStores.ts';
import { systemScheduler } from '../adapters/clock/scheduler.ts';
import { scriptArgs, scriptFailed } from './engine/scriptArgs.ts';
import { LeasesHeldError, takeRebuildLeases } from './rebuild/rebuildLeases.ts';
import { rebuildProgress } from './rebuild/rebuildProgress.ts';

const spec = {
  usage: 'npm run rebuild -- [flags]',
  summary:
    "Brings every read model up to the head of the event store without serving traffic (after a projection's version changed, say), with a progress bar and a summary. " +
    "It takes the projections' leases as npm start does, so it refuses to run while a live process holds them, naming the holder and when its lease expires.",
  flags: {
    force: {
      description:
        "rebuild even while another process holds the projections' leases (it then writes beside that process)",
      default: 'off',
    },
  },
  notes: [
    "Exit codes: 0 done, 2 bad flags or settings, 3 another process holds the projections' leases, 1 anything else.",
  ],
} as const;

const main = async () => {
  const { flags, config } = scriptArgs(process.argv.slice(2), spec);
  const { eventStore, readStore, leases } = await openStores(config, engineRegistry);
  const holder = leaseHolder(config.projectionLeases.holder);
  const clock = systemScheduler(scriptFailed('rebuild'));
  const taken = flags.force
    ? { release: async () => undefined }
    : await takeRebuildLeases({
        leases,
        holder,
        leaseMs: config.projectionLeases.leaseMs,
        projections: engineProjections.map((p) => p.name),
        clock,
        gone: endedHolder(holder),
      }).catch(async (error: unknown) => {
        leases.close();
        await readStore.close();
        await eventStore.close();
        throw error;
      });
  const runner = projectionRunner({ eventStore, readStore, projections: engineProjections, clock });
  const started = performance.now();
  const head = await eventStore.headPosition();
  const progress = await rebuildProgress({ eventStore, readStore }, engineProjections, head);
  await runner.start();
  const bar = new cliProgress.SingleBar(
    {
      format: 'rebuilding {bar} {percentage}% | {value}/{total} events | {speed}/s | ETA {eta_formatted}',
      noTTYOutput: true,
      notTTYSchedule: 2000,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(progress.total, 0, { speed: 0 });
  for (;;) {
    // The bar counts the events each runner applied, so no lag is counted here.
    const statuses = await runner.status({ lagLimit: 0 });
    const failed = statuses.find((s) => s.failed);
    if (failed) throw new Error(`projection ${failed.name} stopped: ${failed.failed}`);
    const done = progress.done(statuses);
    const seconds = (performance.now() - started) / 1000;
    bar.update(done, { speed: Math.round(done / Math.max(seconds, 0.001)) });
    if (statuses.every((s) => !s.rebuilding && s.checkpoint >= head)) break;
    await runner.waitFor(head, { timeoutMs: 500 });
  }
  bar.stop();
  await runner.stop();
  const seconds = (performance.now() - started) / 1000;
  for (const s of await Promise.all(engineProjections.map((p) => readStore.projectionState(p.name))).then((states) =>
    states.map((state, i) => ({ name: engineProjections[i]!.name, ...state })),
  ))
    console.log(
      `${s.name}: version ${s.activeVersion} at position ${s.activeVersion === null ? '-' : String(s.checkpoints[s.activeVersion] ?? 0n)}`,
    );
  console.log(
    `${engineProjections.length} projections up to position ${head} (${progress.total} events for the furthest behind) in ${seconds.toFixed(1)} s`,
  );
  await taken.release();
  leases.close();
  await readStore.close();
  await eventStore.close();
};

main().catch((error: unknown) => {
  if (!(error instanceof LeasesHeldError)) return scriptFailed('rebuild')(error);
  console.error(`rebuild: ${error.message}`);
  process.exit(3);
});
