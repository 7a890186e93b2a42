import { campaignContactsProjection } from '../../../projections/campaignContacts/campaignContactsProjection.ts';
import { enrolledContactDoc } from '../../../projections/campaignContacts/campaignContactDocument.ts';
import { projectionSpecification } from '../../support/projectionSpecification.ts';
import {
  answersRecorded,
  attemptEnded,
  callRequested,
  callsWithheld,
  campaignCompleted,
  campaignPaused,
  campaignResumed,
  completedAllCalls,
  contact,
  enrolled,
  invoked,
  launched,
  launchedAt,
  markedCompleted,
  messageRequested,
  messageWithheld,
  nextAttempt,
  outreachResumed,
  requestReleased,
  stepsPlanned,
} from '../outreachEvents.ts';

const spec = projectionSpecification(campaignContactsProjection);
const t1 = '2026-03-02T16:00:00.000Z';
const t2 = '2026-03-02T18:00:00.000Z';
const t3 = '2026-03-03T18:00:00.000Z';
const fresh = enrolledContactDoc('company-1', 'campaign-1', contact, launchedAt);
const { nextAttemptAt: _next, ...unplanned } = fresh;
const progress = {
  _id: 'campaign-1',
  companyId: 'company-1',
  campaignId: 'campaign-1',
  status: 'ACTIVE',
  launchedAt,
  contactCount: 2,
  calls: true,
  messages: false,
};
const history = [launched(), enrolled()];

describe('campaign contacts read model', () => {
  it('given no campaign, when it launches and enrols a contact, then its progress counts the enrolment and the contact is open, due from the launch', () =>
    spec
      .given([])
      .when(history)
      .then({ campaign_progress: [{ ...progress, enrolled: 1 }], campaign_contacts: [fresh] }));

  it('given a launched campaign, when paused, resumed and completed, then its progress status follows', async () => {
    await spec
      .given(history)
      .when([campaignPaused(t1)])
      .thenDocument('campaign_progress', 'campaign-1', { status: 'PAUSED' });
    await spec
      .given([...history, campaignPaused(t1)])
      .when([campaignResumed(t1)])
      .thenDocument('campaign_progress', 'campaign-1', { status: 'ACTIVE' });
    await spec
      .given(history)
      .when([campaignCompleted(t1)])
      .thenDocument('campaign_progress', 'campaign-1', { status: 'COMPLETED' });
  });

  it('given an enrolled contact, when a call is requested, then one attempt is counted and the call is open; when it ends, then its outcome is the last and a fact is learnt', async () => {
    await spec
      .given(history)
      .when([callRequested('call-1', t1)])
      .then({
        campaign_contacts: [{ ...unplanned, attempts: 1, openCallId: 'call-1', lastActivityAt: t1, callsOpen: true }],
      });
    await spec
      .given([...history, callRequested('call-1', t1)])
      .when([attemptEnded('call-1', 'voicemail', t2)])
      .then({
        campaign_contacts: [
          {
            ...unplanned,
            attempts: 1,
            lastOutcome: 'voicemail',
            lastActivityAt: t2,
            facts: 2,
            callsOpen: false,
            messagesOpen: true,
          },
        ],
      });
  });

  it('given a requested call, when the request is released, then the attempt is not counted and the contact is due at the release', () =>
    spec
      .given([...history, callRequested('call-1', t1)])
      .when([requestReleased('call-1', t2)])
      .then({
        campaign_contacts: [{ ...unplanned, attempts: 0, nextAttemptAt: t2, lastActivityAt: t1, callsOpen: true }],
      }));

  it('given a contact, when a next attempt is scheduled or the contact is invoked, then it is due then', async () => {
    await spec
      .given(history)
      .when([nextAttempt(t2)])
      .then({ campaign_contacts: [{ ...fresh, nextAttemptAt: t2 }] });
    await spec
      .given(history)
      .when([invoked(t1)])
      .then({ campaign_contacts: [{ ...fresh, nextAttemptAt: t1 }] });
  });

  it('given a contact, when calls are withheld, then its calls close; when its outreach resumes, then it is active and due again', async () => {
    await spec
      .given(history)
      .when([callsWithheld('opted_out', t1)])
      .then({ campaign_contacts: [{ ...unplanned, withheld: 'opted_out', lastActivityAt: t1, callsOpen: false }] });
    await spec
      .given([...history, callsWithheld('opted_out', t1)])
      .when([outreachResumed(t2)])
      .then({ campaign_contacts: [{ ...fresh, nextAttemptAt: t2, lastActivityAt: t2 }] });
  });

  it('given a contact, when marked completed, then nothing is open; when every call is made, then only its messages may stay open', async () => {
    await spec
      .given(history)
      .when([markedCompleted(t1)])
      .then({
        campaign_contacts: [
          { ...unplanned, status: 'completed', lastActivityAt: t1, callsOpen: false, messagesOpen: false },
        ],
      });
    await spec
      .given(history)
      .when([completedAllCalls(t1)])
      .then({
        campaign_contacts: [{ ...unplanned, status: 'completed_all_calls', lastActivityAt: t1, callsOpen: false }],
      });
  });

  it('given planned message steps, when one is requested and one withheld, then neither is pending, both are done, and a replanned done step stays done', () =>
    spec
      .given([
        ...history,
        stepsPlanned(1, [
          { step: 'w1.s1', dueAt: t2 },
          { step: 'w1.s2', dueAt: t3 },
        ]),
      ])
      .when([
        messageRequested('m-w1.s1', 'sms', 'w1.s1', t2),
        messageWithheld('m-w1.s2', 'w1.s2', t3),
        stepsPlanned(1, [{ step: 'w1.s1', dueAt: t3 }]),
      ])
      .then({
        campaign_contacts: [
          { ...fresh, factsSeen: 1, doneSteps: ['w1.s1', 'w1.s2'], lastActivityAt: t3, messagesOpen: false },
        ],
      }));

  it('given a plan, when its steps are pending, then the earliest is the next message; a plan of fewer facts seen does not move the count back', () =>
    spec
      .given([...history, stepsPlanned(1, [{ step: 'w1.s2', dueAt: t3 }])])
      .when([stepsPlanned(0, [{ step: 'w1.s1', dueAt: t2 }])])
      .then({
        campaign_contacts: [{ ...fresh, factsSeen: 1, pendingSteps: { 'w1.s2': t3, 'w1.s1': t2 }, nextMessageAt: t2 }],
      }));

  it('given a contact, when form answers are recorded, then a fact is learnt; answers that only clear learn nothing', () =>
    spec
      .given(history)
      .when([
        answersRecorded('call-1', { wants_callback: true }, t1),
        answersRecorded('call-1', { wants_callback: null }, t2),
      ])
      .then({ campaign_contacts: [{ ...fresh, facts: 2 }] }));

  it('given no enrolment, when a call is requested, then no contact is invented; given no launch, when contacts enrol, then no progress is invented', async () => {
    await spec
      .given([])
      .when([callRequested('call-9', t1)])
      .then({ campaign_contacts: [] });
    await spec
      .given([])
      .when([enrolled()])
      .then({ campaign_progress: [], campaign_contacts: [fresh] });
  });
});
