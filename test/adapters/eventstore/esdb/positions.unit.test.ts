import { expect } from 'chai';
import { START } from '@eventstore/db-client';
import { fromEsdbPosition, isAfter, toEsdbPosition } from '../../../../adapters/eventstore/esdb/positions.ts';

describe('EventStoreDB positions', () => {
  it('takes the commit position as our global position', () => {
    expect(fromEsdbPosition({ commit: 4_321n, prepare: 4_321n })).to.equal(4_321n);
    expect(fromEsdbPosition({ commit: 9_000n, prepare: 8_800n })).to.equal(9_000n);
  });

  it('treats a missing position, the unsigned -1 of older servers and negatives as unknown', () => {
    expect(fromEsdbPosition(undefined)).to.equal(undefined);
    expect(fromEsdbPosition({ commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n })).to.equal(undefined);
    expect(fromEsdbPosition({ commit: -1n, prepare: -1n })).to.equal(undefined);
  });

  it('starts a read from the start when there is no position, else at the position itself', () => {
    expect(toEsdbPosition(undefined)).to.equal(START);
    expect(toEsdbPosition(0n)).to.equal(START);
    expect(toEsdbPosition(1_234n)).to.deep.equal({ commit: 1_234n, prepare: 1_234n });
  });

  it('is exclusive: the position read after is never delivered again', () => {
    expect(isAfter(1_234n, 1_234n)).to.equal(false);
    expect(isAfter(1_233n, 1_234n)).to.equal(false);
    expect(isAfter(1_235n, 1_234n)).to.equal(true);
    expect(isAfter(0n, undefined)).to.equal(true);
  });
});
