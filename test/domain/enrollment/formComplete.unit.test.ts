import { enrollmentDecider } from '../../../domain/enrollment/decider.ts';
import type { EnrollmentCommand } from '../../../domain/enrollment/commands.ts';
import type { EnrollmentEvent } from '../../../domain/enrollment/events.ts';
import type { FormAnswers } from '../../../domain/form/answerRules.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';
import { at, campaignId, contactId, ended, requested } from './enrollmentFixtures.ts';

const spec = deciderSpecification(enrollmentDecider);
const taskFields = ['injured', 'injuryDate'];
const answered = (answers: FormAnswers): EnrollmentCommand => ({
  type: 'CompleteOnCompleteForm',
  data: { campaignId, contactId, at, taskFields, answers },
});
const completed = (reason?: string): EnrollmentEvent => ({
  type: 'ContactMarkedCompleted',
  data: { campaignId, contactId, at, ...(reason ? { reason } : {}) },
});
const resumed: EnrollmentEvent = { type: 'ContactOutreachResumed', data: { campaignId, contactId, at } };

describe('enrollment: a complete form completes the contact', () => {
  it('completes the contact, with its own reason, once every field the form asks for is answered', () => {
    spec
      .given([requested('call-1')])
      .when(answered({ injured: true, injuryDate: '2026-02-14', notes: 'x' }))
      .then([completed('form_complete')]);
  });

  it('leaves the contact active while a field is missing or cleared', () => {
    spec
      .given([requested('call-1')])
      .when(answered({ injured: true }))
      .then([]);
    spec
      .given([requested('call-1')])
      .when(answered({ injured: true, injuryDate: null }))
      .then([]);
  });

  it('plans no further call once completed, whatever the open call ends with', () => {
    spec
      .given([requested('call-1'), completed('form_complete')])
      .when({
        type: 'RecordCallOutcome',
        data: {
          campaignId,
          contactId,
          callId: 'call-1',
          outcome: 'no_answer',
          endedAt: at,
          retry: { maxAttempts: 3, intervalMinutes: 10 },
          voiceRuns: [],
        },
      })
      .then([ended('call-1', 'no_answer')]);
  });

  it('completes nothing twice: not a completed contact, nor one someone resumed after its form completed it', () => {
    const complete = answered({ injured: true, injuryDate: '2026-02-14' });
    spec
      .given([completed('settled')])
      .when(complete)
      .then([]);
    spec
      .given([completed('form_complete')])
      .when(complete)
      .then([]);
    spec
      .given([completed('form_complete'), resumed])
      .when(complete)
      .then([]);
  });

  it('completes a contact resumed after someone else completed it, once its form is complete', () => {
    spec
      .given([completed('settled'), resumed])
      .when(answered({ injured: true, injuryDate: '2026-02-14' }))
      .then([completed('form_complete')]);
  });
});
