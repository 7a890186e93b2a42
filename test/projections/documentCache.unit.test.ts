import { expect } from 'chai';
import { documentCache } from '../../projections/documentCache.ts';

const cached = (position: bigint) => ({ doc: null, position });

describe('the projection document cache', () => {
  it('remembers up to its capacity per collection and forgets first what was written longest ago', () => {
    const cache = documentCache(2);
    cache.set('contacts', 'a', cached(1n));
    cache.set('contacts', 'b', cached(2n));
    cache.set('queue', 'a', cached(3n));
    cache.nextBatch();
    cache.set('contacts', 'a', cached(4n));
    cache.set('contacts', 'c', cached(5n));
    expect(cache.get('contacts', 'b')).to.equal(undefined);
    expect(cache.get('contacts', 'a'), 'written again, so kept').to.deep.equal(cached(4n));
    expect(cache.get('contacts', 'c')).to.deep.equal(cached(5n));
    expect(cache.get('queue', 'a')).to.deep.equal(cached(3n));
  });

  it('never forgets a document the current batch wrote, whose commit may still be in flight, going past its capacity until the next batch', () => {
    const cache = documentCache(2);
    cache.set('contacts', 'old', cached(1n));
    cache.nextBatch();
    for (const [i, id] of ['a', 'b', 'c'].entries()) cache.set('contacts', id, cached(BigInt(10 + i)));
    expect(cache.get('contacts', 'old')).to.equal(undefined);
    for (const id of ['a', 'b', 'c']) expect(cache.get('contacts', id), id).to.not.equal(undefined);
    cache.nextBatch();
    cache.set('contacts', 'd', cached(20n));
    expect(['a', 'b', 'c', 'd'].filter((id) => cache.get('contacts', id) !== undefined)).to.deep.equal(['c', 'd']);
  });

  it('keeps forgetting in order across many documents', () => {
    const cache = documentCache(1000);
    for (let i = 0; i < 20_000; i++) {
      cache.nextBatch();
      cache.set('contacts', `id-${i}`, cached(BigInt(i)));
    }
    expect(cache.get('contacts', 'id-18999')).to.equal(undefined);
    expect(cache.get('contacts', 'id-19000')).to.deep.equal(cached(19000n));
    expect(cache.get('contacts', 'id-19999')).to.deep.equal(cached(19999n));
  });
});
