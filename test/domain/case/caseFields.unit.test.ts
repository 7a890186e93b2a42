import { caseDecider } from '../../../domain/case/decider.ts';
import type { CaseEvent } from '../../../domain/case/events.ts';
import type { CrmFieldMapping } from '../../../domain/campaign/draft.ts';
import type { FormAnswers } from '../../../domain/form/answerRules.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';

const spec = deciderSpecification(caseDecider);
const listId = 'list-1';
const caseId = 'case-1';
const source = { campaignId: 'campaign-1', callId: 'call-1', formId: 'form-1', contactId: 'contact-1' };
const mappings: CrmFieldMapping[] = [
  { formField: 'injuryDate', caseField: 'incident_date' },
  { formField: 'clinic', caseField: 'treating_clinic' },
];
const t0 = '2026-03-02T15:00:00.000Z';
const t1 = '2026-03-02T15:05:00.000Z';

const apply = (answers: FormAnswers, at = t1, from = source) => ({
  type: 'ApplyFormAnswers' as const,
  data: { listId, caseId, answers, mappings, source: from, at },
});
const updated = (fields: FormAnswers, at = t1, from = source): CaseEvent => ({
  type: 'CaseFieldsUpdated',
  data: { listId, caseId, fields, source: from, at },
});

describe("case: the campaign's field mappings write form answers onto the case", () => {
  it('writes only mapped fields, under their case names, with where the answer came from', () => {
    spec
      .given([])
      .when(apply({ injuryDate: '2026-02-14', injured: true, clinic: 'North' }))
      .then([updated({ incident_date: '2026-02-14', treating_clinic: 'North' })]);
  });

  it('writes nothing when no mapped field is answered', () => {
    spec
      .given([])
      .when(apply({ injured: true }))
      .then([]);
  });

  it('writes only the values that changed, and nothing for a repeat', () => {
    const held = updated({ incident_date: '2026-02-14', treating_clinic: 'North' }, t0);
    spec
      .given([held])
      .when(apply({ injuryDate: '2026-02-14', clinic: 'North' }))
      .then([]);
    spec
      .given([held])
      .when(apply({ injuryDate: '2026-02-14', clinic: 'South' }))
      .then([updated({ treating_clinic: 'South' })]);
  });

  it('clears a field the case holds when the answer is cleared, and ignores clearing one it never had', () => {
    spec
      .given([updated({ treating_clinic: 'North' }, t0)])
      .when(apply({ clinic: null }))
      .then([updated({ treating_clinic: null })]);
    spec
      .given([])
      .when(apply({ clinic: null }))
      .then([]);
  });

  it('keeps the answer taken later: an older answer arriving late does not overwrite it', () => {
    const later = { ...source, callId: 'call-2' };
    spec
      .given([updated({ treating_clinic: 'South' }, t1, later)])
      .when(apply({ clinic: 'North' }, t0))
      .then([]);
    spec
      .given([updated({ treating_clinic: 'North' }, t0)])
      .when(apply({ clinic: 'South' }, t1, later))
      .then([updated({ treating_clinic: 'South' }, t1, later)]);
  });
});
