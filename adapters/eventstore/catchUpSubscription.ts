import type { RecordedEvent } from '../../domain/events/event.ts';
import type { Subscription } from '../../commands/eventStore.ts';
import { closableSubscription } from './closableSubscription.ts';

export type CatchUpSource = {
  /** Up to `limit` events after `after`, in global order. */
  readPage(after: bigint, limit: number): Promise<readonly RecordedEvent[]> | readonly RecordedEvent[];
  /** Resolves when new events may exist: a local commit, a poll tick, or `signal` aborting. */
  waitForChange(signal: AbortSignal): Promise<void>;
};

/**
 * History then live, one page at a time: a page is read only when the consumer asks for the next one,
 * so a slow consumer holds back the reader instead of filling memory.
 */
export const catchUpSubscription = (
  source: CatchUpSource,
  options: { after?: bigint; batchSize?: number } = {},
): Subscription => {
  const batchSize = options.batchSize ?? 1000;
  let after = options.after ?? 0n;

  return closableSubscription(async function* (signal) {
    while (!signal.aborted) {
      const page = await source.readPage(after, batchSize);
      if (signal.aborted) return;
      if (page.length > 0) {
        after = page[page.length - 1]!.position;
        yield page;
        continue;
      }
      await source.waitForChange(signal);
    }
  });
};
