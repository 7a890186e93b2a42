import type { CaseEvent } from '../../../domain/case/events.ts';
import type { ListEvent } from '../../../domain/list/events.ts';
import { listCasesProjection } from '../../../projections/lists/listCasesProjection.ts';
import { caseOf } from '../../domain/campaign/campaignFixtures.ts';
import { projectionSpecification } from '../../support/projectionSpecification.ts';

const spec = projectionSpecification(listCasesProjection);
const added: ListEvent = { type: 'CasesAdded', data: { listId: 'list-1', cases: [caseOf(1), caseOf(2)] } };
const source = { campaignId: 'campaign-1', callId: 'call-1', formId: 'form-1', contactId: 'contact-1-0' };
const updated = (caseId: string, fields: Record<string, string | number | boolean | null>, at: string): CaseEvent => ({
  type: 'CaseFieldsUpdated',
  data: { listId: 'list-1', caseId, fields, source, at },
});
const { caseId: _one, ...first } = caseOf(1);
const { caseId: _two, ...second } = caseOf(2);
const caseDoc = (id: string, found: typeof first, fields: object, fieldsUpdatedAt?: string) => ({
  _id: id,
  companyId: 'company-1',
  listId: 'list-1',
  ...found,
  fields,
  addedAt: '2026-03-02T15:00:00.000Z',
  ...(fieldsUpdatedAt ? { fieldsUpdatedAt } : {}),
});

describe('list cases read model', () => {
  it('given no case, when cases are added, then one document a case with its contacts and no field yet', () =>
    spec
      .given([])
      .when([added])
      .then({ list_cases: [caseDoc('case-1', first, {}), caseDoc('case-2', second, {})] }));

  it('given a case, when answers write its fields and later clear one, then it keeps the rest and when they were written', () =>
    spec
      .given([added])
      .when([
        updated('case-1', { incident_date: '2026-01-04', settled: false }, '2026-03-03T10:00:00.000Z'),
        updated('case-1', { settled: null, venue: 'Cook' }, '2026-03-04T10:00:00.000Z'),
      ])
      .then({
        list_cases: [
          caseDoc('case-1', first, { incident_date: '2026-01-04', venue: 'Cook' }, '2026-03-04T10:00:00.000Z'),
          caseDoc('case-2', second, {}),
        ],
      }));

  it('given no such case, when its fields are updated, then no case is invented', () =>
    spec
      .given([added])
      .when([updated('case-9', { venue: 'Cook' }, '2026-03-03T10:00:00.000Z')])
      .thenDocument('list_cases', 'case-9', null));
});
