import type { Scheduler, Timer } from '../commands/scheduler.ts';

/**
 * Runs `tick` again and again on `clock`, `intervalMs` apart, never two at once; a failed tick is
 * reported and the loop goes on. `stop` waits for the tick in progress.
 */
export const tickLoop = (options: {
  clock: Scheduler;
  intervalMs: number;
  tick: () => Promise<unknown>;
  onError: (error: unknown) => void;
}) => {
  let timer: Timer | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;
  const schedule = () => {
    timer = options.clock.after(options.intervalMs, async () => {
      if (stopped) return;
      running = options.tick().catch(options.onError);
      await running;
      if (!stopped) schedule();
    });
  };
  return {
    start: () => {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    stop: async () => {
      stopped = true;
      timer?.cancel();
      await running;
    },
  };
};
