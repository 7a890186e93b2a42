/** One event as the node keeps it: its place in the log is the byte offset of its record. */
export type LoggedEvent = {
  readonly position: bigint;
  readonly stream: string;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
  /** .NET ticks since the Unix epoch, as the server sends `created`. */
  readonly created: bigint;
};

export type ProposedEvent = Pick<LoggedEvent, 'id' | 'type' | 'contentType' | 'data' | 'metadata'>;

const utf8Length = (text: string) => Buffer.byteLength(text, 'utf8');
// .NET's BinaryWriter prefixes a string with its byte length in 7-bit groups.
const prefixedLength = (text: string) => {
  const bytes = utf8Length(text);
  return bytes + (bytes < 0x80 ? 1 : bytes < 0x4000 ? 2 : 3);
};

/**
 * The encoded size of a prepare record: length prefix and suffix, record type and version, log and
 * transaction positions, offset, flags, expected version, ids, timestamp, then stream, type, data and metadata.
 */
export const recordSize = (stream: string, event: ProposedEvent): bigint =>
  BigInt(
    4 +
      1 +
      1 +
      8 +
      2 +
      8 +
      4 +
      8 +
      16 +
      16 +
      8 +
      4 +
      4 +
      4 +
      prefixedLength(stream) +
      prefixedLength(event.type) +
      event.data.length +
      event.metadata.length,
  );

// A fresh node's log starts after its chunk header and first epoch record.
const FIRST_POSITION = 128n + 4_096n;

/** The node's single log: every stream's events in commit order, at growing byte offsets. */
export const transactionLog = () => {
  const events: LoggedEvent[] = [];
  const streams = new Map<string, LoggedEvent[]>();
  const byId = new Map<string, LoggedEvent>();
  let end = FIRST_POSITION;
  let waiting: (() => void)[] = [];

  /** The stream's events in revision order; empty when it does not exist. */
  const streamOf = (stream: string): readonly LoggedEvent[] => streams.get(stream) ?? [];

  return {
    events: events as readonly LoggedEvent[],
    streamOf,
    /** The revision of the stream's last event, -1 when there is none. */
    lastRevision: (stream: string): bigint => BigInt(streamOf(stream).length) - 1n,
    /** The most recent event written with this id, in any stream. */
    byId: (id: string): LoggedEvent | undefined => byId.get(id),
    /** The offset the next record will take. */
    get end() {
      return end;
    },
    /** Index of the first event at or after `position` (inclusive), by binary search. */
    indexAt: (position: bigint): number => {
      let low = 0;
      let high = events.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (events[middle]!.position < position) low = middle + 1;
        else high = middle;
      }
      return low;
    },
    write: (stream: string, proposed: readonly ProposedEvent[], now = Date.now()): LoggedEvent[] => {
      const existing = streams.get(stream) ?? [];
      streams.set(stream, existing);
      const written = proposed.map((event) => {
        const logged: LoggedEvent = {
          ...event,
          stream,
          position: end,
          revision: BigInt(existing.length),
          created: BigInt(now) * 10_000n,
        };
        end += recordSize(stream, event);
        existing.push(logged);
        events.push(logged);
        byId.set(event.id, logged);
        return logged;
      });
      const woken = waiting;
      waiting = [];
      for (const wake of woken) wake();
      return written;
    },
    /** Resolves at the next write, for live subscriptions. */
    nextWrite: (): Promise<void> => new Promise((resolve) => waiting.push(resolve)),
    /** Wakes every waiter without a write, so a closing subscription can leave its wait. */
    wakeAll: () => {
      const woken = waiting;
      waiting = [];
      for (const wake of woken) wake();
    },
  };
};

export type TransactionLog = ReturnType<typeof transactionLog>;
