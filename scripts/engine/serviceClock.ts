import { simulatedClock } from '../../adapters/clock/simulatedClock.ts';
import { systemScheduler, type Scheduler } from '../../adapters/clock/scheduler.ts';
import type { SimulatedClockConfig } from '../../adapters/config/config.ts';
import type { EventStore } from '../../commands/eventStore.ts';
import { ConfigurationError } from '../../domain/errors.ts';

export type ServiceClock = {
  readonly scheduler: Scheduler;
  /** What the service logs at start: a simulated clock, loudly; time recorded later than now, as a warning. */
  readonly notices: readonly { level: 'warn'; fields: object; message: string }[];
};

/** When the latest event was recorded, by the clock of the process that recorded it. */
const latestRecordedAt = async (eventStore: EventStore): Promise<Date | undefined> => {
  const head = await eventStore.headPosition();
  if (head <= 0n) return undefined;
  let latest: Date | undefined;
  for await (const event of eventStore.readAll({ after: head - 1n, maxCount: 1 }))
    latest = new Date(event.metadata.occurredAt);
  return latest;
};

/**
 * The service's clock: real time, or the simulated clock `CLOCK_START`/`CLOCK_SPEED` ask for. A
 * simulated clock may not start before the store's latest event: recorded time never runs backwards.
 */
export const serviceClock = async (
  config: SimulatedClockConfig | undefined,
  store: { readonly eventStore: EventStore; readonly embedded: boolean },
  onError: (error: unknown) => void,
): Promise<ServiceClock> => {
  // Configuration allows a simulated clock on the embedded store only, where the last event is one indexed read.
  const latest = store.embedded ? await latestRecordedAt(store.eventStore) : undefined;
  if (!config) {
    const now = new Date();
    const ahead =
      latest && latest > now
        ? [
            {
              level: 'warn' as const,
              fields: { latestRecordedAt: latest.toISOString() },
              message:
                'the store holds events recorded later than now (on a simulated clock); their times and these will not be in order',
            },
          ]
        : [];
    return { scheduler: systemScheduler(onError), notices: ahead };
  }
  const start = config.start ?? new Date();
  if (latest && start < latest)
    throw new ConfigurationError(
      config.start ? 'CLOCK_START' : 'CLOCK_SPEED',
      `the simulated clock would start at ${start.toISOString()}, before the latest event in the store (${latest.toISOString()}); recorded time never runs backwards: give a CLOCK_START after it, or an empty DATA_DIR`,
    );
  const scheduler = simulatedClock({ start, speed: config.speed, onError });
  return {
    scheduler,
    notices: [
      {
        level: 'warn',
        fields: { clockStart: start.toISOString(), clockSpeed: config.speed },
        message: `SIMULATED CLOCK: outreach, calling hours and every recorded time follow a clock that starts at ${start.toISOString()} and runs ${config.speed} times faster than real time; the carriers are simulated`,
      },
    ],
  };
};
