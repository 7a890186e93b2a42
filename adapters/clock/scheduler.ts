/** A clock that can also run work later: the system's in the service, a virtual one in the demo and tests. */

export type Timer = { cancel(): void };

export type ScheduledTask = () => void | Promise<void>;

export interface Scheduler {
  now(): Date;
  /** Runs `task` once `delayMs` (0 or more) has passed on this scheduler's clock. */
  after(delayMs: number, task: ScheduledTask): Timer;
}

/** Real time; a task's failure goes to `onError`, since no caller is left to receive it. */
export const systemScheduler = (onError: (error: unknown) => void): Scheduler => ({
  now: () => new Date(),
  after: (delayMs, task) => {
    const handle = setTimeout(() => {
      Promise.resolve()
        .then(task)
        .catch(onError);
    }, Math.max(0, delayMs));
    return { cancel: () => clearTimeout(handle) };
  },
});
