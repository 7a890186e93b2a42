import type { EventStore, Subscription } from '../commands/eventStore.ts';
import type { Scheduler } from '../commands/scheduler.ts';
import type { DocumentChange, ReadStore } from './readStore.ts';
import type { Projection } from './projection.ts';
import { projectedBatches } from './projectedBatches.ts';
import { commitQueue } from './commitQueue.ts';
import { checkpointKeeper } from './checkpointKeeper.ts';
import type { ProjectionLeases } from './projectionLeases.ts';
import { leaseKeeper, type LeaseKeeper } from './leaseKeeper.ts';
import type { RunnerLog } from './runnerLog.ts';
import { LAG_COUNT_LIMIT, lagsInEvents, type Lag } from './projectionLag.ts';

/** Structured log lines the runner writes; pino's logger fits. */
export type { RunnerLog } from './runnerLog.ts';

export type ProjectionStatus = {
  readonly name: string;
  readonly version: number;
  /** True while a new version is built beside the one readers see. */
  readonly rebuilding: boolean;
  readonly checkpoint: bigint;
  readonly head: bigint;
  /** Events after the checkpoint up to the head, counted on every engine (positions are log offsets on EventStoreDB). */
  readonly lag: number;
  /** Set when counting stopped at the runner's limit: the projection is at least `lag` events behind. */
  readonly lagAtLeast?: true;
  /** Events this process has taken the projection past since it began following it (0 when another process runs it). */
  readonly applied: number;
  readonly failed?: string;
  /** Whether this process runs the projection; with leases, another process may run it instead. */
  readonly active: boolean;
  /** The process holding the projection's lease, when leases are in use and it is held. */
  readonly heldBy?: string;
};

/** One active runner per projection across processes: a projection is followed only while this process holds its lease. */
export type RunnerLeases = {
  readonly leases: ProjectionLeases;
  /** This process, unique among the processes that share the leases. */
  readonly holder: string;
  readonly leaseMs: number;
  /** Whether a holder is a process known to have ended (one on this host that no longer runs). */
  readonly gone?: (holder: string) => boolean;
};

export type ProjectionRunnerOptions = {
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  readonly projections: readonly Projection[];
  /** Real time for the quiet checkpoint, bounded waits and leases (whose expiry every process's clock must agree on). */
  readonly clock: Scheduler;
  readonly batchSize?: number;
  /** Documents of each collection a projection keeps in memory between batches. */
  readonly cacheSize?: number;
  readonly log?: RunnerLog;
  /** How often a wait looks at checkpoints written by a runner in another process. */
  readonly pollIntervalMs?: number;
  /** How long a checkpoint moved only by ignored events may wait before it is stored. */
  readonly quietCheckpointMs?: number;
  /** How many ignored events a checkpoint may move past before it is stored, whatever the time. */
  readonly quietCheckpointEvents?: number;
  /** Where counting a projection's lag stops; a larger lag is reported as at least this. */
  readonly lagLimit?: number;
  /** Without leases, this runner follows every projection, as a single process does. */
  readonly leases?: RunnerLeases;
};

type Running = {
  projection: Projection;
  checkpoint: bigint;
  /** Events the checkpoint has moved past in this process. */
  applied: number;
  rebuilding: boolean;
  failed?: string;
  subscription?: Subscription;
  done?: Promise<void>;
  /** Set when the runner stops following it: the page under way ends at its next commit. */
  stopping?: boolean;
};

const silent: RunnerLog = { info: () => {}, error: () => {} };

/**
 * Keeps each projection's read model following the event store: from its checkpoint, a batch at a
 * time, each batch committed with its checkpoint. A new version is built in fresh collections and
 * swapped in once it has caught up.
 */
export const projectionRunner = (options: ProjectionRunnerOptions) => {
  const { eventStore, readStore, clock } = options;
  const log = options.log ?? silent;
  const batchSize = options.batchSize ?? 1000;
  const quietCheckpointMs = options.quietCheckpointMs ?? 1000;
  const quietCheckpointEvents = options.quietCheckpointEvents ?? 10_000;
  const lagLimit = options.lagLimit ?? LAG_COUNT_LIMIT;
  const running = new Map<string, Running>();
  const waiters = new Set<() => void>();
  const wakeWaiters = () => {
    for (const wake of [...waiters]) wake();
  };

  /** A batch is in the store: its projection moves on, and a rebuilt version that has caught up is swapped in. */
  const committed = async (entry: Running, checkpoint: bigint, events: number) => {
    const { projection } = entry;
    if (checkpoint > entry.checkpoint) entry.checkpoint = checkpoint;
    entry.applied += events;
    if (entry.rebuilding && checkpoint >= (await eventStore.headPosition())) {
      await readStore.activate(projection.name, projection.version, projection.collections);
      entry.rebuilding = false;
      log.info(
        { projection: projection.name, version: projection.version, checkpoint: String(checkpoint) },
        'projection rebuilt and swapped in',
      );
    }
    wakeWaiters();
  };

  const follow = async (entry: Running): Promise<void> => {
    const { projection } = entry;
    const subscription = eventStore.subscribe({ after: entry.checkpoint, batchSize });
    entry.subscription = subscription;
    const commits = commitQueue({
      commit: (checkpoint, changes) =>
        readStore.commit({ projection: projection.name, version: projection.version, checkpoint, changes }),
      committed: (checkpoint, events) => committed(entry, checkpoint, events),
      failed: () => void subscription.close(),
    });
    const checkpoints = checkpointKeeper({
      clock,
      from: entry.checkpoint,
      quietCheckpointMs,
      quietCheckpointEvents,
      reached: () => entry.checkpoint,
      failed: () => Boolean(commits.failure()),
      store: (checkpoint) => store(checkpoint, [], 0),
    });
    const store = (checkpoint: bigint, changes: DocumentChange[], events: number) => {
      checkpoints.storing(checkpoint);
      commits.add(checkpoint, changes, events);
    };
    for await (const { events, changes } of projectedBatches(
      projection,
      subscription,
      readStore,
      options.cacheSize ?? 100_000,
    )) {
      const checkpoint = events[events.length - 1]!.position;
      await commits.settled();
      if (commits.failure() || entry.stopping) break;
      // Events this projection ignores move its checkpoint in memory; the store hears of it now and then.
      if (changes.length === 0 && !entry.rebuilding && checkpoints.mayWait(events.length)) {
        entry.checkpoint = checkpoint;
        entry.applied += events.length;
        checkpoints.movedQuietly(events.length);
        wakeWaiters();
        continue;
      }
      store(checkpoint, changes, events.length);
    }
    checkpoints.stop();
    await commits.settled();
    if (commits.failure()) throw commits.failure();
    if (checkpoints.behind())
      await readStore.commit({
        projection: projection.name,
        version: projection.version,
        checkpoint: entry.checkpoint,
        changes: [],
      });
  };

  const startOne = async (projection: Projection): Promise<void> => {
    const state = await readStore.projectionState(projection.name);
    await readStore.prepare(projection.version, projection.collections);
    const entry: Running = {
      projection,
      checkpoint: state.checkpoints[projection.version] ?? 0n,
      applied: 0,
      // A version readers do not see yet is built first and swapped in once it has caught up.
      rebuilding: state.activeVersion !== projection.version,
    };
    if (entry.rebuilding && (await eventStore.headPosition()) <= entry.checkpoint) {
      // Nothing to build: the new version is as caught up as it will get.
      await readStore.activate(projection.name, projection.version, projection.collections);
      entry.rebuilding = false;
    }
    if (entry.rebuilding)
      log.info(
        { projection: projection.name, from: state.activeVersion, to: projection.version },
        'building projection into new collections',
      );
    running.set(projection.name, entry);
    entry.done = follow(entry).catch((error: unknown) => {
      entry.failed = error instanceof Error ? error.message : String(error);
      log.error({ projection: projection.name, err: error }, 'projection stopped');
      wakeWaiters();
    });
  };

  /** Stops following a projection: its subscription closes and the page under way ends at its next commit. */
  const stopOne = async (name: string): Promise<void> => {
    const entry = running.get(name);
    if (!entry) return;
    entry.stopping = true;
    await entry.subscription?.close();
    await entry.done;
    running.delete(name);
    wakeWaiters();
  };

  const keeper: LeaseKeeper | undefined = options.leases
    ? leaseKeeper({
        leases: options.leases.leases,
        holder: options.leases.holder,
        leaseMs: options.leases.leaseMs,
        clock,
        ...(options.leases.gone ? { gone: options.leases.gone } : {}),
        projections: options.projections.map((p) => p.name),
        gained: (name) => startOne(options.projections.find((p) => p.name === name)!),
        lost: stopOne,
        log,
      })
    : undefined;

  type Standing = Omit<ProjectionStatus, 'head' | 'lag' | 'lagAtLeast'>;

  const followedStanding = (entry: Running): Standing => ({
    name: entry.projection.name,
    version: entry.projection.version,
    rebuilding: entry.rebuilding,
    checkpoint: entry.checkpoint,
    applied: entry.applied,
    ...(entry.failed ? { failed: entry.failed } : {}),
    active: true,
    ...(options.leases ? { heldBy: options.leases.holder } : {}),
  });

  /** A projection another process runs, as far as its stored checkpoint tells. */
  const leasedElsewhereStanding = async (projection: Projection, keeper: LeaseKeeper): Promise<Standing> => {
    const state = await readStore.projectionState(projection.name);
    const holder = keeper.lease(projection.name).lease?.holder;
    return {
      name: projection.name,
      version: projection.version,
      rebuilding: state.activeVersion !== projection.version,
      checkpoint: state.checkpoints[projection.version] ?? 0n,
      applied: 0,
      active: false,
      ...(holder ? { heldBy: holder } : {}),
    };
  };

  const withLag = (standing: Standing, head: bigint, lag: Lag): ProjectionStatus => ({
    ...standing,
    head,
    lag: lag.events,
    ...(lag.atLeast ? { lagAtLeast: true } : {}),
  });

  /** Every projection's standing; `lagLimit` overrides the runner's for this call (0 counts nothing). */
  const status = async ({ lagLimit: limit = lagLimit }: { lagLimit?: number } = {}): Promise<ProjectionStatus[]> => {
    const head = await eventStore.headPosition();
    const standings = keeper
      ? await Promise.all(
          options.projections.map((projection) => {
            const entry = running.get(projection.name);
            return entry ? followedStanding(entry) : leasedElsewhereStanding(projection, keeper);
          }),
        )
      : [...running.values()].map(followedStanding);
    const lags = await lagsInEvents(
      eventStore,
      head,
      standings.map((s) => s.checkpoint),
      limit,
    );
    return standings.map((standing) => withLag(standing, head, lags.get(standing.checkpoint)!));
  };

  /** Whether every named projection (all by default) has read models at or past `position`. */
  const reached = async (position: bigint, names: readonly string[]): Promise<boolean> => {
    for (const name of names) {
      const entry = running.get(name);
      if (entry) {
        if (entry.rebuilding || entry.checkpoint < position) return false;
        continue;
      }
      const state = await readStore.projectionState(name);
      const active = state.activeVersion;
      if (active === null || (state.checkpoints[active] ?? 0n) < position) return false;
    }
    return true;
  };

  return {
    /** Follows every projection, or with leases those whose lease this process takes, now or later. */
    start: async (): Promise<void> => {
      if (keeper) return keeper.start();
      for (const projection of options.projections) await startOne(projection);
    },

    status,

    /**
     * Waits (bounded) until read models have reached a position a command answered, so a caller
     * reads its own writes; answers whether they did in time.
     */
    waitFor: async (
      position: bigint,
      {
        timeoutMs = 5000,
        projections = options.projections.map((p) => p.name),
      }: { timeoutMs?: number; projections?: readonly string[] } = {},
    ): Promise<boolean> => {
      const deadline = clock.now().getTime() + timeoutMs;
      for (;;) {
        if (await reached(position, projections)) return true;
        const left = deadline - clock.now().getTime();
        if (left <= 0) return false;
        await new Promise<void>((resolve) => {
          const wake = () => {
            timer.cancel();
            waiters.delete(wake);
            resolve();
          };
          const timer = clock.after(Math.min(left, options.pollIntervalMs ?? 50), wake);
          waiters.add(wake);
        });
      }
    },

    /** Stops following every projection, and frees its leases so another process takes over at once. */
    stop: async (): Promise<void> => {
      await keeper?.stop();
      await Promise.all([...running.keys()].map(stopOne));
    },
  };
};

export type ProjectionRunner = ReturnType<typeof projectionRunner>;
