import { expect } from 'chai';
import type { EncodedBatch } from '../../../adapters/readstore/sqlite/commitBatch.ts';
import { packBatch, unpackBatch } from '../../../adapters/readstore/sqlite/packedBatch.ts';

describe('a projection batch packed for the writer thread', () => {
  it('unpacks to the batch it was, whatever its ids, texts and key values hold', () => {
    const batch: EncodedBatch = {
      projection: 'campaign_contacts',
      version: 4,
      checkpoint: 9_007_199_254_740_993n,
      collections: [
        {
          collection: 'campaign_contacts',
          keyed: ['status', 'attempts', 'nameKey'],
          upsertIds: ['c1.a', 'c1.line\nbreak', 'c1.quote"'],
          upsertJson: [JSON.stringify({ _id: 'c1.a', note: 'two\nlines' }), '{"_id":"c1.line\\nbreak"}', '{"_id":"c1.quote\\""}'],
          upsertPositions: [1n, 2n, 9_007_199_254_740_993n],
          upsertKeys: ['active', 2, 'kara brown', null, 0, '', 'completed', -1.5, 'ÉLAN'],
          deleteIds: ['c1.gone'],
          deletePositions: [3n],
        },
        { collection: 'campaign_progress', keyed: [], upsertIds: [], upsertJson: [], upsertPositions: [], upsertKeys: [], deleteIds: [], deletePositions: [] },
      ],
    };
    expect(unpackBatch(structuredClone(packBatch(batch)))).to.deep.equal(batch);
  });
});
