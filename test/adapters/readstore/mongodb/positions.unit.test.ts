import { expect } from 'chai';
import fc from 'fast-check';
import { BSON, Long } from 'mongodb';
import { fromStoredPosition, toStoredPosition } from '../../../../adapters/readstore/mongodb/positions.ts';

/** What the driver hands back after a server round trip, with its default BSON options. */
const throughBson = (value: unknown): unknown => BSON.deserialize(BSON.serialize({ value }))['value'];

describe('MongoDB read store: stored positions', () => {
  it('stores positions as BSON int64', () => {
    const stored = toStoredPosition(42n);
    expect(Long.isLong(stored)).to.equal(true);
    expect(stored.toString()).to.equal('42');
  });

  it('round-trips values above 2^53 exactly, through BSON as the driver reads them', () => {
    for (const position of [2n ** 53n + 1n, 2n ** 62n + 3n, 2n ** 63n - 1n, 9_007_199_254_740_993n]) {
      const back = throughBson(toStoredPosition(position));
      expect(fromStoredPosition(back)).to.equal(position);
    }
  });

  it('reads small positions that the driver has promoted to numbers', () => {
    const back = throughBson(toStoredPosition(17n));
    expect(back).to.equal(17);
    expect(fromStoredPosition(back)).to.equal(17n);
  });

  it('round-trips any 64-bit position, also when read back as bigint', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (position) => {
        const serialized = BSON.serialize({ value: toStoredPosition(position) });
        expect(fromStoredPosition(BSON.deserialize(serialized)['value'])).to.equal(position);
        expect(fromStoredPosition(BSON.deserialize(serialized, { useBigInt64: true })['value'])).to.equal(position);
      }),
    );
  });

  it('keeps the numeric order that $lt and $max rely on', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }), fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }), (a, b) => {
        expect(toStoredPosition(a).compare(toStoredPosition(b))).to.equal(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });

  it('refuses positions that do not fit and values that are not positions', () => {
    expect(() => toStoredPosition(2n ** 63n)).to.throw(RangeError);
    expect(() => fromStoredPosition('12')).to.throw(TypeError);
    expect(() => fromStoredPosition(1.5)).to.throw(TypeError);
    expect(() => fromStoredPosition(undefined)).to.throw(TypeError);
  });
});
