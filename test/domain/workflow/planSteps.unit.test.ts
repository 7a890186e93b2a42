import { expect } from 'chai';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { Workflow } from '../../../domain/campaign/draft.ts';
import type { EnrolledContact } from '../../../domain/campaign/events.ts';
import { pendingSteps, planSteps, type ContactHistory } from '../../../domain/workflow/plan.ts';
import { chicagoContact } from './workflowFixtures.ts';

const contact = chicagoContact;
// 09:00 in Chicago.
const enrolledAt = '2026-03-02T15:00:00.000Z';
const history = (extra: Partial<ContactHistory> = {}): ContactHistory => ({
  enrolledAt,
  outcomes: [],
  answers: [],
  ...extra,
});
const sms = (body: string, delayMinutes?: number) => ({
  channel: 'sms' as const,
  body,
  ...(delayMinutes === undefined ? {} : { delayMinutes }),
});
const email = (subject: string, body: string, delayMinutes?: number) => ({
  channel: 'email' as const,
  subject,
  body,
  ...(delayMinutes === undefined ? {} : { delayMinutes }),
});
const dueTimes = (workflows: Workflow[], h: ContactHistory, who: EnrolledContact = contact) =>
  planSteps({ workflows }, who, h).map((s) => [s.stepId, s.channel, s.dueAt]);

describe('workflow planning: before, after and instead of calls', () => {
  it('plans steps before calls from enrolment, each delay counted from the step before it', () =>
    expect(
      dueTimes(
        [
          {
            trigger: { kind: 'enrolled' },
            steps: [sms('Hi'), email('Your case', 'Details', 60), sms('Reminder', 120)],
          },
        ],
        history(),
      ),
    ).to.deep.equal([
      ['w1.s1', 'sms', '2026-03-02T15:00:00.000Z'],
      ['w1.s2', 'email', '2026-03-02T16:00:00.000Z'],
      ['w1.s3', 'sms', '2026-03-02T18:00:00.000Z'],
    ]));

  it('plans steps after a call only once that outcome happened, from its first occurrence', () => {
    const workflows: Workflow[] = [
      { trigger: { kind: 'call_outcome', outcome: 'voicemail' }, steps: [sms('We tried to call', 5)] },
    ];
    expect(dueTimes(workflows, history())).to.deep.equal([]);
    expect(
      dueTimes(workflows, history({ outcomes: [{ outcome: 'busy', at: '2026-03-02T15:10:00.000Z' }] })),
    ).to.deep.equal([]);
    const outcomes = [
      { outcome: 'voicemail', at: '2026-03-02T17:00:00.000Z' },
      { outcome: 'voicemail', at: '2026-03-02T16:00:00.000Z' },
    ];
    expect(dueTimes(workflows, history({ outcomes }))).to.deep.equal([['w1.s1', 'sms', '2026-03-02T16:05:00.000Z']]);
  });

  it('plans a messaging-only campaign (instead of calls) from enrolment, with several workflows numbered apart', () =>
    expect(
      dueTimes(
        [
          { trigger: { kind: 'enrolled' }, steps: [email('Welcome', 'Hello')] },
          { trigger: { kind: 'call_outcome', outcome: 'answered' }, steps: [sms('Thanks')] },
          { trigger: { kind: 'enrolled' }, steps: [sms('Text us back', 30)] },
        ],
        history(),
      ),
    ).to.deep.equal([
      ['w1.s1', 'email', enrolledAt],
      ['w3.s1', 'sms', '2026-03-02T15:30:00.000Z'],
    ]));

  it('plans steps on a form answer with the same key and value', () => {
    const workflows: Workflow[] = [
      { trigger: { kind: 'form_answer', fieldKey: 'injured', value: true }, steps: [email('Next steps', 'Call us')] },
    ];
    expect(
      dueTimes(
        workflows,
        history({ answers: [{ fieldKey: 'injured', value: false, at: '2026-03-02T15:20:00.000Z' }] }),
      ),
    ).to.deep.equal([]);
    expect(
      dueTimes(workflows, history({ answers: [{ fieldKey: 'injured', value: true, at: '2026-03-02T15:20:00.000Z' }] })),
    ).to.deep.equal([['w1.s1', 'email', '2026-03-02T15:20:00.000Z']]);
  });

  it('leaves out an email step for a contact without an email address, and keeps the steps after it', () => {
    const { email: _dropped, ...noEmail } = contact;
    expect(
      dueTimes([{ trigger: { kind: 'enrolled' }, steps: [email('A', 'B'), sms('C', 10)] }], history(), noEmail),
    ).to.deep.equal([['w1.s2', 'sms', '2026-03-02T15:10:00.000Z']]);
  });

  it('pending steps are the planned ones not yet done, earliest first', () => {
    const planned = planSteps(
      { workflows: [{ trigger: { kind: 'enrolled' }, steps: [sms('a', 60), email('b', 'c')] }] },
      contact,
      history(),
    );
    expect(pendingSteps(planned, new Set(['w1.s1'])).map((s) => s.stepId)).to.deep.equal(['w1.s2']);
  });
});

describe('workflow planning: texts wait for the texting window, email does not', () => {
  // 21:30 in Chicago on March 1st.
  const late = history({ enrolledAt: '2026-03-02T03:30:00.000Z' });
  const workflows: Workflow[] = [{ trigger: { kind: 'enrolled' }, steps: [email('Now', 'now'), sms('Morning')] }];

  it('moves a text due at night to 08:00 local the next morning, and sends email at once', () =>
    expect(dueTimes(workflows, late)).to.deep.equal([
      ['w1.s1', 'email', '2026-03-02T03:30:00.000Z'],
      ['w1.s2', 'sms', '2026-03-02T14:00:00.000Z'],
    ]));

  it('opens at 08:00 local across the spring DST change (CST evening, CDT morning)', () =>
    expect(dueTimes(workflows, history({ enrolledAt: '2026-03-08T04:00:00.000Z' }))[1]).to.deep.equal([
      'w1.s2',
      'sms',
      '2026-03-08T13:00:00.000Z',
    ]));

  it('texts only in the overlap when the area code is in another zone than the address', () => {
    const split = { ...contact, timezone: 'America/Los_Angeles', areaCodeTimezones: ['America/New_York'] };
    // 07:30 in Los Angeles, 10:30 in New York: opens at 08:00 in Los Angeles.
    expect(planSteps({ workflows }, split, history({ enrolledAt: '2026-03-02T15:30:00.000Z' }))[1]?.dueAt).to.equal(
      '2026-03-02T16:00:00.000Z',
    );
    // 19:00 in Los Angeles, 22:00 in New York: the next morning at 08:00 Los Angeles time.
    expect(planSteps({ workflows }, split, history({ enrolledAt: '2026-03-03T03:00:00.000Z' }))[1]?.dueAt).to.equal(
      '2026-03-03T16:00:00.000Z',
    );
  });

  it('never plans a text outside 08:00-21:00 in any of the contact zones, nor before its delay (random zones, instants, delays)', () => {
    const zones = [
      'America/New_York',
      'America/Chicago',
      'America/Denver',
      'America/Phoenix',
      'America/Los_Angeles',
      'America/Anchorage',
      'Pacific/Honolulu',
      'America/Puerto_Rico',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.subarray(zones, { maxLength: 2 }),
        fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.array(fc.integer({ min: 0, max: 3 * 24 * 60 }), { minLength: 1, maxLength: 4 }),
        (timezone, areaCodeTimezones, start, delays) => {
          const who = { ...contact, timezone, areaCodeTimezones };
          const steps = delays.map((d) => sms('x', d));
          const planned = planSteps(
            { workflows: [{ trigger: { kind: 'enrolled' }, steps }] },
            who,
            history({ enrolledAt: start.toISOString() }),
          );
          let previous = start.getTime();
          planned.forEach((step, i) => {
            const due = Date.parse(step.dueAt);
            expect(due).to.be.at.least(previous + delays[i]! * 60_000);
            for (const zone of [timezone, ...areaCodeTimezones]) {
              const hour = DateTime.fromMillis(due, { zone }).hour;
              expect(hour, `${step.dueAt} in ${zone}`).to.be.within(8, 20);
            }
            previous = due;
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
