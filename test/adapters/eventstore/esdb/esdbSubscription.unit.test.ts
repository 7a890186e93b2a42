import { expect } from 'chai';
import { Readable } from 'node:stream';
import { AccessDeniedError, UnavailableError } from '@eventstore/db-client';
import { esdbSubscription, type LiveFeed } from '../../../../adapters/eventstore/esdb/esdbSubscription.ts';
import type { ResolvedLike } from '../../../../adapters/eventstore/esdb/recordedEvents.ts';
import type { RecordedEvent } from '../../../../domain/events/event.ts';
import { EventDecodingError } from '../../../../domain/errors.ts';
import { tallyRegistry } from '../../../support/tally.ts';

const metadata = {
  companyId: 'company-1',
  commandId: 'c',
  correlationId: 'c',
  causationId: 'c',
  actor: 'test',
  occurredAt: '2026-11-30T12:00:00.000Z',
  schemaVersion: 2,
};

/** An event of ours at a commit position, as the client resolves it. */
const ours = (
  position: bigint,
  data: unknown = { tallyId: 'tally-1', companyId: 'company-1', by: 1 },
): ResolvedLike => ({
  event: {
    streamId: 'tally-1',
    id: `01890000-0000-7000-8000-${position.toString().padStart(12, '0')}`,
    revision: position / 100n,
    type: 'TallyIncremented',
    data,
    metadata,
    position: { commit: position, prepare: position },
  },
  commitPosition: position,
});

const system = (position: bigint): ResolvedLike => ({
  event: {
    streamId: '$stats-1',
    id: crypto.randomUUID(),
    revision: 0n,
    type: '$statsCollected',
    data: {},
    metadata: {},
    position: { commit: position, prepare: position },
  },
});

type ScriptedFeed = LiveFeed & { unsubscribed: boolean; start(): void };

/** A feed that holds `events` and then, on the next tick, fails with `error`, ends, or stays open. */
const feed = (events: ResolvedLike[], then: Error | 'end' | 'open' = 'open'): ScriptedFeed => {
  const readable = new Readable({ objectMode: true, read() {} }) as ScriptedFeed;
  for (const event of events) readable.push(event);
  readable.unsubscribed = false;
  readable.unsubscribe = async () => {
    readable.unsubscribed = true;
  };
  readable.start = () => {
    // The client emits errors on the subscription without destroying it.
    if (then instanceof Error) process.nextTick(() => readable.emit('error', then));
    if (then === 'end') readable.push(null);
  };
  return readable;
};

/** Opens the scripted feeds in turn and records where each was asked to start. */
const scripted = (...feeds: ScriptedFeed[]) => {
  const opened: (bigint | undefined)[] = [];
  const readAheads: number[] = [];
  return {
    opened,
    readAheads,
    feeds,
    open: (after: bigint | undefined, readAhead: number) => {
      opened.push(after);
      readAheads.push(readAhead);
      const next = feeds[opened.length - 1];
      if (!next) throw new Error('no more feeds scripted');
      next.start();
      return next;
    },
  };
};

const recordingSleep = () => {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
};

const positions = (batch: readonly RecordedEvent[]) => batch.map((e) => e.position);

describe('EventStoreDB subscription', () => {
  it('resumes from the last delivered position after each drop, with growing delays that reset on delivery', async () => {
    const source = scripted(
      feed([ours(100n), ours(200n)], new UnavailableError()),
      feed([], new UnavailableError()),
      feed([], new UnavailableError()),
      feed([ours(200n), ours(300n)], new UnavailableError()),
      feed([ours(400n)]),
    );
    const { delays, sleep } = recordingSleep();
    const subscription = esdbSubscription({
      open: source.open,
      decode: tallyRegistry.decode,
      resubscribe: { baseDelayMs: 100, maxDelayMs: 10_000 },
      sleep,
      random: () => 1,
    });
    const seen: bigint[][] = [];
    for await (const batch of subscription) {
      seen.push(positions(batch));
      if (batch.at(-1)!.position === 400n) break;
    }
    await subscription.close();
    expect(source.opened).to.deep.equal([undefined, 200n, 200n, 200n, 300n]);
    expect(delays).to.deep.equal([100, 200, 400, 100]);
    // The resumed feed repeated 200; it is not delivered twice.
    expect(seen).to.deep.equal([[100n, 200n], [300n], [400n]]);
    expect(source.feeds.every((f) => f.unsubscribed)).to.equal(true);
  });

  it('caps the delay between attempts', async () => {
    const source = scripted(...[1, 2, 3, 4, 5].map(() => feed([], new UnavailableError())), feed([ours(10n)]));
    const { delays, sleep } = recordingSleep();
    const subscription = esdbSubscription({
      open: source.open,
      decode: tallyRegistry.decode,
      after: 5n,
      resubscribe: { baseDelayMs: 50, maxDelayMs: 150 },
      sleep,
      random: () => 1,
    });
    for await (const batch of subscription) {
      expect(positions(batch)).to.deep.equal([10n]);
      break;
    }
    await subscription.close();
    expect(delays).to.deep.equal([50, 100, 150, 150, 150]);
    expect(source.opened).to.deep.equal([5n, 5n, 5n, 5n, 5n, 5n]);
  });

  it('treats a feed the server ends as a drop and carries on', async () => {
    const source = scripted(feed([ours(100n)], 'end'), feed([ours(200n)]));
    const { delays, sleep } = recordingSleep();
    const subscription = esdbSubscription({
      open: source.open,
      decode: tallyRegistry.decode,
      sleep,
      resubscribe: { baseDelayMs: 10, maxDelayMs: 10 },
      random: () => 1,
    });
    const seen: bigint[] = [];
    for await (const batch of subscription) {
      seen.push(...positions(batch));
      if (seen.length === 2) break;
    }
    await subscription.close();
    expect(seen).to.deep.equal([100n, 200n]);
    expect(source.opened).to.deep.equal([undefined, 100n]);
    expect(delays).to.deep.equal([10]);
  });

  it('hands over batches of at most batchSize, without system events or events at or before `after`', async () => {
    const source = scripted(
      feed([ours(50n), system(60n), ours(100n), system(150n), ours(200n), ours(300n), ours(400n), system(500n)]),
    );
    const subscription = esdbSubscription({
      open: source.open,
      decode: tallyRegistry.decode,
      after: 50n,
      batchSize: 2,
    });
    const seen: bigint[][] = [];
    for await (const batch of subscription) {
      expect(batch.length).to.be.within(1, 2);
      seen.push(positions(batch));
      if (batch.at(-1)!.position === 400n) break;
    }
    await subscription.close();
    expect(seen.flat()).to.deep.equal([100n, 200n, 300n, 400n]);
    expect(source.readAheads).to.deep.equal([2]);
  });

  it('stops with the decoding error on an event its codec refuses, without resubscribing', async () => {
    const source = scripted(feed([ours(100n), ours(200n, { tallyId: 1 })]), feed([ours(300n)]));
    const subscription = esdbSubscription({
      open: source.open,
      decode: tallyRegistry.decode,
      sleep: async () => undefined,
    });
    const error = await (async () => {
      for await (const batch of subscription) void batch;
    })().catch((e: unknown) => e);
    expect(error).to.be.instanceOf(EventDecodingError);
    expect((error as Error).message).to.contain('tally-1@2');
    expect(source.opened).to.have.length(1);
    expect(source.feeds[0]!.unsubscribed).to.equal(true);
  });

  it('stops on an error that resubscribing cannot cure', async () => {
    const denied = new AccessDeniedError();
    const source = scripted(feed([], denied), feed([ours(100n)]));
    const subscription = esdbSubscription({
      open: source.open,
      decode: tallyRegistry.decode,
      sleep: async () => undefined,
    });
    const error = await (async () => {
      for await (const batch of subscription) void batch;
    })().catch((e: unknown) => e);
    expect(error).to.equal(denied);
    expect(source.opened).to.have.length(1);
  });

  it('close ends a subscription waiting for live events and leaves its feed', async () => {
    const source = scripted(feed([]));
    const subscription = esdbSubscription({ open: source.open, decode: tallyRegistry.decode });
    let ended = false;
    const reading = (async () => {
      for await (const batch of subscription) void batch;
      ended = true;
    })();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(ended).to.equal(false);
    await subscription.close();
    await reading;
    expect(ended).to.equal(true);
    expect(source.feeds[0]!.unsubscribed).to.equal(true);
  });

  it('close ends a subscription waiting out a backoff without waiting for it', async () => {
    const source = scripted(feed([], new UnavailableError()), feed([]));
    const subscription = esdbSubscription({
      open: source.open,
      decode: tallyRegistry.decode,
      resubscribe: { baseDelayMs: 60_000, maxDelayMs: 60_000 },
    });
    const reading = (async () => {
      for await (const batch of subscription) void batch;
    })();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const started = Date.now();
    await subscription.close();
    await reading;
    expect(Date.now() - started).to.be.below(1_000);
    expect(source.opened).to.have.length(1);
  });
});
