import { expect } from 'chai';
import { applyUpdates, type LoadDocuments } from '../../projections/applyBatch.ts';
import type { Cached } from '../../projections/documentCache.ts';
import type { DocumentUpdate } from '../../projections/projection.ts';
import type { Doc } from '../../projections/readStore.ts';

const contact = (id: string, attempts: number): Doc => ({ _id: id, companyId: 'co', attempts });

/** A store holding `stored`, recording which ids each load asks for. */
const storeOf = (stored: Record<string, { doc: Doc; position: bigint }>) => {
  const asked: string[] = [];
  const load: LoadDocuments = async (_collection, ids) => {
    asked.push(...ids);
    return new Map(ids.flatMap((id): [string, Cached][] => (stored[id] ? [[id, stored[id]!]] : [])));
  };
  return { asked, load };
};

const created = (id: string): DocumentUpdate => ({ collection: 'contacts', id, creates: true, apply: (current) => current ?? contact(id, 0) });
const attempted = (id: string): DocumentUpdate => ({
  collection: 'contacts',
  id,
  apply: (current) => (current ? { ...current, attempts: (current['attempts'] as number) + 1 } : null),
});

describe('applying projected updates', () => {
  it('does not read documents their first update creates, and reads every other one once', async () => {
    const { asked, load } = storeOf({ b: { doc: contact('b', 2), position: 5n } });
    const changes = await applyUpdates(load, [
      { update: created('a'), position: 10n },
      { update: attempted('a'), position: 11n },
      { update: attempted('b'), position: 12n },
      { update: attempted('b'), position: 13n },
    ]);
    expect(asked).to.deep.equal(['b']);
    expect(changes).to.deep.equal([
      { op: 'upsert', collection: 'contacts', doc: contact('a', 1), position: 11n },
      { op: 'upsert', collection: 'contacts', doc: contact('b', 4), position: 13n },
    ]);
  });

  it('skips updates a stored document has already seen', async () => {
    const { load } = storeOf({ b: { doc: contact('b', 2), position: 12n } });
    const changes = await applyUpdates(load, [
      { update: attempted('b'), position: 12n },
      { update: attempted('b'), position: 13n },
    ]);
    expect(changes).to.deep.equal([{ op: 'upsert', collection: 'contacts', doc: contact('b', 3), position: 13n }]);
  });
});
