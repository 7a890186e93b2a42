import { expect } from 'chai';
import { collection } from '../../projections/collection.ts';
import { companyScope } from '../../projections/companyScope.ts';
import type { Doc } from '../../projections/readStore.ts';
import { twoCompaniesThings } from './twoCompaniesThings.ts';

type Thing = Doc & { readonly kind: string };

describe('typed collections', () => {
  const seeded = twoCompaniesThings();

  it('given documents in a collection, when read through its handle, then get, getMany, find and count answer them', async () => {
    const things = collection<Thing>(seeded.store(), 'things');
    expect((await things.get('a1'))?.kind).to.equal('x');
    expect(await things.get('missing')).to.equal(null);
    expect((await things.getMany(['a2', 'b1'])).map((thing) => thing.kind).sort()).to.deep.equal(['x', 'y']);
    expect((await things.find({ kind: 'x' })).items.map((thing) => thing._id)).to.deep.equal(['a1', 'b1']);
    expect(await things.count({ kind: 'x' })).to.equal(2);
    expect((await things.findAll({ kind: 'x' }, [['companyId', -1]])).map((thing) => thing._id)).to.deep.equal([
      'b1',
      'a1',
    ]);
  });

  it("given a company's scope, when read through a handle on it, then another company's documents stay missing", async () => {
    const things = collection<Thing>(companyScope(seeded.store(), 'a'), 'things');
    expect(await things.get('b1')).to.equal(null);
    expect((await things.find({ kind: 'x' })).items.map((thing) => thing._id)).to.deep.equal(['a1']);
    expect(await things.count({})).to.equal(2);
  });
});
