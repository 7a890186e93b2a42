import type { Scheduler, Timer } from '../commands/scheduler.ts';

export type CheckpointKeeperOptions = {
  /** Real time: the quiet time is measured and waited on it. */
  readonly clock: Scheduler;
  /** The checkpoint stored when following began. */
  readonly from: bigint;
  /** How long a checkpoint moved only by ignored events may wait before it is stored. */
  readonly quietCheckpointMs: number;
  /** How many ignored events a checkpoint may move past before it is stored, whatever the time. */
  readonly quietCheckpointEvents: number;
  /** The checkpoint the projection has reached in memory. */
  readonly reached: () => bigint;
  /** True once a commit failed: nothing more is stored. */
  readonly failed: () => boolean;
  /** Stores a checkpoint with no document changes. */
  readonly store: (checkpoint: bigint) => void;
};

/**
 * When a projection's checkpoint reaches the store: with every batch that changes documents, and,
 * when only ignored events moved it, within the quiet time or the quiet event count.
 */
export const checkpointKeeper = ({
  clock,
  from,
  quietCheckpointMs,
  quietCheckpointEvents,
  reached,
  failed,
  store,
}: CheckpointKeeperOptions) => {
  let stored = from;
  let storedAt = clock.now().getTime();
  // Events the checkpoint moved past since it was last stored: positions are no count of them.
  let unstored = 0;
  let quietTimer: Timer | undefined;
  // A quiet checkpoint reaches the store within the quiet time even when no event follows, so other processes' waits end.
  const storeQuietly = () => {
    quietTimer ??= clock.after(Math.max(0, quietCheckpointMs - (clock.now().getTime() - storedAt)), () => {
      quietTimer = undefined;
      if (!failed() && reached() > stored) store(reached());
    });
  };
  return {
    /** A checkpoint goes to the store now, with its batch. */
    storing: (checkpoint: bigint): void => {
      quietTimer?.cancel();
      quietTimer = undefined;
      stored = checkpoint;
      storedAt = clock.now().getTime();
      unstored = 0;
    },
    /** Whether a batch of ignored events may move the checkpoint in memory only. */
    mayWait: (events: number): boolean =>
      clock.now().getTime() - storedAt < quietCheckpointMs && unstored + events < quietCheckpointEvents,
    /** The checkpoint moved past ignored events in memory: the store hears of it within the quiet time. */
    movedQuietly: (events: number): void => {
      unstored += events;
      storeQuietly();
    },
    /** Whether the checkpoint reached is ahead of the one stored. */
    behind: (): boolean => reached() > stored,
    stop: (): void => quietTimer?.cancel(),
  };
};
