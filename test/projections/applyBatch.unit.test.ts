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

const created = (id: string): DocumentUpdate => ({
  collection: 'contacts',
  id,
  creates: true,
  apply: (current) => current ?? contact(id, 0),
});
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
  it('given an update that reads another document, then it sees that document as the updates before it left it, and the read one is not written', async () => {
    const { asked, load } = storeOf({ q: { doc: { _id: 'q', companyId: 'co', open: false }, position: 3n } });
    const opened: DocumentUpdate = {
      collection: 'queues',
      id: 'q',
      apply: (current) => (current ? { ...current, open: true } : null),
    };
    const joined = (id: string): DocumentUpdate => ({
      collection: 'contacts',
      id,
      reads: { collection: 'queues', id: 'q' },
      apply: (current, queue) => current ?? (queue?.['open'] ? contact(id, 0) : null),
    });
    const changes = await applyUpdates(load, [
      { update: joined('before'), position: 10n },
      { update: opened, position: 11n },
      { update: joined('after'), position: 12n },
    ]);
    expect(asked).to.have.members(['q', 'before', 'after']);
    expect(changes).to.deep.equal([
      { op: 'upsert', collection: 'queues', doc: { _id: 'q', companyId: 'co', open: true }, position: 11n },
      { op: 'upsert', collection: 'contacts', doc: contact('after', 0), position: 12n },
    ]);
  });

  it('given a document that never existed and whose update leaves it absent, then nothing is written for it', async () => {
    const { load } = storeOf({ gone: { doc: contact('gone', 1), position: 2n } });
    const absent: DocumentUpdate = { collection: 'contacts', id: 'never', apply: () => null };
    const deleted: DocumentUpdate = { collection: 'contacts', id: 'gone', apply: () => null };
    expect(
      await applyUpdates(load, [
        { update: absent, position: 5n },
        { update: deleted, position: 6n },
      ]),
    ).to.deep.equal([{ op: 'delete', collection: 'contacts', id: 'gone', position: 6n }]);
  });
});
