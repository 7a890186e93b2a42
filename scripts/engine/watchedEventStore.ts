import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import type { Scheduler } from '../../adapters/clock/scheduler.ts';
import { observedEventStore } from '../../adapters/eventstore/observedEventStore.ts';
import type { EventStore } from '../../commands/eventStore.ts';
import type { ReadStore } from '../../projections/readStore.ts';
import { outreachWatch } from '../../http/outreachWatch/outreachWatch.ts';

/**
 * The event store the engine writes through, watched: what this process appends becomes outreach log
 * lines and metrics in `metrics`, the registry `GET /metrics` serves.
 */
export const watchedEventStore = (options: {
  eventStore: EventStore;
  readStore: ReadStore;
  logger: Logger;
  clock: Scheduler;
}) => {
  const metrics = new Registry();
  const watch = outreachWatch({
    logger: options.logger,
    registry: metrics,
    readStore: options.readStore,
    clock: options.clock,
  });
  const observed = observedEventStore(options.eventStore);
  const unwatch = watch.watch(observed.appended);
  return {
    eventStore: observed.eventStore,
    metrics,
    stop: () => {
      unwatch();
      watch.stop();
    },
  };
};
