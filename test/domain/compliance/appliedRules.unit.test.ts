import { expect } from 'chai';
import {
  appliedRulesDecider,
  type AppliedRulesEvent,
  type ApplyComplianceRules,
} from '../../../domain/compliance/appliedRules.ts';

const apply = (fingerprint: string): ApplyComplianceRules => ({
  type: 'ApplyComplianceRules',
  data: {
    overrides: '{}',
    widerThanShipped: [{ path: 'callingHours.purpose', what: 'skips solicitation rows', reason: 'reminders only' }],
    fingerprint,
    at: '2026-12-07T06:00:00.000Z',
  },
});
const given = (...events: AppliedRulesEvent[]) =>
  events.reduce(appliedRulesDecider.evolve, appliedRulesDecider.initialState());
const applied = (fingerprint: string): AppliedRulesEvent => ({
  type: 'ComplianceRulesApplied',
  data: apply(fingerprint).data,
});

describe('compliance rules applied at start', () => {
  it('given no record, records the rules with their acknowledged widenings', () =>
    expect(appliedRulesDecider.decide(apply('a1'), given())).to.deep.equal([applied('a1')]));

  it('given the same rules last recorded, records nothing, so a restart does not repeat them', () =>
    expect(appliedRulesDecider.decide(apply('a1'), given(applied('a1')))).to.deep.equal([]));

  it('given other rules last recorded, records the change, even back to rules recorded before', () =>
    expect(appliedRulesDecider.decide(apply('a1'), given(applied('a1'), applied('b2')))).to.deep.equal([
      applied('a1'),
    ]));
});
