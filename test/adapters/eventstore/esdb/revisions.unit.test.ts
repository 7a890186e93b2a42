import { expect } from 'chai';
import { ANY, NO_STREAM, STREAM_EXISTS } from '@eventstore/db-client';
import {
  currentRevision,
  fromEsdbRevision,
  toEsdbExpectedRevision,
} from '../../../../adapters/eventstore/esdb/revisions.ts';
import type { ExpectedRevision } from '../../../../commands/eventStore.ts';

describe('EventStoreDB revisions', () => {
  it('maps each expected revision to the client constant or number', () => {
    expect(toEsdbExpectedRevision('any')).to.equal(ANY);
    expect(toEsdbExpectedRevision('no_stream')).to.equal(NO_STREAM);
    expect(toEsdbExpectedRevision('stream_exists')).to.equal(STREAM_EXISTS);
    expect(toEsdbExpectedRevision(0n)).to.equal(0n);
    expect(toEsdbExpectedRevision(41n)).to.equal(41n);
  });

  it('refuses a negative revision instead of sending it', () => {
    expect(() => toEsdbExpectedRevision(-1n)).to.throw(RangeError, '-1');
  });

  it('reads back every revision it sends', () => {
    const all: ExpectedRevision[] = ['any', 'no_stream', 'stream_exists', 0n, 7n, 2n ** 63n];
    for (const revision of all) expect(fromEsdbRevision(toEsdbExpectedRevision(revision))).to.equal(revision);
  });

  it('reads the negative sentinels found in errors built from gRPC metadata', () => {
    expect(fromEsdbRevision(-1n)).to.equal('no_stream');
    expect(fromEsdbRevision(-2n)).to.equal('any');
    expect(fromEsdbRevision(-4n)).to.equal('stream_exists');
    expect(() => fromEsdbRevision(-3n)).to.throw(RangeError, '-3');
  });

  it('reads a current revision as a number, or undefined when there is no stream', () => {
    expect(currentRevision(5n)).to.equal(5n);
    expect(currentRevision(0n)).to.equal(0n);
    expect(currentRevision(NO_STREAM)).to.equal(undefined);
    expect(currentRevision(-1n)).to.equal(undefined);
  });
});
