import type { Scheduler, ScheduledTask, Timer } from './scheduler.ts';

export type VirtualClock = Scheduler & {
  /** Moves time forward by `ms`, running every timer due on the way in time order; answers how many ran. */
  advance(ms: number): Promise<number>;
  /** Moves time forward to `instant` (never back). */
  advanceTo(instant: Date): Promise<number>;
  /** Runs timers until none is left or the next one lies beyond `limitMs` from now. */
  runUntilIdle(limitMs: number): Promise<number>;
  /** Timers waiting to run. */
  pending(): number;
};

type Entry = { readonly at: number; readonly order: number; readonly task: ScheduledTask; cancelled: boolean };

/**
 * Time that moves only when told: hours of a campaign play out in milliseconds, and the same
 * inputs fire the same timers in the same order (ties in the order they were set).
 * Each task is awaited before the next runs, so work a task starts is done before time moves on.
 */
export const virtualClock = (start: Date): VirtualClock => {
  let now = start.getTime();
  let order = 0;
  const queue: Entry[] = [];

  const insert = (entry: Entry) => {
    // Binary search for the first entry strictly after this one; queues stay in thousands.
    let low = 0;
    let high = queue.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      const other = queue[mid] as Entry;
      if (other.at < entry.at || (other.at === entry.at && other.order < entry.order)) low = mid + 1;
      else high = mid;
    }
    queue.splice(low, 0, entry);
  };

  const runTo = async (target: number): Promise<number> => {
    let ran = 0;
    for (;;) {
      const next = queue[0];
      if (!next || next.at > target) break;
      queue.shift();
      if (next.cancelled) continue;
      now = Math.max(now, next.at);
      ran += 1;
      await next.task();
    }
    now = Math.max(now, target);
    return ran;
  };

  return {
    now: () => new Date(now),
    after: (delayMs: number, task: ScheduledTask): Timer => {
      if (!Number.isFinite(delayMs)) throw new RangeError(`delay must be a finite number of ms, got ${delayMs}`);
      const entry: Entry = { at: now + Math.max(0, delayMs), order: order++, task, cancelled: false };
      insert(entry);
      return { cancel: () => void (entry.cancelled = true) };
    },
    advance: (ms) => {
      if (!(ms >= 0)) throw new RangeError(`cannot move time back (${ms} ms)`);
      return runTo(now + ms);
    },
    advanceTo: (instant) => runTo(Math.max(now, instant.getTime())),
    runUntilIdle: async (limitMs) => {
      const limit = now + limitMs;
      let ran = 0;
      for (;;) {
        const next = queue.find((e) => !e.cancelled);
        if (!next || next.at > limit) return ran;
        ran += await runTo(next.at);
      }
    },
    pending: () => queue.filter((e) => !e.cancelled).length,
  };
};
