import { expect } from 'chai';
import { addCases } from '../../../commands/lists/addCases.ts';
import { createList } from '../../../commands/lists/createList.ts';
import { engineRegistry } from '../../../domain/engineEvents.ts';
import type { Case } from '../../../domain/list/events.ts';
import { tempStores } from '../../support/tempStores.ts';

const listId = '0190f5e2-7c1a-7000-8000-0000000000a1';
const companyId = '0190f5e2-7c1a-7000-8000-0000000000c1';

const aCase = (externalId: string, caseType = 'personal injury'): Case => ({
  caseId: `case-${externalId}`,
  externalId,
  caseType,
  contacts: [
    {
      contactId: `contact-${externalId}`,
      name: 'Jane Doe',
      phone: '+12125550100',
      timezone: 'America/New_York',
      timezoneSource: 'area_code',
    },
  ],
});

describe('adding cases to a list', () => {
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

  it('answers a repeated command with its first answer and appends nothing', async () => {
    const deps = { eventStore: stores.eventStore, registry: engineRegistry };
    await createList(deps)({ listId, companyId, name: 'March intake', caseType: 'personal injury' }, context('create'));
    const add = addCases(deps);
    await add({ listId, companyId, cases: [aCase('A0')] }, context('earlier'));
    const cases = [aCase('A1'), aCase('A0'), aCase('W1', 'workers compensation'), aCase('A2')];
    const first = await add({ listId, companyId, cases }, context('same'));
    const head = await stores.eventStore.headPosition();
    const again = await add({ listId, companyId, cases }, context('same'));
    expect(first.added.map((c) => c.externalId)).to.deep.equal(['A1', 'A2']);
    expect(first.rejected.map((r) => r.index)).to.deep.equal([1, 2]);
    expect(again).to.deep.equal(first);
    expect(await stores.eventStore.headPosition()).to.equal(head);
  });
});
