import { expect } from 'chai';
import type { EnrolledContact } from '../../../domain/campaign/events.ts';
import { callingWindow, type CallingWindow, type CallingWindowInput } from '../../../domain/outreach/callingWindow.ts';
import { callingHoursRules } from '../../../domain/outreach/callingHoursRules.ts';
import { planSteps } from '../../../domain/workflow/plan.ts';
import { textingWindowOf } from '../../../domain/workflow/textingWindow.ts';

const window = textingWindowOf(callingWindow({ rules: callingHoursRules(), holidays: () => false }));
const floridian: EnrolledContact = {
  caseId: 'case-1',
  contactId: 'contact-1',
  externalId: 'X',
  phone: '+13055550100',
  state: 'FL',
  timezone: 'America/New_York',
  timezoneSource: 'state',
};
const textAt = (contact: EnrolledContact, enrolledAt: string) =>
  planSteps(
    { workflows: [{ trigger: { kind: 'enrolled' }, steps: [{ channel: 'sms', body: 'Hi' }] }] },
    contact,
    { enrolledAt, outcomes: [], answers: [] },
    window,
  )[0]?.dueAt;

describe('texting window from the calling-window policy', () => {
  it('holds a text to a Florida contact after 20:00 local until 08:00 the next day (the federal rule alone would send it)', () => {
    // 20:30 in Miami.
    expect(textAt(floridian, '2026-03-03T01:30:00.000Z')).to.equal('2026-03-03T13:00:00.000Z');
    const { state: _florida, ...newYorker } = { ...floridian, phone: '+12125550100' };
    expect(textAt(newYorker, '2026-03-03T01:30:00.000Z')).to.equal('2026-03-03T01:30:00.000Z');
  });

  it('holds a text to an Alabama contact on a Sunday until Monday morning', () => {
    const alabamian: EnrolledContact = {
      ...floridian,
      phone: '+12055550100',
      state: 'AL',
      timezone: 'America/Chicago',
    };
    // Sunday 2026-03-08, 12:00 in Birmingham (CDT).
    expect(textAt(alabamian, '2026-03-08T17:00:00.000Z')).to.equal('2026-03-09T13:00:00.000Z');
  });

  it('asks the policy about a text, with the calls and texts sent to the number lately', () => {
    const asked: CallingWindowInput[] = [];
    const noting: CallingWindow = {
      check: () => {
        throw new Error('not asked');
      },
      nextWindow: () => undefined,
      nextOpening: (input, from) => {
        asked.push(input);
        return from;
      },
    };
    textingWindowOf(noting)(floridian, 0, { calls: [1, 2], texts: [3] });
    textingWindowOf(noting)(floridian, 0);
    expect(asked[0]).to.deep.include({ channel: 'sms', recentCalls: [1, 2], recentTexts: [3] });
    expect(asked[1]).to.deep.include({ channel: 'sms' }).and.not.have.any.keys('recentCalls', 'recentTexts');
  });
});
