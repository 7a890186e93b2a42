import { expect } from 'chai';
import { documentCache } from '../../projections/documentCache.ts';

const cached = (position: bigint) => ({ doc: null, position });

describe('the projection document cache', () => {
  it('remembers up to its capacity per collection and forgets first what it learnt of first', () => {
    const cache = documentCache(2);
    cache.set('contacts', 'a', cached(1n));
    cache.set('contacts', 'b', cached(2n));
    cache.set('queue', 'a', cached(3n));
    cache.set('contacts', 'a', cached(4n));
    cache.set('contacts', 'c', cached(5n));
    expect(cache.get('contacts', 'a')).to.equal(undefined);
    expect(cache.get('contacts', 'b')).to.deep.equal(cached(2n));
    expect(cache.get('contacts', 'c')).to.deep.equal(cached(5n));
    expect(cache.get('queue', 'a')).to.deep.equal(cached(3n));
  });

  it('keeps forgetting in order across many documents', () => {
    const cache = documentCache(1000);
    for (let i = 0; i < 20_000; i++) cache.set('contacts', `id-${i}`, cached(BigInt(i)));
    expect(cache.get('contacts', 'id-18999')).to.equal(undefined);
    expect(cache.get('contacts', 'id-19000')).to.deep.equal(cached(19000n));
    expect(cache.get('contacts', 'id-19999')).to.deep.equal(cached(19999n));
  });
});
