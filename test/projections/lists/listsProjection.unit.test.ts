import type { ListEvent } from '../../../domain/list/events.ts';
import { listsProjection } from '../../../projections/lists/listsProjection.ts';
import { caseOf } from '../../domain/campaign/campaignFixtures.ts';
import { projectionSpecification } from '../../support/projectionSpecification.ts';

const spec = projectionSpecification(listsProjection);
const created: ListEvent = {
  type: 'ListCreated',
  data: { listId: 'list-1', companyId: 'company-1', name: 'March intake', caseType: 'personal injury' },
};
const added = (...cases: ReturnType<typeof caseOf>[]): ListEvent => ({
  type: 'CasesAdded',
  data: { listId: 'list-1', cases },
});
const list = (cases: number, contacts: number, updatedAt: string) => ({
  _id: 'list-1',
  companyId: 'company-1',
  name: 'March intake',
  caseType: 'personal injury',
  counts: { cases, contacts },
  createdAt: '2026-03-02T15:00:00.000Z',
  updatedAt,
});

describe('lists read model', () => {
  it('given no list, when one is created, then it holds no case and no contact', () =>
    spec
      .given([])
      .when([created])
      .then({ lists: [list(0, 0, '2026-03-02T15:00:00.000Z')] }));

  it('given a list, when cases are added twice, then it counts every case and contact, and when they were last added', () =>
    spec
      .given([created])
      .when([
        added(caseOf(1), caseOf(2, 'personal injury', 2)),
        { ...added(caseOf(3)), metadata: { occurredAt: '2026-03-05T08:00:00.000Z' } },
      ])
      .then({ lists: [list(3, 4, '2026-03-05T08:00:00.000Z')] }));

  it('given no list, when cases are added to it, then no list is invented', () =>
    spec
      .given([])
      .when([added(caseOf(1))])
      .then({ lists: [] }));
});
