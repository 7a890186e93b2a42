import Database from 'better-sqlite3';
import type { NewEvent, RecordedEvent } from '../../../domain/events/event.ts';
import type { EventRegistry } from '../../../domain/events/eventRegistry.ts';
import { refuseUnwritableEvents } from '../../../domain/events/writableEvents.ts';
import { ConcurrencyError } from '../../../domain/errors.ts';
import type { AppendResult, EventStore, ExpectedRevision } from '../../../commands/eventStore.ts';
import { checkExpectedRevision } from '../../../commands/expectedRevision.ts';
import { DEFAULT_MAX_APPEND_BYTES, refuseOversizedAppend, sizeOfEncoded } from '../../../commands/appendLimit.ts';
import { catchUpSubscription } from '../catchUpSubscription.ts';
import { createEventsSchema } from './schema.ts';
import { groupCommit, type Outcome } from './groupCommit.ts';
import { sharedPages } from './sharedPages.ts';

export type SqliteEventStoreOptions = {
  /** A file path, or ':memory:' for a store that lives as long as the process. */
  readonly path: string;
  readonly registry: EventRegistry;
  /** How often an idle subscription looks for events written by other processes. */
  readonly pollIntervalMs?: number;
  /** The most bytes one append may hold, counted as EventStoreDB counts them (default 1 MiB, as it has). */
  readonly maxAppendBytes?: number;
};

/** `json` holds each event's data and metadata as stored, encoded once for both measuring and writing. */
type AppendRequest = {
  stream: string;
  events: readonly NewEvent[];
  json: readonly (readonly [data: string, metadata: string])[];
  expected: ExpectedRevision;
};
type Row = [
  position: bigint,
  id: string,
  stream: string,
  revision: bigint,
  type: string,
  data: string,
  metadata: string,
];

const PAGE = 1000;
/** The most bytes of events one page holds, so a stream of large events (a launch's enrolment) is read a few at a time. */
const PAGE_BYTES = 1024 * 1024;

/** How many of the leading rows, by their sizes, one page takes: as many as fit `PAGE_BYTES`, one at least. */
const fitting = (sizes: readonly number[]): number => {
  let bytes = 0;
  for (let i = 0; i < sizes.length; i++) {
    bytes += sizes[i]!;
    if (bytes > PAGE_BYTES) return Math.max(1, i);
  }
  return sizes.length;
};

/** How well group commit is sharing transactions; exported as metrics. */
export type CommitStats = { transactions: number; appends: number };

export type SqliteEventStore = EventStore & { readonly db: Database.Database; commitStats(): CommitStats };

export const getSqliteEventStore = (options: SqliteEventStoreOptions): SqliteEventStore => {
  const db = new Database(options.path);
  createEventsSchema(db);
  const columns = 'position, id, stream, revision, type, data, metadata';
  const sql = {
    lastRevision: db
      .prepare('SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1')
      .pluck()
      .safeIntegers(true),
    byId: db.prepare('SELECT position, stream, revision FROM events WHERE id = ?').raw(true).safeIntegers(true),
    insert: db
      .prepare('INSERT INTO events (id, stream, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)')
      .safeIntegers(true),
    readStream: db
      .prepare(`SELECT ${columns} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`)
      .raw(true)
      .safeIntegers(true),
    readAll: db
      .prepare(`SELECT ${columns} FROM events WHERE position > ? ORDER BY position LIMIT ?`)
      .raw(true)
      .safeIntegers(true),
    // Sizes from the record headers alone (octet_length does not load the text), to cut a page before reading it.
    streamSizes: db
      .prepare(
        'SELECT octet_length(data) + octet_length(metadata) FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?',
      )
      .pluck(),
    allSizes: db
      .prepare(
        'SELECT octet_length(data) + octet_length(metadata) FROM events WHERE position > ? ORDER BY position LIMIT ?',
      )
      .pluck(),
    undoFrom: db.prepare('DELETE FROM events WHERE position >= ?').safeIntegers(true),
    head: db.prepare('SELECT coalesce(max(position), 0) FROM events').pluck().safeIntegers(true),
    // A range count on the rowid, stopped by LIMIT: rowids have no gaps today, but nothing in the port promises so.
    count: db
      .prepare('SELECT count(*) FROM (SELECT 1 FROM events WHERE position > ? AND position <= ? LIMIT ?)')
      .pluck(),
  };

  const decode = (row: Row): RecordedEvent =>
    options.registry.decode({
      position: row[0],
      id: row[1],
      stream: row[2],
      revision: row[3],
      type: row[4],
      data: JSON.parse(row[5]),
      metadata: JSON.parse(row[6]),
    });

  /** A command sent again finds its events already there and gets their result back. */
  const earlierAppend = ({ stream, events }: AppendRequest): AppendResult | undefined => {
    const first = sql.byId.get(events[0]!.id) as [bigint, string, bigint] | undefined;
    if (!first) return undefined;
    if (first[1] !== stream)
      throw new ConcurrencyError(stream, 'a new event id', `event ${events[0]!.id} already in ${first[1]}`);
    const last = sql.byId.get(events[events.length - 1]!.id) as [bigint, string, bigint] | undefined;
    if (!last || last[1] !== stream)
      throw new ConcurrencyError(stream, 'the same events as before', 'a partial repeat of an earlier append');
    return { position: last[0], nextExpectedRevision: last[2] };
  };

  const isUniqueViolation = (error: unknown) =>
    error instanceof Database.SqliteError && error.code.startsWith('SQLITE_CONSTRAINT');

  /** Why an insert hit a unique index: a repeat of an earlier append, or a writer that got there first. */
  const refusal = (request: AppendRequest, error: unknown): AppendResult => {
    if (!isUniqueViolation(error)) throw error;
    const repeat = earlierAppend(request);
    if (repeat) return repeat;
    const current = sql.lastRevision.get(request.stream) as bigint | undefined;
    if (request.expected === 'no_stream' && current !== undefined)
      checkExpectedRevision(request.stream, request.expected, current);
    throw new ConcurrencyError(request.stream, 'new event ids', 'an event id already stored');
  };

  /**
   * Checks and writes one append inside the shared transaction; a refused or repeated append undoes
   * only its own rows, so it never fails the others. A new stream needs no read at all: revision 0
   * is unique per stream, so an existing stream refuses the insert by itself.
   */
  const appendOne = (request: AppendRequest): AppendResult => {
    const creating = request.expected === 'no_stream' && request.events.length > 0;
    const current = creating ? undefined : (sql.lastRevision.get(request.stream) as bigint | undefined);
    if (!creating) {
      try {
        checkExpectedRevision(request.stream, request.expected, current);
      } catch (error) {
        const repeat = request.events.length > 0 ? earlierAppend(request) : undefined;
        if (repeat) return repeat;
        throw error;
      }
      if (request.events.length === 0)
        return { nextExpectedRevision: current ?? -1n, position: sql.head.get() as bigint };
    }
    let revision = current ?? -1n;
    let first: bigint | undefined;
    let position = 0n;
    try {
      for (const [i, event] of request.events.entries()) {
        revision += 1n;
        const [data, metadata] = request.json[i]!;
        const info = sql.insert.run(event.id, request.stream, revision, event.type, data, metadata);
        position = BigInt(info.lastInsertRowid);
        first ??= position;
      }
    } catch (error) {
      if (first !== undefined) sql.undoFrom.run(first);
      return refusal(request, error);
    }
    return { nextExpectedRevision: revision, position };
  };

  const commitMany = db.transaction((requests: readonly AppendRequest[]): Outcome<AppendResult>[] =>
    requests.map((request) => {
      try {
        return { ok: true, value: appendOne(request) };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  );

  const listeners = new Set<() => void>();
  const stats: CommitStats = { transactions: 0, appends: 0 };
  const append = groupCommit<AppendRequest, AppendResult>((requests) => {
    const outcomes = commitMany(requests);
    stats.transactions += 1;
    pages.committed();
    stats.appends += requests.length;
    for (const notify of listeners) notify();
    return outcomes;
  });

  const waitForChange = (signal: AbortSignal): Promise<void> =>
    new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        listeners.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, options.pollIntervalMs ?? 250);
      listeners.add(done);
      signal.addEventListener('abort', done);
    });

  /** Pages cut short by their size, not by the head: more events follow them. */
  const cutShort = new WeakSet<readonly RecordedEvent[]>();
  const readAllPage = (after: bigint, limit: number): RecordedEvent[] => {
    const sizes = sql.allSizes.all(after, limit) as number[];
    const taken = fitting(sizes);
    const page = (sql.readAll.all(after, taken) as Row[]).map(decode);
    if (taken < sizes.length) cutShort.add(page);
    return page;
  };
  // Changes whenever another connection (another process) commits to the file.
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  const pages = sharedPages(
    readAllPage,
    undefined,
    () => dataVersion.get() as number,
    (page) => cutShort.has(page),
  );

  const maxAppendBytes = options.maxAppendBytes ?? DEFAULT_MAX_APPEND_BYTES;

  return {
    db,
    maxAppendBytes,
    commitStats: () => ({ ...stats }),
    append: async (stream, events, expected) => {
      refuseUnwritableEvents(options.registry, stream, events);
      const json = events.map((event) => [JSON.stringify(event.data), JSON.stringify(event.metadata)] as const);
      const size = events.reduce((sum, event, i) => sum + sizeOfEncoded(event.type, ...json[i]!), 0);
      refuseOversizedAppend(stream, events, size, maxAppendBytes);
      return append({ stream, events, json, expected });
    },

    async *readStream(stream, { fromRevision = 0n, maxCount = Infinity } = {}) {
      let next = fromRevision;
      let left = maxCount;
      while (left > 0) {
        const wanted = Math.min(PAGE, left);
        const sizes = sql.streamSizes.all(stream, next, wanted) as number[];
        const rows = sql.readStream.all(stream, next, fitting(sizes)) as Row[];
        for (const row of rows) yield decode(row);
        if (rows.length === sizes.length && sizes.length < wanted) return;
        left -= rows.length;
        next = rows[rows.length - 1]![3] + 1n;
      }
    },

    async *readAll({ after = 0n, maxCount = Infinity } = {}) {
      let from = after;
      let left = maxCount;
      while (left > 0) {
        const page = readAllPage(from, Math.min(PAGE, left));
        for (const event of page) yield event;
        if (page.length < PAGE && !cutShort.has(page)) return;
        left -= page.length;
        from = page[page.length - 1]!.position;
      }
    },

    subscribe: (subscribeOptions = {}) =>
      catchUpSubscription({ readPage: pages.read, waitForChange }, subscribeOptions),

    headPosition: async () => sql.head.get() as bigint,

    countEvents: async ({ after, through, limit }) =>
      limit <= 0 || through <= after
        ? 0
        : (sql.count.get(after, through, Math.min(limit, Number.MAX_SAFE_INTEGER)) as number),

    close: async () => {
      // Let appends already queued for this tick commit before the file closes.
      await new Promise((resolve) => setImmediate(resolve));
      for (const notify of [...listeners]) notify();
      db.close();
    },
  };
};
