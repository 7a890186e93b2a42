import { expect } from 'chai';
import { BSON } from 'mongodb';
import {
  HIDE_POSITION,
  POSITION_FIELD,
  toStoredDoc,
  toVersioned,
} from '../../../../adapters/readstore/mongodb/storedDocs.ts';
import { FIELD_PATH } from '../../../../projections/query/validateFilter.ts';

describe('MongoDB read store: the hidden position field', () => {
  it('stores the position beside the document fields', () => {
    const stored = toStoredDoc({ _id: 'a', companyId: 'c', n: 1 }, 7n);
    expect(stored).to.deep.include({ _id: 'a', companyId: 'c', n: 1 });
    expect((stored[POSITION_FIELD] as { toBigInt(): bigint }).toBigInt()).to.equal(7n);
  });

  it('is excluded from every read through the find projection', () => {
    expect(HIDE_POSITION).to.deep.equal({ [POSITION_FIELD]: 0 });
  });

  it('splits a stored document into the document without it and its position as bigint, above 2^53 too', () => {
    const position = 2n ** 60n + 7n;
    const read = BSON.deserialize(
      BSON.serialize(toStoredDoc({ _id: 'a', companyId: 'c', nested: { x: 1 } }, position)),
    );
    const versioned = toVersioned(read as never);
    expect(versioned.position).to.equal(position);
    expect(versioned.doc).to.deep.equal({ _id: 'a', companyId: 'c', nested: { x: 1 } });
    expect(Object.keys(versioned.doc)).not.to.include(POSITION_FIELD);
  });

  it('refuses a stored document without a position instead of inventing one', () => {
    expect(() => toVersioned({ _id: 'a', companyId: 'c' })).to.throw(/has no/);
  });

  it('is a name no filter or sort of the subset can reach', () => {
    expect(FIELD_PATH.test(POSITION_FIELD)).to.equal(false);
  });
});
