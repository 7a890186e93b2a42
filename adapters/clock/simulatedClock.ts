import { systemScheduler, type Scheduler } from './scheduler.ts';

export type SimulatedClockOptions = {
  /** The simulated time at the moment the clock is made. */
  readonly start: Date;
  /** How many times faster than real time it runs (1 or more). */
  readonly speed: number;
  readonly onError: (error: unknown) => void;
  /** Real time in ms; the system's unless a test gives its own. */
  readonly realNow?: () => number;
};

/**
 * A clock that runs on its own from a chosen instant, `speed` times faster than real time: the
 * service can be tried on a Monday morning at any hour, and an hour of outreach plays in a minute.
 * Timers wait the real time their simulated delay takes at that speed.
 */
export const simulatedClock = (options: SimulatedClockOptions): Scheduler => {
  if (!(options.speed >= 1)) throw new RangeError(`a simulated clock runs at speed 1 or more, got ${options.speed}`);
  const realNow = options.realNow ?? Date.now;
  const realStart = realNow();
  const start = options.start.getTime();
  const real = systemScheduler(options.onError);
  return {
    now: () => new Date(start + (realNow() - realStart) * options.speed),
    after: (delayMs, task) => real.after(Math.max(0, delayMs) / options.speed, task),
  };
};
