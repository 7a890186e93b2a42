/**
 * The one clock every timer of the engine runs on: what time it is, and a way to run work later.
 * The composition root gives the system's, a simulated one for trials, or a virtual one in the demo and tests.
 */

export type Timer = { cancel(): void };

export type ScheduledTask = () => void | Promise<void>;

export interface Scheduler {
  now(): Date;
  /** Runs `task` once `delayMs` (0 or more) has passed on this scheduler's clock. */
  after(delayMs: number, task: ScheduledTask): Timer;
}

/** Resolves once `delayMs` has passed on `clock`. */
export const pause = (clock: Scheduler, delayMs: number): Promise<void> =>
  new Promise((resolve) => clock.after(delayMs, resolve));
