import { expect } from 'chai';
import type { Workflow } from '../../../domain/campaign/draft.ts';
import type { EnrolledContact } from '../../../domain/campaign/events.ts';
import { newFacts } from '../../../domain/workflow/facts.ts';
import { campaignWorkflows, planSteps, type ContactHistory } from '../../../domain/workflow/plan.ts';

const contact: EnrolledContact = {
  caseId: 'case-1',
  contactId: 'contact-1',
  externalId: 'PI-1',
  phone: '+13125550001',
  timezone: 'America/Chicago',
  timezoneSource: 'contact',
};
const enrolledAt = '2026-03-02T15:00:00.000Z';
const history = (extra: Partial<ContactHistory> = {}): ContactHistory => ({
  enrolledAt,
  outcomes: [],
  answers: [],
  ...extra,
});
const anytime = (_contact: EnrolledContact, from: number) => from;
const followUp = { policy: 'follow_up_sms', message: 'Sorry we missed you.' } as const;
const own: Workflow[] = [{ trigger: { kind: 'enrolled' }, steps: [{ channel: 'sms', body: 'Hello' }] }];

describe('the voicemail follow-up text as a workflow step', () => {
  it('plans the text as step vm.s1 once a call reached a machine, after the campaign’s own steps', () => {
    const voicemailAt = '2026-03-02T16:00:00.000Z';
    const planned = planSteps(
      { workflows: own, voicemail: followUp },
      contact,
      history({ outcomes: [{ outcome: 'voicemail', at: voicemailAt }] }),
      anytime,
    );
    expect(planned.map((s) => [s.stepId, s.channel, s.to, s.dueAt, s.body])).to.deep.equal([
      ['w1.s1', 'sms', '+13125550001', enrolledAt, 'Hello'],
      ['vm.s1', 'sms', '+13125550001', voicemailAt, 'Sorry we missed you.'],
    ]);
  });

  it('plans nothing before a voicemail, and nothing for the other policies', () => {
    expect(
      planSteps(
        { voicemail: followUp },
        contact,
        history({ outcomes: [{ outcome: 'no_answer', at: enrolledAt }] }),
        anytime,
      ),
    ).to.deep.equal([]);
    const machine = history({ outcomes: [{ outcome: 'voicemail', at: enrolledAt }] });
    expect(planSteps({ voicemail: { policy: 'hang_up' } }, contact, machine, anytime)).to.deep.equal([]);
    expect(
      planSteps({ voicemail: { policy: 'leave_message', message: 'Call us.' } }, contact, machine, anytime),
    ).to.deep.equal([]);
    expect(campaignWorkflows({ voicemail: { policy: 'follow_up_sms' } }), 'no message, no text').to.deep.equal([]);
  });

  it('waits for the texting window like any text', () => {
    const late = '2026-03-03T03:30:00.000Z';
    const window = (_c: EnrolledContact, from: number) => Math.max(from, Date.parse('2026-03-03T14:00:00.000Z'));
    const [step] = planSteps(
      { voicemail: followUp },
      contact,
      history({ outcomes: [{ outcome: 'voicemail', at: late }] }),
      window,
    );
    expect(step).to.include({ stepId: 'vm.s1', dueAt: '2026-03-03T14:00:00.000Z' });
  });
});

describe('workflow facts', () => {
  const about = { callId: 'call-1', campaignId: 'campaign-1', contactId: 'contact-1', at: enrolledAt };

  it('takes a form answer as a fact, one per report, leaving out cleared answers', () => {
    expect(
      newFacts({
        type: 'FormAnswersRecorded',
        data: { ...about, answers: { injured: true, clinic: null, visits: 3 } },
      }),
    ).to.deep.equal({
      campaignId: 'campaign-1',
      contactId: 'contact-1',
      at: enrolledAt,
      outcomes: [],
      answers: [
        { fieldKey: 'injured', value: true, at: enrolledAt },
        { fieldKey: 'visits', value: 3, at: enrolledAt },
      ],
    });
    expect(newFacts({ type: 'FormAnswersRecorded', data: { ...about, answers: { clinic: null } } })).to.equal(
      undefined,
    );
  });

  it('takes an ended call as a fact', () => {
    const ended = {
      campaignId: 'campaign-1',
      contactId: 'contact-1',
      callId: 'call-1',
      attempt: 1,
      run: 0,
      outcome: 'busy' as const,
      endedAt: enrolledAt,
    };
    expect(newFacts({ type: 'CallAttemptEnded', data: ended })).to.deep.include({
      outcomes: [{ outcome: 'busy', at: enrolledAt }],
      answers: [],
    });
  });
});
