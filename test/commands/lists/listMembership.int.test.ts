import { expect } from 'chai';
import { commandHandler } from '../../../commands/handleCommand.ts';
import { readListMembership } from '../../../commands/lists/listMembership.ts';
import { engineRegistry } from '../../../domain/engineEvents.ts';
import { listDecider, CASES_PER_EVENT } from '../../../domain/list/decider.ts';
import { listStream, type Case } from '../../../domain/list/events.ts';
import { tempStores } from '../../support/tempStores.ts';

const listId = '0190f5e2-7c1a-7000-8000-0000000000a1';
const companyId = '0190f5e2-7c1a-7000-8000-0000000000c1';

const aCase = (n: number): Case => ({
  caseId: `case-${n}`,
  externalId: `EXT-${String(n).padStart(5, '0')}`,
  caseType: 'personal injury',
  contacts: [
    {
      contactId: `contact-${n}`,
      name: `Client ${n}`,
      phone: `+1212555${String(n % 10000).padStart(4, '0')}`,
      timezone: 'America/New_York',
      timezoneSource: 'area_code',
    },
  ],
});

describe('list membership for a launch', () => {
  let stores: ReturnType<typeof tempStores>;
  beforeEach(() => {
    stores = tempStores(engineRegistry);
  });
  afterEach(() => stores.dispose());

  const context = (commandId: string) => ({
    commandId,
    companyId,
    actor: 'api-key:test',
    now: new Date('2026-03-02T15:00:00Z'),
  });

  it('folds the list stream into its company, case type and every case in order', async () => {
    const handle = commandHandler({ store: stores.eventStore, registry: engineRegistry, decider: listDecider });
    await handle(
      listStream(listId),
      { type: 'CreateList', data: { listId, companyId, name: 'March intake', caseType: 'personal injury' } },
      context('c-1'),
    );
    const many = Array.from({ length: CASES_PER_EVENT + 5 }, (_, i) => aCase(i));
    const added = await handle(
      listStream(listId),
      { type: 'AddCases', data: { listId, companyId, cases: many } },
      context('c-2'),
    );
    expect(added.newEvents).to.have.length(2);

    const membership = await readListMembership(stores.eventStore, listId);
    expect(membership).to.include({
      companyId,
      listId,
      name: 'March intake',
      caseType: 'personal injury',
      revision: 2n,
    });
    expect(membership!.cases.map((c) => c.externalId)).to.deep.equal(many.map((c) => c.externalId));
    expect(membership!.cases[3]).to.deep.equal(many[3]);
  });

  it('answers undefined for a list that does not exist', async () => {
    expect(await readListMembership(stores.eventStore, listId)).to.equal(undefined);
  });
});
