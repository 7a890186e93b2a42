import { BACKWARDS, END, FORWARDS } from '@eventstore/db-client';
import type { RecordedEvent, StoredEvent } from '../../../domain/events/event.ts';
import type { EventRegistry } from '../../../domain/events/eventRegistry.ts';
import type { CountRange, ReadAllOptions, ReadStreamOptions } from '../../../commands/eventStore.ts';
import { cancel, type EsdbClient } from './esdbClient.ts';
import { isStreamNotFound } from './errors.ts';
import { isAfter, toEsdbPosition } from './positions.ts';
import { toStoredEvent } from './recordedEvents.ts';

// Events a read may hold in memory ahead of its consumer.
const READ_AHEAD = 512;

export type EsdbReads = {
  readStream(stream: string, options?: ReadStreamOptions): AsyncGenerator<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncGenerator<RecordedEvent>;
  headPosition(): Promise<bigint>;
  countEvents(range: CountRange): Promise<number>;
  /** The stream's events from `from`, at most `count`, undecoded; empty when there is no stream. */
  storedFrom(stream: string, from: bigint, count: number): Promise<StoredEvent[]>;
  /** The revision of the stream's last event; undefined when there is no stream. */
  lastRevision(stream: string): Promise<bigint | undefined>;
};

/** Every read decodes through the registry, so a bad event stops the reader with its EventDecodingError. */
export const esdbReads = (client: EsdbClient, registry: EventRegistry): EsdbReads => {
  async function* storedOfStream(
    stream: string,
    options: { fromRevision: bigint | typeof END; maxCount?: number; direction: typeof FORWARDS | typeof BACKWARDS },
  ) {
    const read = client.readStream(stream, options, { highWaterMark: READ_AHEAD });
    try {
      for await (const resolved of read) {
        const stored = toStoredEvent(resolved);
        if (stored) yield stored;
      }
    } catch (error) {
      if (!isStreamNotFound(error)) throw error;
    } finally {
      await cancel(read);
    }
  }

  return {
    async *readStream(stream, { fromRevision = 0n, maxCount = Infinity } = {}) {
      if (maxCount <= 0) return;
      const limit = Number.isFinite(maxCount) ? { maxCount } : {};
      for await (const stored of storedOfStream(stream, { fromRevision, direction: FORWARDS, ...limit }))
        yield registry.decode(stored);
    },

    async *readAll({ after, maxCount = Infinity } = {}) {
      let left = maxCount;
      if (left <= 0) return;
      // $all reads in this client take no server-side filter, so system events are dropped here.
      const read = client.readAll(
        { fromPosition: toEsdbPosition(after), direction: FORWARDS },
        { highWaterMark: READ_AHEAD },
      );
      try {
        for await (const resolved of read) {
          const stored = toStoredEvent(resolved);
          if (!stored || !isAfter(stored.position, after)) continue;
          yield registry.decode(stored);
          if (--left <= 0) return;
        }
      } finally {
        await cancel(read);
      }
    },

    async headPosition() {
      // Backwards from the end, past any system events written after our newest one.
      const read = client.readAll({ fromPosition: END, direction: BACKWARDS }, { highWaterMark: 32 });
      try {
        for await (const resolved of read) {
          const stored = toStoredEvent(resolved);
          if (stored) return stored.position;
        }
        return 0n;
      } finally {
        await cancel(read);
      }
    },

    async countEvents({ after, through, limit }) {
      if (limit <= 0 || through <= after) return 0;
      // Forwards through $all from `after`, our events only and none decoded: positions are byte offsets, not counts.
      const read = client.readAll(
        { fromPosition: toEsdbPosition(after), direction: FORWARDS },
        { highWaterMark: READ_AHEAD },
      );
      let count = 0;
      try {
        for await (const resolved of read) {
          const stored = toStoredEvent(resolved);
          if (!stored || !isAfter(stored.position, after)) continue;
          if (stored.position > through || ++count >= limit) break;
        }
        return count;
      } finally {
        await cancel(read);
      }
    },

    async storedFrom(stream, from, count) {
      const found: StoredEvent[] = [];
      for await (const stored of storedOfStream(stream, { fromRevision: from, maxCount: count, direction: FORWARDS }))
        found.push(stored);
      return found;
    },

    async lastRevision(stream) {
      for await (const stored of storedOfStream(stream, { fromRevision: END, maxCount: 1, direction: BACKWARDS }))
        return stored.revision;
      return undefined;
    },
  };
};
