import type { EventStore } from '../commands/eventStore.ts';

/** How many events a checkpoint is behind the head; when `atLeast`, counting stopped at the limit and there are more. */
export type Lag = { readonly events: number; readonly atLeast: boolean };

/** Where counting stops unless told otherwise: a far-behind projection costs at most this many events to count. */
export const LAG_COUNT_LIMIT = 10_000;

/**
 * Each checkpoint's lag in events behind `head`. Checkpoints are counted nearest the head first, each
 * count going on from the last one's, so all of them together read at most `limit` events.
 */
export const lagsInEvents = async (
  eventStore: Pick<EventStore, 'countEvents'>,
  head: bigint,
  checkpoints: readonly bigint[],
  limit: number,
): Promise<Map<bigint, Lag>> => {
  const lags = new Map<bigint, Lag>();
  const behind = [...new Set(checkpoints)].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  let counted = 0;
  let through = head;
  for (const checkpoint of behind) {
    if (checkpoint >= head) {
      lags.set(checkpoint, { events: 0, atLeast: false });
      continue;
    }
    if (counted < limit)
      counted += await eventStore.countEvents({ after: checkpoint, through, limit: limit - counted });
    through = checkpoint;
    lags.set(checkpoint, { events: counted, atLeast: counted >= limit });
  }
  return lags;
};
