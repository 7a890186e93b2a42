import type { FormEvent } from '../../../domain/form/events.ts';
import { formsProjection } from '../../../projections/forms/formsProjection.ts';
import { projectionSpecification } from '../../support/projectionSpecification.ts';

const spec = projectionSpecification(formsProjection);
const fields = [{ key: 'injury_date', label: 'Date of injury', type: 'date' as const, required: true }];
const created = (formId: string, name: string): FormEvent => ({
  type: 'FormCreated',
  data: { formId, name, caseType: 'personal injury', fields },
});

describe('forms read model', () => {
  it('given no form, when one is created, then its document holds its fields, company and creation time', () =>
    spec
      .given([])
      .when([{ ...created('form-1', 'Intake'), metadata: { occurredAt: '2026-03-03T10:00:00.000Z' } }])
      .then({
        forms: [
          {
            _id: 'form-1',
            companyId: 'company-1',
            name: 'Intake',
            caseType: 'personal injury',
            fields,
            createdAt: '2026-03-03T10:00:00.000Z',
          },
        ],
      }));

  it('given a form, when another company creates one, then each keeps its own company', () =>
    spec
      .given([created('form-1', 'Intake')])
      .when([{ ...created('form-2', 'Follow-up'), metadata: { companyId: 'company-2' } }])
      .then({
        forms: [
          {
            _id: 'form-1',
            companyId: 'company-1',
            name: 'Intake',
            caseType: 'personal injury',
            fields,
            createdAt: '2026-03-02T15:00:00.000Z',
          },
          {
            _id: 'form-2',
            companyId: 'company-2',
            name: 'Follow-up',
            caseType: 'personal injury',
            fields,
            createdAt: '2026-03-02T15:00:00.000Z',
          },
        ],
      }));
});
