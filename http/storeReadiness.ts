import type { EventStore } from '../commands/eventStore.ts';
import type { ReadStore } from '../projections/readStore.ts';
import type { ProjectionStatus, Readiness } from './readiness.ts';

/** Readiness from the two store ports: the event store is up when it can tell its head. */
export const storeReadiness = (deps: {
  readonly eventStore: Pick<EventStore, 'headPosition'>;
  readonly readStore: Pick<ReadStore, 'ping'>;
  /** From the projection runners, which know each projection's lag. */
  readonly projections: () => Promise<readonly ProjectionStatus[]>;
}): Readiness => ({
  eventStore: async () => {
    await deps.eventStore.headPosition();
    return true;
  },
  readStore: () => deps.readStore.ping(),
  projections: deps.projections,
});
