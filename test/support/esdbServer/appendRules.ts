import type { LoggedEvent, ProposedEvent, TransactionLog } from './transactionLog.ts';

export type ExpectedState =
  | { readonly kind: 'any' }
  | { readonly kind: 'no_stream' }
  | { readonly kind: 'stream_exists' }
  | { readonly kind: 'revision'; readonly revision: bigint };

/** What the node does with an append: write it, answer an earlier identical one, or refuse it. */
export type AppendDecision =
  | { readonly outcome: 'write' }
  | { readonly outcome: 'repeat'; readonly last: LoggedEvent }
  | { readonly outcome: 'wrong_expected_version'; readonly current: bigint };

const refuse = (current: bigint): AppendDecision => ({ outcome: 'wrong_expected_version', current });

/**
 * With any or stream_exists the node finds each id among events already committed to this stream:
 * none found is a new write, all found a repeat, some found a corrupted repeat (refused).
 */
const byRecentIds = (log: TransactionLog, stream: string, ids: readonly string[], current: bigint): AppendDecision => {
  let last: LoggedEvent | undefined;
  for (const id of ids) {
    const found = log.byId(id);
    if (!found || found.stream !== stream) return last ? refuse(current) : { outcome: 'write' };
    last = found;
  }
  return last ? { outcome: 'repeat', last } : { outcome: 'write' };
};

/**
 * With an exact revision behind the stream's end the node compares the ids with the events written
 * after that revision, in order: all equal is a repeat; the first differing is a conflict; a later one
 * differing (or missing) is a corrupted repeat, refused the same way.
 */
const byRevision = (
  log: TransactionLog,
  stream: string,
  ids: readonly string[],
  expected: bigint,
  current: bigint,
): AppendDecision => {
  const existing = log.streamOf(stream);
  if (ids.length === 0) return refuse(current);
  for (let i = 0; i < ids.length; i++) {
    if (existing[Number(expected) + 1 + i]?.id !== ids[i]) return refuse(current);
  }
  return { outcome: 'repeat', last: existing[Number(expected) + ids.length]! };
};

/** EventStoreDB's commit check for an append of events with these ids to `stream`. */
export const decideAppend = (
  log: TransactionLog,
  stream: string,
  expected: ExpectedState,
  ids: readonly string[],
): AppendDecision => {
  const current = log.lastRevision(stream);
  switch (expected.kind) {
    case 'stream_exists':
      if (current < 0n) return refuse(current);
      return byRecentIds(log, stream, ids, current);
    case 'any':
      return byRecentIds(log, stream, ids, current);
    case 'no_stream':
    case 'revision': {
      const revision = expected.kind === 'no_stream' ? -1n : expected.revision;
      if (revision < current) return byRevision(log, stream, ids, revision, current);
      if (revision > current) return refuse(current);
      return { outcome: 'write' };
    }
  }
};

export type AppendOutcome =
  | { readonly outcome: 'wrong_expected_version'; readonly current: bigint }
  /** `last` is the event whose position answers the append; none for an append of nothing. */
  | { readonly outcome: 'appended'; readonly current: bigint; readonly last?: LoggedEvent; readonly repeat: boolean };

/** Decides, and writes what the decision allows; `afterWrite` runs when events were written. */
export const applyAppend = (
  log: TransactionLog,
  stream: string,
  expected: ExpectedState,
  proposed: readonly ProposedEvent[],
  afterWrite: () => void,
): AppendOutcome => {
  const decision = decideAppend(
    log,
    stream,
    expected,
    proposed.map((e) => e.id),
  );
  switch (decision.outcome) {
    case 'wrong_expected_version':
      return decision;
    case 'repeat':
      return { outcome: 'appended', current: decision.last.revision, last: decision.last, repeat: true };
    case 'write': {
      const written = log.write(stream, proposed);
      if (written.length > 0) afterWrite();
      return { outcome: 'appended', current: log.lastRevision(stream), last: written.at(-1), repeat: false };
    }
  }
};
