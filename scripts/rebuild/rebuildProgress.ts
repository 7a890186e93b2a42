import type { EventStore } from '../../commands/eventStore.ts';
import type { Projection } from '../../projections/projection.ts';
import type { ProjectionStatus } from '../../projections/projectionRunner.ts';
import type { ReadStore } from '../../projections/readStore.ts';
import { lagsInEvents } from '../../projections/projectionLag.ts';

export type RebuildProgress = {
  /** Events the furthest-behind projection has to apply to reach the head. */
  readonly total: number;
  /** How many of those the slowest projection is past, from the events each one has applied. */
  done(statuses: readonly Pick<ProjectionStatus, 'name' | 'applied'>[]): number;
};

/**
 * A rebuild's progress in events. Positions are no count of them (byte offsets on EventStoreDB), so
 * each projection's work is counted once, from the checkpoint it will start from, before it starts.
 */
export const rebuildProgress = async (
  stores: {
    readonly eventStore: Pick<EventStore, 'countEvents'>;
    readonly readStore: Pick<ReadStore, 'projectionState'>;
  },
  projections: readonly Projection[],
  head: bigint,
): Promise<RebuildProgress> => {
  const starts = new Map<string, bigint>();
  for (const p of projections)
    starts.set(p.name, (await stores.readStore.projectionState(p.name)).checkpoints[p.version] ?? 0n);
  const behind = await lagsInEvents(stores.eventStore, head, [...starts.values()], Number.MAX_SAFE_INTEGER);
  const toApply = (name: string) => behind.get(starts.get(name) ?? 0n)?.events ?? 0;
  const total = Math.max(0, ...projections.map((p) => toApply(p.name)));
  return {
    total,
    done: (statuses) => Math.min(total, ...statuses.map((s) => total - toApply(s.name) + s.applied)),
  };
};
