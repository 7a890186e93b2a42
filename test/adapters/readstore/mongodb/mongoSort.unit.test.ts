import { expect } from 'chai';
import { mongoSort } from '../../../../adapters/readstore/mongodb/mongoSort.ts';
import { indexDescription } from '../../../../adapters/readstore/mongodb/schema.ts';

describe('MongoDB read store: sort and index keys', () => {
  it('translates sort keys into a sort object in key order', () => {
    const sort = mongoSort([
      ['status', 1],
      ['window.state', -1],
      ['_id', 1],
    ]);
    expect(sort).to.deep.equal({ status: 1, 'window.state': -1, _id: 1 });
    expect(Object.entries(sort)).to.deep.equal([
      ['status', 1],
      ['window.state', -1],
      ['_id', 1],
    ]);
  });

  it('keeps key order when a later key sorts before an earlier one alphabetically', () => {
    expect(
      Object.keys(
        mongoSort([
          ['zeta', -1],
          ['alpha', 1],
          ['_id', 1],
        ]),
      ),
    ).to.deep.equal(['zeta', 'alpha', '_id']);
  });

  it('keeps the first direction of a repeated field, as an ORDER BY does', () => {
    expect(
      Object.entries(
        mongoSort([
          ['status', -1],
          ['attempts', 1],
          ['status', 1],
        ]),
      ),
    ).to.deep.equal([
      ['status', -1],
      ['attempts', 1],
    ]);
  });

  it('builds declared indexes with their key in order', () => {
    expect(
      indexDescription({
        fields: [
          ['status', 1],
          ['attempts', -1],
        ],
      }),
    ).to.deep.equal({ key: { status: 1, attempts: -1 } });
  });

  it('builds unique indexes over the documents that have every indexed field, so missing fields never collide', () => {
    expect(
      indexDescription({
        fields: [
          ['companyId', 1],
          ['phone', 1],
        ],
        unique: true,
      }),
    ).to.deep.equal({
      key: { companyId: 1, phone: 1 },
      unique: true,
      partialFilterExpression: { companyId: { $exists: true }, phone: { $exists: true } },
    });
  });
});
