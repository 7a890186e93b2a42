import { expect } from 'chai';
import type { Workflow, WorkflowStep } from '../../../domain/campaign/draft.ts';
import type { EnrolledContact } from '../../../domain/campaign/events.ts';
import { planSteps, type ContactHistory } from '../../../domain/workflow/plan.ts';
import { sendAtInstant } from '../../../domain/workflow/sendAt.ts';
import { chicagoContact } from './workflowFixtures.ts';

const chicago = chicagoContact;
const newYork: EnrolledContact = {
  ...chicago,
  contactId: 'contact-2',
  phone: '+12125550100',
  timezone: 'America/New_York',
};
// Monday 2 March 2026, 09:00 in Chicago.
const enrolledAt = '2026-03-02T15:00:00.000Z';
const history = (extra: Partial<ContactHistory> = {}): ContactHistory => ({
  enrolledAt,
  outcomes: [],
  answers: [],
  ...extra,
});
const dated = (channel: 'sms' | 'email', sendAt: string, extra: Partial<WorkflowStep> = {}): WorkflowStep => ({
  channel,
  body: 'Your hearing is on Thursday.',
  sendAt,
  ...(channel === 'email' ? { subject: 'Hearing' } : {}),
  ...extra,
});
const dueTimes = (steps: WorkflowStep[], who: EnrolledContact = chicago, h = history()) =>
  planSteps({ workflows: [{ trigger: { kind: 'enrolled' }, steps } as Workflow] }, who, h).map((s) => s.dueAt);

describe('workflow steps sent at a local date and time (sendAt)', () => {
  it("is due at that local time in the contact's own zone", () => {
    expect(dueTimes([dated('email', '2026-03-05T10:00')], chicago)).to.deep.equal(['2026-03-05T16:00:00.000Z']);
    expect(dueTimes([dated('email', '2026-03-05T10:00')], newYork)).to.deep.equal(['2026-03-05T15:00:00.000Z']);
  });

  it("is read in the step's own zone when it names one, for every contact alike", () => {
    const step = dated('email', '2026-03-05T10:00', { timezone: 'America/New_York' });
    expect(dueTimes([step], chicago)).to.deep.equal(['2026-03-05T15:00:00.000Z']);
    expect(dueTimes([step], newYork)).to.deep.equal(['2026-03-05T15:00:00.000Z']);
  });

  it('goes out once, at once, when its workflow starts after that time has passed', () => {
    expect(dueTimes([dated('email', '2026-03-01T10:00')])).to.deep.equal([enrolledAt]);
    const afterCall = planSteps(
      {
        workflows: [
          { trigger: { kind: 'call_outcome', outcome: 'answered' }, steps: [dated('email', '2026-03-03T10:00')] },
        ],
      },
      chicago,
      history({ outcomes: [{ outcome: 'answered', at: '2026-03-04T17:00:00.000Z' }] }),
    );
    expect(afterCall.map((s) => [s.stepId, s.dueAt])).to.deep.equal([['w1.s1', '2026-03-04T17:00:00.000Z']]);
  });

  it("still waits for the contact's texting window as a text; an email goes at the time itself", () => {
    expect(dueTimes([dated('sms', '2026-03-05T07:00')])).to.deep.equal(['2026-03-05T14:00:00.000Z']);
    expect(dueTimes([dated('email', '2026-03-05T07:00')])).to.deep.equal(['2026-03-05T13:00:00.000Z']);
  });

  it('follows daylight saving time in the zone: the offset of that date, a skipped time moved forward by the change', () => {
    // Chicago moves from UTC-6 to UTC-5 at 02:00 on Sunday 8 March 2026.
    expect(dueTimes([dated('email', '2026-03-06T09:00')])).to.deep.equal(['2026-03-06T15:00:00.000Z']);
    expect(dueTimes([dated('email', '2026-03-09T09:00')])).to.deep.equal(['2026-03-09T14:00:00.000Z']);
    expect(dueTimes([dated('email', '2026-03-08T02:30')])).to.deep.equal(['2026-03-08T08:30:00.000Z']);
    // 01:30 happens twice on Sunday 1 November 2026; the first is taken.
    expect(new Date(sendAtInstant('2026-11-01T01:30', 'America/Chicago')!).toISOString()).to.equal(
      '2026-11-01T06:30:00.000Z',
    );
  });

  it('counts the next delay from a dated step, and never sends a dated step before the step before it', () => {
    expect(
      dueTimes([
        dated('email', '2026-03-05T10:00'),
        { channel: 'email', subject: 'Later', body: 'Later', delayMinutes: 60 },
      ]),
    ).to.deep.equal(['2026-03-05T16:00:00.000Z', '2026-03-05T17:00:00.000Z']);
    expect(
      dueTimes([
        { channel: 'email', subject: 'First', body: 'First', delayMinutes: 4 * 24 * 60 },
        dated('email', '2026-03-04T10:00'),
      ]),
    ).to.deep.equal(['2026-03-06T15:00:00.000Z', '2026-03-06T15:00:00.000Z']);
  });

  it('reads only a real local date and time, to the minute', () => {
    expect(sendAtInstant('2027-01-10T09:00', 'America/Chicago')).to.equal(Date.parse('2027-01-10T15:00:00.000Z'));
    for (const bad of [
      '2027-01-10 09:00',
      '2027-1-10T09:00',
      '2027-02-30T09:00',
      '2027-01-10T24:30',
      '2027-01-10T09:00:00',
      '2027-01-10T09:00Z',
      'next monday',
    ])
      expect(sendAtInstant(bad, 'America/Chicago'), bad).to.equal(undefined);
  });
});
