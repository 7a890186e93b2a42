import { join } from 'node:path';
import { getSqliteEventStore } from '../../adapters/eventstore/sqlite/sqliteEventStore.ts';
import { getSqliteReadStore } from '../../adapters/readstore/sqlite/sqliteReadStore.ts';
import { sqliteProjectionLeases } from '../../adapters/readstore/sqlite/sqliteProjectionLeases.ts';
import { projectionRunner } from '../../projections/projectionRunner.ts';
import type { Projection } from '../../projections/projection.ts';
import type { ProjectionLeases } from '../../projections/projectionLeases.ts';
import type { ProjectionBatch, ReadStore } from '../../projections/readStore.ts';
import { tallyProjection, tallyRegistry } from './tally.ts';
import { realTime } from './realTime.ts';
import type { Scheduler } from '../../commands/scheduler.ts';

/** Short, so handovers happen within a test. */
export const LEASE_MS = 300;

/** A read model that ignores every event but a tally's closing, so its checkpoint mostly moves quietly. */
export const closuresProjection = {
  name: 'closures',
  version: 1,
  collections: [{ name: 'closures', indexes: [] }],
  eventTypes: ['TallyClosed'],
  project: (event: { data: unknown }) => {
    const { tallyId, companyId } = event.data as { tallyId: string; companyId: string };
    return [{ collection: 'closures', id: tallyId, apply: () => ({ _id: tallyId, companyId, closed: true }) }];
  },
} as unknown as Projection;

export const leasedProjections: readonly Projection[] = [tallyProjection() as Projection, closuresProjection];

export type TimedCommit = { readonly batch: ProjectionBatch; readonly startedAt: number; endedAt?: number };

/**
 * One engine process's view of a data directory: stores with connections of their own, and a runner
 * that follows a projection only while it holds its lease. Every batch it commits is recorded.
 */
export const leasedRunner = (
  dir: string,
  holder: string,
  options: {
    readonly leases?: (leases: ProjectionLeases) => ProjectionLeases;
    readonly quietCheckpointMs?: number;
    readonly clock?: Scheduler;
  } = {},
) => {
  const eventStore = getSqliteEventStore({ path: join(dir, 'events.db'), registry: tallyRegistry, pollIntervalMs: 20 });
  const readStore = getSqliteReadStore({ path: join(dir, 'read.db'), aliasTtlMs: 0 });
  const commits: TimedCommit[] = [];
  /** What the runner logged, in order: leases taken and lost among it. */
  const told: { fields: Record<string, unknown>; message: string }[] = [];
  const log = {
    info: (fields: object, message: string) => void told.push({ fields: fields as Record<string, unknown>, message }),
    error: (fields: object, message: string) => void told.push({ fields: fields as Record<string, unknown>, message }),
  };
  const recording: ReadStore = {
    ...readStore,
    commit: async (batch) => {
      const commit: TimedCommit = { batch, startedAt: performance.now() };
      commits.push(commit);
      await readStore.commit(batch);
      commit.endedAt = performance.now();
    },
  };
  const own = sqliteProjectionLeases(readStore.db);
  const runner = projectionRunner({
    eventStore,
    readStore: recording,
    projections: leasedProjections,
    // Real time unless the test shares a virtual clock between the processes it plays.
    clock: options.clock ?? realTime,
    pollIntervalMs: 10,
    log,
    leases: { leases: options.leases ? options.leases(own) : own, holder, leaseMs: LEASE_MS },
    ...(options.quietCheckpointMs !== undefined ? { quietCheckpointMs: options.quietCheckpointMs } : {}),
  });
  return {
    eventStore,
    readStore,
    runner,
    commits,
    told,
    /** Whether this process follows every projection, or none. */
    following: async (): Promise<'all' | 'none' | 'some'> => {
      const active = (await runner.status()).map((status) => status.active);
      return active.every(Boolean) ? 'all' : active.some(Boolean) ? 'some' : 'none';
    },
    close: async () => {
      await runner.stop();
      await readStore.close();
      await eventStore.close();
    },
  };
};

export type LeasedRunner = ReturnType<typeof leasedRunner>;
