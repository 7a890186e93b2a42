import { expect } from 'chai';
import { createList } from '../../../commands/lists/createList.ts';
import { createCompany } from '../../../commands/company/createCompany.ts';
import { importCases } from '../../../commands/lists/importCases.ts';
import { readListMembership } from '../../../commands/lists/listMembership.ts';
import type { EventStore } from '../../../commands/eventStore.ts';
import { engineRegistry } from '../../../domain/engineEvents.ts';
import { AppendTooLargeError } from '../../../domain/errors.ts';
import { listStream } from '../../../domain/list/events.ts';
import { tempStores } from '../../support/tempStores.ts';
import { eventStoreFailingAfter } from '../../support/failingEventStore.ts';

const listId = '0190f5e2-7c1a-7000-8000-0000000000a1';
const companyId = '0190f5e2-7c1a-7000-8000-0000000000c1';

/** A file of `rows` cases of one contact each, with a name long enough to make a contact weigh what real ones do. */
const csvOf = (rows: number, from = 0): string =>
  [
    'externalId,caseType,name,phone,email,state',
    ...Array.from({ length: rows }, (_, i) => {
      const n = from + i;
      return `EXT-${String(n).padStart(5, '0')},personal injury,Client ${n} of the Spring intake,+1212555${String(n % 10000).padStart(4, '0')},client${n}@example.com,NY`;
    }),
  ].join('\n');

describe('a large list import under the append size limit', () => {
  let stores: ReturnType<typeof tempStores>;
  beforeEach(() => {
    stores = tempStores(engineRegistry, { maxAppendBytes: 1024 * 1024 });
  });
  afterEach(() => stores.dispose());

  let ids = 0;
  const deps = (eventStore: EventStore = stores.eventStore) => ({
    eventStore,
    registry: engineRegistry,
    newId: () => `0190f5e2-7c1a-7000-8000-${String(++ids).padStart(12, '0')}`,
  });
  const context = (commandId: string) => ({
    commandId,
    companyId,
    actor: 'api-key:test',
    now: new Date('2026-03-02T15:00:00Z'),
  });
  const appendsTo = (store: EventStore) => {
    const sizes: number[] = [];
    const counting: EventStore = {
      ...store,
      maxAppendBytes: store.maxAppendBytes,
      append: (stream, events, expected) => {
        if (stream === listStream(listId)) sizes.push(events.length);
        return store.append(stream, events, expected);
      },
    };
    return { sizes, counting };
  };

  const founded = async (eventStore: EventStore) => {
    await createCompany({ store: eventStore, registry: engineRegistry })(
      { companyId, name: 'Hartley & Vance LLP', keyId: 'key-1', apiKeyName: 'import' },
      context('found'),
    );
    await createList({ eventStore, registry: engineRegistry })(
      { listId, companyId, name: 'March intake', caseType: 'personal injury' },
      context('create'),
    );
  };

  beforeEach(async () => {
    await founded(stores.eventStore);
  });

  it('given 10,000 cases, when imported, then they are recorded in several appends and the list reads back every case once, in file order', async () => {
    const { sizes, counting } = appendsTo(stores.eventStore);
    const outcome = await importCases(deps(counting))({ listId, csv: csvOf(10_000) }, context('import'));
    expect(outcome).to.deep.include({ added: 10_000, addedContacts: 10_000, rejected: [] });
    expect(sizes.length).to.be.greaterThan(1);
    const list = await readListMembership(stores.eventStore, listId);
    expect(list!.cases.map((c) => c.externalId)).to.deep.equal(
      Array.from({ length: 10_000 }, (_, i) => `EXT-${String(i).padStart(5, '0')}`),
    );
  });

  it('given an import that stopped after its first part, when the file is imported again, then the cases recorded are skipped by external id and the rest are added, each case once', async () => {
    const error = await importCases(deps(eventStoreFailingAfter(stores.eventStore, 1)))(
      { listId, csv: csvOf(10_000) },
      context('first try'),
    ).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(Error);
    const partial = (await readListMembership(stores.eventStore, listId))!.cases.length;
    expect(partial).to.be.greaterThan(0).and.lessThan(10_000);
    const again = await importCases(deps())({ listId, csv: csvOf(10_000) }, context('second try'));
    expect(again.added).to.equal(10_000 - partial);
    expect(again.rejected).to.have.length(partial);
    expect(again.rejected[0]).to.deep.equal({ row: 2, reason: "case 'EXT-00000' is already in this list" });
    const list = await readListMembership(stores.eventStore, listId);
    const externalIds = list!.cases.map((c) => c.externalId);
    expect(new Set(externalIds).size).to.equal(10_000);
    expect(externalIds).to.have.length(10_000);
  });

  it('given an import that stopped after its first part, when the same command is sent again (the same Idempotency-Key), then the rest are added and the first answer is given', async () => {
    const error = await importCases(deps(eventStoreFailingAfter(stores.eventStore, 1)))(
      { listId, csv: csvOf(10_000) },
      context('keyed import'),
    ).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(Error);
    const again = await importCases(deps())({ listId, csv: csvOf(10_000) }, context('keyed import'));
    expect(again).to.deep.include({ added: 10_000, addedContacts: 10_000, rejected: [] });
    const externalIds = (await readListMembership(stores.eventStore, listId))!.cases.map((c) => c.externalId);
    expect(externalIds).to.deep.equal(Array.from({ length: 10_000 }, (_, i) => `EXT-${String(i).padStart(5, '0')}`));
    expect(again.position).to.equal(await stores.eventStore.headPosition());
  });

  it('given a single case too large for one append, when imported, then the import is refused whole and the list is unchanged', async () => {
    const small = tempStores(engineRegistry, { maxAppendBytes: 4096 });
    try {
      const smallDeps = { eventStore: small.eventStore, registry: engineRegistry, newId: deps().newId };
      await founded(small.eventStore);
      const head = await small.eventStore.headPosition();
      const wide = [
        'externalId,caseType,name,phone',
        ...Array.from(
          { length: 40 },
          (_, i) =>
            `EXT-1,personal injury,Member ${i} of a family with a long name,+1212555${String(i).padStart(4, '0')}`,
        ),
      ].join('\n');
      const error = await importCases(smallDeps)({ listId, csv: wide }, context('wide')).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(AppendTooLargeError);
      expect(error).to.include({ what: 'event', limit: 4096 });
      expect(await small.eventStore.headPosition()).to.equal(head);
    } finally {
      await small.dispose();
    }
  });
});
