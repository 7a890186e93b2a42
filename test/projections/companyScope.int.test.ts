import { expect } from 'chai';
import { companyScope } from '../../projections/companyScope.ts';
import { twoCompaniesThings } from './twoCompaniesThings.ts';

describe('company-scoped reads', () => {
  const things = twoCompaniesThings();

  it("answers another company's document as missing", async () => {
    const a = companyScope(things.store(), 'a');
    expect(await a.get('things', 'a1')).to.deep.include({ _id: 'a1' });
    expect(await a.get('things', 'b1')).to.equal(null);
    expect((await a.getMany('things', ['a1', 'b1'])).map((d) => d._id)).to.deep.equal(['a1']);
  });

  it("finds and counts only the company's own documents, whatever the filter says", async () => {
    const a = companyScope(things.store(), 'a');
    expect((await a.find('things', { kind: 'x' })).items.map((d) => d._id)).to.deep.equal(['a1']);
    expect((await a.find('things', { companyId: 'b' })).items).to.deep.equal([]);
    expect(await a.count('things')).to.equal(2);
    expect(await companyScope(things.store(), 'b').count('things', { kind: 'x' })).to.equal(1);
  });
});
