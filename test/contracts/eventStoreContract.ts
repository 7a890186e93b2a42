import { expect } from 'chai';
import type { EventStore } from '../../commands/eventStore.ts';
import type { NewEvent, RecordedEvent } from '../../domain/events/event.ts';
import { AppendTooLargeError, ConcurrencyError, UnwritableEventError } from '../../domain/errors.ts';
import { encodedAppendSize } from '../../commands/appendLimit.ts';
import { tallyEvents } from '../support/tally.ts';

export type EventStoreFactory = {
  /** A store to test against; streams of one test never collide with another's. */
  open(): Promise<EventStore>;
  /** Writes one stored event bypassing codecs, to prove bad history stops the reader. */
  appendRaw(store: EventStore, stream: string, type: string, data: unknown, schemaVersion: number): Promise<void>;
};

const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
};

let streamSequence = 0;
const uniqueStream = (category = 'tally') =>
  `${category}-${Date.now().toString(36)}${(++streamSequence).toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** The semantics every EventStore adapter must have; run once per adapter. */
export const eventStoreContract = (factory: EventStoreFactory) => {
  let store: EventStore;
  beforeEach(async () => {
    store = await factory.open();
  });
  afterEach(async () => {
    await store.close();
  });

  describe('append and readStream', () => {
    it('numbers revisions from 0 without gaps and positions strictly increasing', async () => {
      const stream = uniqueStream();
      await store.append(stream, tallyEvents(stream, 3), 'no_stream');
      await store.append(stream, tallyEvents(stream, 2), 2n);
      const events = await collect(store.readStream(stream));
      expect(events.map((e) => e.revision)).to.deep.equal([0n, 1n, 2n, 3n, 4n]);
      for (let i = 1; i < events.length; i++) expect(events[i]!.position > events[i - 1]!.position).to.equal(true);
    });

    it('decodes data and metadata through the registry', async () => {
      const stream = uniqueStream();
      const [event] = tallyEvents(stream, 1);
      await store.append(stream, [event!], 'no_stream');
      const [read] = await collect(store.readStream(stream));
      expect(read).to.include({ id: event!.id, stream, type: 'TallyIncremented' });
      expect(read!.data).to.deep.equal(event!.data);
      expect(read!.metadata).to.deep.equal(event!.metadata);
    });

    it('answers the last revision and position written', async () => {
      const stream = uniqueStream();
      const result = await store.append(stream, tallyEvents(stream, 2), 'no_stream');
      const events = await collect(store.readStream(stream));
      expect(result.nextExpectedRevision).to.equal(1n);
      expect(result.position).to.equal(events[1]!.position);
    });

    it('reads a stream that does not exist as empty', async () => {
      expect(await collect(store.readStream(uniqueStream()))).to.deep.equal([]);
    });

    it('reads from a revision and at most maxCount events', async () => {
      const stream = uniqueStream();
      await store.append(stream, tallyEvents(stream, 5), 'no_stream');
      const events = await collect(store.readStream(stream, { fromRevision: 2n, maxCount: 2 }));
      expect(events.map((e) => e.revision)).to.deep.equal([2n, 3n]);
    });

    it('reads from the revision after the last as empty, and from there again once more is appended', async () => {
      const stream = uniqueStream();
      await store.append(stream, tallyEvents(stream, 3), 'no_stream');
      expect(await collect(store.readStream(stream, { fromRevision: 3n }))).to.deep.equal([]);
      expect(await collect(store.readStream(stream, { fromRevision: 7n }))).to.deep.equal([]);
      await store.append(stream, tallyEvents(stream, 2), 2n);
      const tail = await collect(store.readStream(stream, { fromRevision: 3n }));
      expect(tail.map((e) => e.revision)).to.deep.equal([3n, 4n]);
    });
  });

  describe('expected revision', () => {
    const refuses = async (attempt: Promise<unknown>) => {
      let error: unknown;
      try {
        await attempt;
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(ConcurrencyError);
    };

    it('no_stream refuses an existing stream', async () => {
      const stream = uniqueStream();
      await store.append(stream, tallyEvents(stream, 1), 'no_stream');
      await refuses(store.append(stream, tallyEvents(stream, 1), 'no_stream'));
    });

    it('stream_exists refuses a missing stream and accepts an existing one', async () => {
      const stream = uniqueStream();
      await refuses(store.append(stream, tallyEvents(stream, 1), 'stream_exists'));
      await store.append(stream, tallyEvents(stream, 1), 'any');
      await store.append(stream, tallyEvents(stream, 1), 'stream_exists');
      expect(await collect(store.readStream(stream))).to.have.length(2);
    });

    it('an exact revision refuses a stale writer and appends nothing', async () => {
      const stream = uniqueStream();
      await store.append(stream, tallyEvents(stream, 2), 'no_stream');
      await refuses(store.append(stream, tallyEvents(stream, 1), 0n));
      await refuses(store.append(stream, tallyEvents(stream, 1), 5n));
      expect(await collect(store.readStream(stream))).to.have.length(2);
    });

    it('any always appends', async () => {
      const stream = uniqueStream();
      await store.append(stream, tallyEvents(stream, 1), 'any');
      await store.append(stream, tallyEvents(stream, 1), 'any');
      expect(await collect(store.readStream(stream))).to.have.length(2);
    });
  });

  describe('idempotency', () => {
    it('the same events sent again append nothing twice and answer the first result', async () => {
      const stream = uniqueStream();
      const events = tallyEvents(stream, 3, `resend-${stream}`);
      const first = await store.append(stream, events, 'no_stream');
      const again = await store.append(stream, events, 'no_stream');
      expect(again).to.deep.equal(first);
      expect(await collect(store.readStream(stream))).to.have.length(3);
    });
  });

  describe('concurrent appends', () => {
    it('answers each of many concurrent appends on its own; one refused append fails no other', async () => {
      const streams = Array.from({ length: 50 }, () => uniqueStream());
      const contested = uniqueStream();
      await store.append(contested, tallyEvents(contested, 1), 'no_stream');
      const outcomes = await Promise.allSettled([
        ...streams.map((s) => store.append(s, tallyEvents(s, 2), 'no_stream')),
        store.append(contested, tallyEvents(contested, 1), 'no_stream'),
      ]);
      expect(outcomes.slice(0, 50).every((o) => o.status === 'fulfilled')).to.equal(true);
      const refused = outcomes[50]!;
      expect(refused.status).to.equal('rejected');
      expect((refused as PromiseRejectedResult).reason).to.be.instanceOf(ConcurrencyError);
      for (const s of streams) expect(await collect(store.readStream(s))).to.have.length(2);
    });
  });

  /** Five events in two streams, as readAll finds them after what was the head before them. */
  const fiveEvents = async () => {
    const head = await store.headPosition();
    const a = uniqueStream();
    const b = uniqueStream();
    await store.append(a, tallyEvents(a, 2), 'no_stream');
    await store.append(b, tallyEvents(b, 2), 'no_stream');
    await store.append(a, tallyEvents(a, 1), 1n);
    const mine = (await collect(store.readAll({ after: head }))).filter((e) => e.stream === a || e.stream === b);
    return { head, a, mine, positions: mine.map((e) => e.position) };
  };

  describe('readAll and subscribe', () => {
    it('readAll yields every event after a position in global order', async () => {
      const { a, mine } = await fiveEvents();
      expect(mine.map((e) => `${e.stream === a ? 'a' : 'b'}${e.revision}`)).to.deep.equal([
        'a0',
        'a1',
        'b0',
        'b1',
        'a2',
      ]);
      expect(await store.headPosition()).to.equal(mine[4]!.position);
    });

    it('a catch-up subscription yields history, then live events, then stops on close', async () => {
      const head = await store.headPosition();
      const stream = uniqueStream();
      await store.append(stream, tallyEvents(stream, 3), 'no_stream');
      const subscription = store.subscribe({ after: head, batchSize: 2 });
      const seen: RecordedEvent[] = [];
      const reading = (async () => {
        for await (const batch of subscription) {
          expect(batch.length).to.be.at.most(2);
          seen.push(...batch.filter((e) => e.stream === stream));
          if (seen.length === 5) break;
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await store.append(stream, tallyEvents(stream, 2), 2n);
      await reading;
      await subscription.close();
      expect(seen.map((e) => e.revision)).to.deep.equal([0n, 1n, 2n, 3n, 4n]);
    });

    it('close ends a subscription that is waiting for live events', async () => {
      const subscription = store.subscribe({ after: await store.headPosition() });
      let ended = false;
      const reading = collect(subscription).then((batches) => {
        ended = true;
        return batches;
      });
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(ended, 'still waiting for live events before close').to.equal(false);
      await subscription.close();
      const batches = await reading;
      expect(ended).to.equal(true);
      expect(batches.every((batch) => batch.length > 0)).to.equal(true);
    });
  });

  describe('countEvents', () => {
    it('counts the events after one position up to another, whatever lies between their positions', async () => {
      const { head: before, positions } = await fiveEvents();
      expect(await store.countEvents({ after: before, through: positions[4]!, limit: 100 })).to.equal(5);
      expect(await store.countEvents({ after: before, through: positions[2]!, limit: 100 })).to.equal(3);
      expect(await store.countEvents({ after: positions[1]!, through: positions[4]!, limit: 100 })).to.equal(3);
      expect(await store.countEvents({ after: positions[4]!, through: positions[4]!, limit: 100 })).to.equal(0);
    });

    it('stops counting at the limit', async () => {
      const { head: before, positions } = await fiveEvents();
      expect(await store.countEvents({ after: before, through: positions[4]!, limit: 2 })).to.equal(2);
      expect(await store.countEvents({ after: before, through: positions[4]!, limit: 5 })).to.equal(5);
      expect(await store.countEvents({ after: before, through: positions[4]!, limit: 0 })).to.equal(0);
    });
  });

  describe('the append size limit', () => {
    /** Two events padded so that, counted as EventStoreDB counts them, they come to exactly `size` bytes. */
    const eventsOfSize = (stream: string, size: number): NewEvent[] => {
      const events = tallyEvents(stream, 2);
      const pad = size - encodedAppendSize(events);
      return events.map((e, i) =>
        i === 0 ? { ...e, data: { ...(e.data as object), tallyId: `${stream}${'x'.repeat(pad)}` } } : e,
      );
    };

    it('takes an append of exactly its limit', async () => {
      const stream = uniqueStream();
      const events = eventsOfSize(stream, store.maxAppendBytes);
      expect(encodedAppendSize(events)).to.equal(store.maxAppendBytes);
      await store.append(stream, events, 'no_stream');
      expect(await collect(store.readStream(stream))).to.have.length(2);
    });

    it('refuses an append one byte over its limit with AppendTooLargeError, writing none of it', async () => {
      const stream = uniqueStream();
      const events = eventsOfSize(stream, store.maxAppendBytes + 1);
      const error = await store.append(stream, events, 'no_stream').then(
        () => expect.fail('expected a refusal'),
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(AppendTooLargeError);
      expect(error).to.include({ stream, size: store.maxAppendBytes + 1, limit: store.maxAppendBytes });
      expect(await collect(store.readStream(stream))).to.deep.equal([]);
    });
  });

  describe('refusing events that would not read back as themselves', () => {
    const poisons: [what: string, change: (event: NewEvent) => NewEvent, path: string][] = [
      [
        'Infinity (what JSON.parse makes of 1e309)',
        (e) => ({ ...e, data: { ...(e.data as object), by: Infinity } }),
        'data.by',
      ],
      ['-Infinity', (e) => ({ ...e, data: { ...(e.data as object), by: -Infinity } }), 'data.by'],
      ['NaN', (e) => ({ ...e, data: { ...(e.data as object), by: NaN } }), 'data.by'],
      ['-0, which JSON reads back as 0', (e) => ({ ...e, data: { ...(e.data as object), by: -0 } }), 'data.by'],
      [
        'a NUL character',
        (e) => ({ ...e, data: { ...(e.data as object), companyId: 'company\u00001' } }),
        'data.companyId',
      ],
      [
        'an unpaired surrogate',
        (e) => ({ ...e, data: { ...(e.data as object), companyId: 'company-\ud800' } }),
        'data.companyId',
      ],
      [
        'a key with a NUL character',
        (e) => ({ ...e, data: { ...(e.data as object), ['note\u0000']: 'x' } }),
        'data.note',
      ],
      [
        'a Date where text belongs',
        (e) => ({ ...e, data: { ...(e.data as object), companyId: new Date(0) } }),
        'data.companyId',
      ],
      ['a bigint', (e) => ({ ...e, data: { ...(e.data as object), by: 1n } }), 'data'],
      ['a field its codec refuses', (e) => ({ ...e, data: { ...(e.data as object), by: 'seven' } }), 'data'],
      ['an unknown event type', (e) => ({ ...e, type: 'SomethingElse' }), 'data'],
      [
        'metadata with a NUL character',
        (e) => ({ ...e, metadata: { ...e.metadata, actor: 'key\u0000' } }),
        'metadata.actor',
      ],
    ];

    for (const [what, poisoned, path] of poisons)
      it(`refuses ${what} before writing anything, naming stream, type and path`, async () => {
        const stream = uniqueStream();
        const [good, bad] = tallyEvents(stream, 2);
        const head = await store.headPosition();
        const error = await store.append(stream, [good!, poisoned(bad!)], 'no_stream').catch((e: Error) => e);
        expect(error).to.be.instanceOf(UnwritableEventError);
        expect((error as Error).message)
          .to.contain(stream)
          .and.contain(poisoned(bad!).type)
          .and.contain(path);
        expect(await collect(store.readStream(stream))).to.deep.equal([]);
        expect(await store.headPosition()).to.equal(head);
      });

    it('appends data whose optional fields are left undefined, as JSON leaves them out', async () => {
      const stream = uniqueStream();
      const [event] = tallyEvents(stream, 1);
      await store.append(stream, [{ ...event!, data: { ...(event!.data as object), note: undefined } }], 'no_stream');
      const [read] = await collect(store.readStream(stream));
      expect(read!.data).to.include(event!.data as object);
    });

    it('appends text with whole surrogate pairs and numbers as large as JSON carries', async () => {
      const stream = uniqueStream();
      const [event] = tallyEvents(stream, 1);
      const data = { ...(event!.data as object), companyId: 'company-💥', by: 1.7976931348623157e308 };
      await store.append(stream, [{ ...event!, data }], 'no_stream');
      const [read] = await collect(store.readStream(stream));
      expect(read!.data).to.deep.equal(data);
    });
  });

  describe('bad history', () => {
    it('stops the reader on an event its codec refuses, naming stream, revision and type', async () => {
      const stream = uniqueStream();
      await factory.appendRaw(store, stream, 'TallyIncremented', { tallyId: 1 }, 2);
      const error = await collect(store.readStream(stream)).catch((e: Error) => e);
      expect(error).to.be.instanceOf(Error);
      expect((error as Error).message)
        .to.contain(stream)
        .and.contain('@0')
        .and.contain('TallyIncremented');
    });

    it('stops the reader on an unknown event type', async () => {
      const stream = uniqueStream();
      await factory.appendRaw(store, stream, 'SomethingElse', {}, 1);
      const error = await collect(store.readStream(stream)).catch((e: Error) => e);
      expect((error as Error).message)
        .to.contain('SomethingElse')
        .and.contain('unknown event type');
    });

    it('upcasts an older schema version on read', async () => {
      const stream = uniqueStream();
      await factory.appendRaw(
        store,
        stream,
        'TallyIncremented',
        { tallyId: stream, companyId: 'company-1', amount: 7 },
        1,
      );
      const [event] = await collect(store.readStream(stream));
      expect(event!.data).to.deep.equal({ tallyId: stream, companyId: 'company-1', by: 7 });
    });
  });
};
