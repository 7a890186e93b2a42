import { dueQueueProjection } from '../../../projections/outreach/dueQueueProjection.ts';
import { projectionSpecification } from '../../support/projectionSpecification.ts';
import {
  attemptEnded,
  callRequested,
  callsWithheld,
  completedAllCalls,
  contact,
  enrolled,
  invoked,
  launchedAt,
  markedCompleted,
  nextAttempt,
  outreachResumed,
  requestReleased,
} from '../outreachEvents.ts';

const spec = projectionSpecification(dueQueueProjection);
const t1 = '2026-03-02T16:00:00.000Z';
const t2 = '2026-03-02T18:00:00.000Z';
/** The contact as enrolment leaves it: due from the launch. */
const due = {
  _id: 'campaign-1.contact-1',
  companyId: 'company-1',
  campaignId: 'campaign-1',
  contactId: 'contact-1',
  caseId: 'case-1',
  externalId: 'EXT-1',
  phone: contact.phone,
  timezone: 'America/Chicago',
  email: contact.email,
  state: 'IL',
  status: 'ACTIVE',
  dueAt: launchedAt,
  revision: -1,
};
const { dueAt: _dueAt, ...notDue } = due;

describe('due queue read model', () => {
  it('given no contact, when contacts are enrolled, then each is due from the launch, before its stream has an event', () =>
    spec
      .given([])
      .when([{ ...enrolled(), metadata: { occurredAt: launchedAt } }])
      .then({ due_queue: [due] }));

  it('given an enrolled contact, when a call is requested, then it is no longer due and holds the open call, at the stream revision', () =>
    spec
      .given([enrolled()])
      .when([{ ...callRequested('call-1', t1), revision: 0n }])
      .then({ due_queue: [{ ...notDue, openCallId: 'call-1', revision: 0 }] }));

  it('given a call requested, when its attempt ends and a next attempt is scheduled, then the call is closed and the contact due then', () =>
    spec
      .given([enrolled(), { ...callRequested('call-1', t1), revision: 0n }])
      .when([
        { ...attemptEnded('call-1', 'no_answer', t1), revision: 1n },
        { ...nextAttempt(t2), revision: 2n },
      ])
      .then({ due_queue: [{ ...due, dueAt: t2, revision: 2 }] }));

  it('given a call requested, when the request is released, then the contact is due again at the release', () =>
    spec
      .given([enrolled(), { ...callRequested('call-1', t1), revision: 0n }])
      .when([{ ...requestReleased('call-1', t2), revision: 1n }])
      .then({ due_queue: [{ ...due, dueAt: t2, revision: 1 }] }));

  it('given an invoked contact, when a closed window moves its call, then the invocation mark moves with it; when the call is requested, then the mark goes', async () => {
    await spec
      .given([enrolled()])
      .when([
        { ...invoked(t1), revision: 0n },
        { ...nextAttempt(t2, 'outside_window'), revision: 1n },
      ])
      .then({ due_queue: [{ ...due, dueAt: t2, invokedDueAt: t2, revision: 1 }] });
    await spec
      .given([enrolled(), { ...invoked(t1), revision: 0n }])
      .when([{ ...callRequested('call-1', t1), revision: 1n }])
      .then({ due_queue: [{ ...notDue, openCallId: 'call-1', revision: 1 }] });
  });

  it('given a due contact, when calls are withheld, then it is not due; when outreach resumes, then it is due again', async () => {
    await spec
      .given([enrolled()])
      .when([{ ...callsWithheld('opted_out', t1), revision: 0n }])
      .then({ due_queue: [{ ...notDue, revision: 0 }] });
    await spec
      .given([enrolled(), { ...callsWithheld('opted_out', t1), revision: 0n }])
      .when([{ ...outreachResumed(t2), revision: 1n }])
      .then({ due_queue: [{ ...due, dueAt: t2, revision: 1 }] });
  });

  it('given a due contact, when marked completed or when every call is made, then it is completed and never due', async () => {
    await spec
      .given([enrolled()])
      .when([{ ...markedCompleted(t1), revision: 0n }])
      .then({ due_queue: [{ ...notDue, status: 'COMPLETED', revision: 0 }] });
    await spec
      .given([enrolled()])
      .when([{ ...completedAllCalls(t1), revision: 0n }])
      .then({ due_queue: [{ ...notDue, status: 'COMPLETED_ALL_CALLS', revision: 0 }] });
  });

  it('given no enrolment, when its stream has events, then no contact is invented', () =>
    spec
      .given([])
      .when([nextAttempt(t1)])
      .then({ due_queue: [] }));
});
