import { expect } from 'chai';
import {
  isSystemEvent,
  toEventData,
  toStoredEvent,
  type ResolvedLike,
} from '../../../../adapters/eventstore/esdb/recordedEvents.ts';
import { tallyEvents } from '../../../support/tally.ts';

const resolved = (
  overrides: Partial<NonNullable<ResolvedLike['event']>> = {},
  commitPosition?: bigint,
): ResolvedLike => ({
  event: {
    streamId: 'tally-1',
    id: '01890000-0000-7000-8000-000000000001',
    revision: 3n,
    type: 'TallyIncremented',
    data: { tallyId: 'tally-1', companyId: 'company-1', by: 1 },
    metadata: { schemaVersion: 2 },
    position: { commit: 5_000n, prepare: 5_000n },
    ...overrides,
  },
  ...(commitPosition === undefined ? {} : { commitPosition }),
});

describe('EventStoreDB recorded events', () => {
  it('sends our deterministic id, type, data and metadata as a JSON event', () => {
    const [event] = tallyEvents('tally-1', 1);
    const data = toEventData(event!);
    expect(data).to.deep.include({
      id: event!.id,
      type: event!.type,
      data: event!.data,
      metadata: event!.metadata,
      contentType: 'application/json',
    });
  });

  it('calls events of $-types or in $-streams system events', () => {
    expect(isSystemEvent({ type: '$statsCollected', streamId: '$stats-127.0.0.1:2113' })).to.equal(true);
    expect(isSystemEvent({ type: '$>', streamId: '$ce-tally' })).to.equal(true);
    expect(isSystemEvent({ type: '$>', streamId: 'tally-links' })).to.equal(true);
    expect(isSystemEvent({ type: '$metadata', streamId: '$$tally-1' })).to.equal(true);
    expect(isSystemEvent({ type: 'TallyIncremented', streamId: '$et-TallyIncremented' })).to.equal(true);
    expect(isSystemEvent({ type: 'TallyIncremented', streamId: 'tally-1' })).to.equal(false);
  });

  it('turns one of our events into the stored form the registry decodes, positioned by commit', () => {
    expect(toStoredEvent(resolved())).to.deep.equal({
      id: '01890000-0000-7000-8000-000000000001',
      stream: 'tally-1',
      revision: 3n,
      position: 5_000n,
      type: 'TallyIncremented',
      data: { tallyId: 'tally-1', companyId: 'company-1', by: 1 },
      metadata: { schemaVersion: 2 },
    });
  });

  it('skips system events and links whose event is gone', () => {
    expect(toStoredEvent(resolved({ type: '$statsCollected', streamId: '$stats-1' }))).to.equal(undefined);
    expect(toStoredEvent({ commitPosition: 10n })).to.equal(undefined);
  });

  it("falls back to the read's commit position, and refuses an event with none", () => {
    expect(toStoredEvent(resolved({ position: undefined }, 7_000n))?.position).to.equal(7_000n);
    expect(() => toStoredEvent(resolved({ position: { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n } })))
      .to.throw(Error, 'tally-1@3')
      .with.property('message')
      .that.contains('22.6');
  });
});
