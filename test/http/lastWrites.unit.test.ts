import { expect } from 'chai';
import { lastWrites } from '../../http/lastWrites.ts';

describe('last writes per caller', () => {
  it('given writes answered out of order, then the caller is held to the newest position', () => {
    const writes = lastWrites();
    writes.record('api-key:k1', 7n);
    writes.record('api-key:k1', 5n);
    expect(writes.of('api-key:k1')).to.equal(7n);
    writes.record('api-key:k1', 9n);
    expect(writes.of('api-key:k1')).to.equal(9n);
    expect(writes.of('api-key:k2')).to.equal(undefined);
  });

  it('given more callers than it holds, then it forgets the one that wrote longest ago, and never grows past its capacity', () => {
    const writes = lastWrites(3);
    writes.record('a', 1n);
    writes.record('b', 2n);
    writes.record('c', 3n);
    writes.record('a', 4n);
    writes.record('d', 5n);
    expect(['a', 'b', 'c', 'd'].map((caller) => writes.of(caller))).to.deep.equal([4n, undefined, 3n, 5n]);
    for (let i = 0; i < 100_000; i++) writes.record(`api-key:${i}`, BigInt(i));
    expect(writes.size).to.equal(3);
  });
});
