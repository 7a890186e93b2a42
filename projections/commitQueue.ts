import type { DocumentChange } from './readStore.ts';

export type CommitQueueOptions = {
  /** Writes one batch's changes with its checkpoint. */
  readonly commit: (checkpoint: bigint, changes: DocumentChange[]) => Promise<void>;
  /** Hears of each batch once the store holds it, in order. */
  readonly committed: (checkpoint: bigint, events: number) => Promise<void>;
  /** Hears of the first commit that fails; no later one is heard of as committed. */
  readonly failed: () => void;
};

/**
 * A projection's commits, one in flight while the next batch is read and projected; commits stay in
 * the order they were added.
 */
export const commitQueue = ({ commit, committed, failed }: CommitQueueOptions) => {
  let pending: Promise<void> = Promise.resolve();
  let failure: unknown;
  let inFlight = 0;
  return {
    add: (checkpoint: bigint, changes: DocumentChange[], events: number): void => {
      // With nothing in flight the batch goes to the writer now: a turn later costs a rebuild a fifth.
      const started = inFlight > 0 ? pending.then(() => commit(checkpoint, changes)) : commit(checkpoint, changes);
      inFlight++;
      pending = started
        .then(() => committed(checkpoint, events))
        .catch((error: unknown) => {
          failure = error;
          failed();
        })
        .finally(() => void inFlight--);
    },
    /** Resolves once every commit added so far has ended, committed or failed. */
    settled: (): Promise<void> => pending,
    /** What the failed commit threw, if one failed. */
    failure: (): unknown => failure,
  };
};

export type CommitQueue = ReturnType<typeof commitQueue>;
