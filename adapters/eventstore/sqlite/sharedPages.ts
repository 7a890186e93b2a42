import type { RecordedEvent } from '../../../domain/events/event.ts';

/**
 * The pages subscriptions read lately, decoded once and shared: every projection follows the store
 * from about the same checkpoint, so without this each would read and decode every event itself.
 * Events never change, so a full page stays true (as does one cut short by its size); a short page (the head) only until the next commit,
 * here or, as `othersCommitted` tells (SQLite's `data_version`), by another process.
 */
export const sharedPages = (
  read: (after: bigint, limit: number) => RecordedEvent[],
  capacity = 64,
  othersCommitted: () => number = () => 0,
  /** Whether a page shorter than asked is whole all the same (cut by its size, with events after it). */
  cutShort: (page: readonly RecordedEvent[]) => boolean = () => false,
) => {
  const pages = new Map<string, { events: RecordedEvent[]; commits: number; others: number }>();
  let commits = 0;
  return {
    /** Called after each local commit: short pages may now be missing events. */
    committed: () => {
      commits += 1;
    },
    read: (after: bigint, limit: number): RecordedEvent[] => {
      const key = `${after}:${limit}`;
      const cached = pages.get(key);
      if (
        cached &&
        (cached.events.length === limit ||
          cutShort(cached.events) ||
          (cached.commits === commits && cached.others === othersCommitted()))
      )
        return cached.events;
      const others = othersCommitted();
      const events = read(after, limit);
      pages.delete(key);
      pages.set(key, { events, commits, others });
      if (pages.size > capacity) pages.delete(pages.keys().next().value!);
      return events;
    },
  };
};
