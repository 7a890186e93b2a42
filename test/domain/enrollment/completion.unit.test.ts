import { expect } from 'chai';
import { enrollmentDecider } from '../../../domain/enrollment/decider.ts';
import type { EnrollmentEvent } from '../../../domain/enrollment/events.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';
import { at, campaignId, contactId } from './enrollmentFixtures.ts';

const spec = deciderSpecification(enrollmentDecider);
const completed: EnrollmentEvent = { type: 'ContactMarkedCompleted', data: { campaignId, contactId, at } };
const allCalls: EnrollmentEvent = { type: 'ContactCompletedAllCalls', data: { campaignId, contactId, at } };

describe('enrollment: completing a contact and resuming its outreach', () => {
  it('marks completed and completed for calls once; Completed is never weakened to Completed (All Calls)', () => {
    spec.given([]).when({ type: 'MarkContactCompleted', data: { campaignId, contactId, at } }).then([completed]);
    spec.given([completed]).when({ type: 'MarkContactCompleted', data: { campaignId, contactId, at } }).then([]);
    spec.given([]).when({ type: 'CompleteAllCalls', data: { campaignId, contactId, at } }).then([allCalls]);
    spec.given([completed]).when({ type: 'CompleteAllCalls', data: { campaignId, contactId, at } }).then([]);
  });

  it('resumes a completed contact, which is then due at once', () =>
    spec
      .given([completed])
      .when({ type: 'ResumeOutreach', data: { campaignId, contactId, at } })
      .thenState((state) => expect(state).to.deep.include({ status: 'ACTIVE', nextAttemptAt: at })));
});
