import { expect } from 'chai';
import { approximateBytes } from '../../commands/approximateBytes.ts';

const ids = (count: number) => Array.from({ length: count }, (_, i) => `contact-${String(i).padStart(8, '0')}`);

describe('the approximate size of a folded state', () => {
  it('given collections of 10 and 100,000 alike members, then the larger weighs 10,000 times as much', () => {
    for (const make of [
      (n: number) => new Set(ids(n)),
      (n: number) => new Map(ids(n).map((id) => [id, [id]])),
      (n: number) => ids(n),
    ]) {
      const ratio = approximateBytes(make(100_000)) / approximateBytes(make(10));
      expect(ratio).to.be.within(9_000, 11_000);
    }
  });

  it('given a state holding a big collection beside small fields, then the collection weighs in whole', () => {
    const state = { status: 'created', listId: 'list-1', externalIds: { sets: [new Set(ids(100_000))] } };
    expect(approximateBytes(state)).to.be.above(100_000 * (24 + 24 + 'contact-00000000'.length));
  });
});
