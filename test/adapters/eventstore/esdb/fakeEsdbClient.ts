import { Readable } from 'node:stream';
import {
  BACKWARDS,
  END,
  START,
  MaxAppendSizeExceededError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendExpectedRevision,
  type EventData,
  type Filter,
  type Position,
  type ReadPosition,
} from '@eventstore/db-client';
import type { EsdbClient } from '../../../../adapters/eventstore/esdb/esdbEventStore.ts';
import type { LiveFeed } from '../../../../adapters/eventstore/esdb/esdbSubscription.ts';

/** One record of the fake's log, shaped like the client's recorded event. */
export type FakeRecord = {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  data: unknown;
  metadata: unknown;
  isJson: true;
  created: Date;
  position: Position;
};

export type FakeEsdbOptions = {
  /** Older servers answer a repeated append with no position; newer ones give the first one's. */
  positionOnRepeat?: boolean;
  /** Write a server-internal event after every append, as statistics and projections do. */
  systemEventAfterAppend?: boolean;
  /** The server's `MaxAppendSize`: a larger append is refused whole, as the server refuses it. */
  maxAppendSize?: number;
};

type Feed = LiveFeed & { deliver(): void };

/** The server's count: data and metadata bytes, and the type at two bytes a character (UTF-16). */
const sizeOnServer = (events: readonly EventData[]): number =>
  events.reduce(
    (sum, e) =>
      sum +
      Buffer.byteLength(JSON.stringify(e.data)) +
      Buffer.byteLength(JSON.stringify(e.metadata ?? null)) +
      2 * e.type.length,
    0,
  );

/**
 * An in-memory stand-in for an EventStoreDB node, shaped like the parts of the client the adapter
 * calls and following the server's rules for revisions, idempotency by event id and $all positions.
 */
export const fakeEsdb = (options: FakeEsdbOptions = {}) => {
  const records: FakeRecord[] = [];
  const feeds = new Set<Feed>();
  const subscribedFrom: ReadPosition[] = [];
  const subscribedWith: (Filter | undefined)[] = [];
  const appendCalls: { stream: string; ids: string[]; expectedRevision: AppendExpectedRevision }[] = [];
  let nextPosition = 1_000n;
  let disposed = 0;
  let cancels = 0;

  const write = (
    streamId: string,
    event: { id: string; type: string; data: unknown; metadata: unknown },
  ): FakeRecord => {
    const last = records.filter((r) => r.streamId === streamId).at(-1);
    const position = { commit: nextPosition, prepare: nextPosition };
    // The commit position is a byte offset in the log: each record moves it by its own size, so positions count no events.
    nextPosition += BigInt(
      96 +
        streamId.length +
        event.type.length +
        JSON.stringify(event.data ?? null).length +
        JSON.stringify(event.metadata ?? null).length,
    );
    const record: FakeRecord = {
      streamId,
      ...event,
      revision: last ? last.revision + 1n : 0n,
      isJson: true,
      created: new Date(),
      position,
    };
    records.push(record);
    return record;
  };

  const writeSystemEvent = () =>
    write('$stats-fake', { id: crypto.randomUUID(), type: '$statsCollected', data: {}, metadata: {} });

  const streamOf = (stream: string) => records.filter((r) => r.streamId === stream);

  const refuse = (streamName: string, expected: AppendExpectedRevision, current: bigint | undefined) =>
    new WrongExpectedVersionError(undefined, { streamName, expected, current: current ?? 'no_stream' });

  /** The server's answer to these ids appearing from revision `from`: all there, none, or some. */
  const match = (existing: FakeRecord[], ids: string[], from: bigint) => {
    const found = ids.map((id, i) => existing[Number(from) + i]?.id === id);
    return found.every(Boolean) ? 'all' : found[0] ? 'some' : 'none';
  };

  const appendToStream = async (
    stream: string,
    given: EventData | EventData[],
    { expectedRevision = 'any' }: { expectedRevision?: AppendExpectedRevision } = {},
  ) => {
    const events = Array.isArray(given) ? given : [given];
    const ids = events.map((e) => e.id);
    appendCalls.push({ stream, ids, expectedRevision });
    if (options.maxAppendSize !== undefined && sizeOnServer(events) > options.maxAppendSize)
      throw MaxAppendSizeExceededError.fromMaxAppendSize(options.maxAppendSize);
    const existing = streamOf(stream);
    const current = existing.at(-1)?.revision;
    const repeatAnswer = (from: bigint) => {
      const last = existing[Number(from) + ids.length - 1]!;
      return {
        success: true,
        nextExpectedRevision: last.revision,
        position: options.positionOnRepeat ? last.position : undefined,
      };
    };
    if (expectedRevision === 'any' || expectedRevision === 'stream_exists') {
      const from = existing.findIndex((r) => r.id === ids[0]);
      if (from >= 0) {
        if (match(existing, ids, BigInt(from)) === 'all') return repeatAnswer(BigInt(from));
        throw refuse(stream, expectedRevision, current);
      }
      if (expectedRevision === 'stream_exists' && current === undefined)
        throw refuse(stream, expectedRevision, current);
    } else {
      const expected = expectedRevision === 'no_stream' ? -1n : expectedRevision;
      const actual = current ?? -1n;
      if (expected < actual) {
        if (match(existing, ids, expected + 1n) === 'all') return repeatAnswer(expected + 1n);
        throw refuse(stream, expectedRevision, current);
      }
      if (expected > actual) throw refuse(stream, expectedRevision, current);
    }
    const written = events.map((e) => write(stream, { id: e.id, type: e.type, data: e.data, metadata: e.metadata }));
    if (options.systemEventAfterAppend) writeSystemEvent();
    for (const feed of feeds) feed.deliver();
    return { success: true, nextExpectedRevision: written.at(-1)!.revision, position: written.at(-1)!.position };
  };

  const readable = <T>(items: readonly T[], error?: Error) => {
    const queue = [...items];
    const stream = new Readable({
      objectMode: true,
      read() {
        if (queue.length > 0) return void this.push(queue.shift());
        // The client emits a read's error on the stream rather than destroying it.
        if (error) process.nextTick(() => this.emit('error', error));
        else this.push(null);
      },
    });
    const cancel = async () => {
      cancels += 1;
    };
    return Object.assign(stream, { cancel });
  };

  const readStream = (
    stream: string,
    {
      fromRevision = START,
      maxCount = Number.MAX_SAFE_INTEGER,
      direction = 'forwards',
    }: { fromRevision?: bigint | 'start' | 'end'; maxCount?: number | bigint; direction?: string } = {},
  ) => {
    const existing = streamOf(stream);
    if (existing.length === 0) return readable([], new StreamNotFoundError(undefined, stream));
    const ordered = direction === BACKWARDS ? [...existing].reverse() : existing;
    const from = (r: FakeRecord) =>
      fromRevision === START || fromRevision === END
        ? true
        : direction === BACKWARDS
          ? r.revision <= fromRevision
          : r.revision >= fromRevision;
    const selected = ordered.filter(from).slice(0, Number(maxCount));
    return readable(selected.map((event) => ({ event })));
  };

  const readAll = ({
    fromPosition = START,
    direction = 'forwards',
    maxCount = Number.MAX_SAFE_INTEGER,
  }: { fromPosition?: ReadPosition; direction?: string; maxCount?: number | bigint } = {}) => {
    const snapshot = [...records];
    const ordered = direction === BACKWARDS ? snapshot.reverse() : snapshot;
    const from = (r: FakeRecord) =>
      fromPosition === START || fromPosition === END
        ? true
        : direction === BACKWARDS
          ? r.position.commit < fromPosition.commit
          : r.position.commit >= fromPosition.commit;
    const selected = ordered.filter(from).slice(0, Number(maxCount));
    return readable(selected.map((event) => ({ event, commitPosition: event.position.commit })));
  };

  const subscribeToAll = (
    { fromPosition = START, filter }: { fromPosition?: ReadPosition; filter?: Filter } = {},
    readableOptions: { highWaterMark?: number } = {},
  ) => {
    subscribedFrom.push(fromPosition);
    subscribedWith.push(filter);
    const passes = (r: FakeRecord) =>
      !filter ||
      !('regex' in filter) ||
      new RegExp(filter.regex).test(filter.filterOn === 'eventType' ? r.type : r.streamId);
    let cursor = fromPosition === START ? -1n : fromPosition === END ? nextPosition : fromPosition.commit;
    let wanted = false;
    let open = true;
    const feed = new Readable({
      objectMode: true,
      highWaterMark: readableOptions.highWaterMark ?? 16,
      read() {
        wanted = true;
        feed.deliver();
      },
    }) as Feed;
    feed.deliver = () => {
      while (open && wanted) {
        const next = records.find((r) => r.position.commit > cursor && passes(r));
        if (!next) return;
        cursor = next.position.commit;
        wanted = feed.push({ event: next, commitPosition: next.position.commit });
      }
    };
    feed.unsubscribe = async () => {
      open = false;
      feeds.delete(feed);
    };
    feeds.add(feed);
    return feed;
  };

  const client = {
    appendToStream,
    readStream,
    readAll,
    subscribeToAll,
    dispose: async () => {
      disposed += 1;
    },
  } as unknown as EsdbClient;

  return {
    client,
    records,
    appendCalls,
    subscribedFrom,
    subscribedWith,
    writeSystemEvent,
    /** Makes every open subscription fail the way the client reports a lost connection. */
    dropSubscriptions: (error: Error) => {
      for (const feed of [...feeds]) {
        feeds.delete(feed);
        feed.emit('error', error);
      }
    },
    get disposed() {
      return disposed;
    },
    get cancels() {
      return cancels;
    },
    get openFeeds() {
      return feeds.size;
    },
  };
};

export type FakeEsdb = ReturnType<typeof fakeEsdb>;
