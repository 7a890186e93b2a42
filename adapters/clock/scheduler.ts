import type { Scheduler } from '../../commands/scheduler.ts';

export type { Scheduler, ScheduledTask, Timer } from '../../commands/scheduler.ts';

/** Real time; a task's failure goes to `onError`, since no caller is left to receive it. */
export const systemScheduler = (onError: (error: unknown) => void): Scheduler => ({
  now: () => new Date(),
  after: (delayMs, task) => {
    const handle = setTimeout(
      () => {
        Promise.resolve().then(task).catch(onError);
      },
      Math.max(0, delayMs),
    );
    return { cancel: () => clearTimeout(handle) };
  },
});
