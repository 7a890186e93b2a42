import { expect } from 'chai';
import type { Event } from '../../../domain/events/event.ts';
import { dueMessagesProjection } from '../../../projections/outreach/dueMessagesProjection.ts';
import { DUE_MESSAGES, WORKFLOW_CAMPAIGNS } from '../../../projections/outreach/dueMessagesDocument.ts';
import type { Doc } from '../../../projections/readStore.ts';
import { recordedEvent } from '../../support/recordedEvent.ts';
import { projectionSpecification } from '../../support/projectionSpecification.ts';
import {
  answersRecorded,
  enrolled as enrolledOf,
  launched as launchedOf,
  messageWithheld,
  stepsPlanned,
} from '../outreachEvents.ts';

const campaignId = 'campaign-1';
const contactId = 'contact-1';
const enrolledAt = '2026-03-02T15:00:00.000Z';

/** Folds events through the projection as the runner would, one document map per collection. */
const fold = (events: readonly (Event & { at?: string })[]) => {
  const docs = new Map<string, Doc>();
  events.forEach((event, i) => {
    const recorded = recordedEvent(event, i, event.at ?? enrolledAt);
    for (const update of dueMessagesProjection.project(recorded)) {
      const key = `${update.collection}/${update.id}`;
      const next = update.apply(docs.get(key));
      if (next === null) docs.delete(key);
      else docs.set(key, next);
    }
  });
  return {
    contact: docs.get(`${DUE_MESSAGES}/${campaignId}.${contactId}`),
    campaign: docs.get(`${WORKFLOW_CAMPAIGNS}/${campaignId}`),
  };
};

const launched: Event = {
  type: 'CampaignLaunched',
  data: {
    campaignId,
    launchedAt: enrolledAt,
    name: 'Spring intake',
    settings: {
      type: 'messaging',
      workflows: [{ trigger: { kind: 'enrolled' }, steps: [{ channel: 'sms', body: 'Hi' }] }],
    },
    list: { listId: 'l', caseType: 'pi', listRevision: 0, caseCount: 1, contactCount: 1 },
  },
};
const enrolled: Event = {
  type: 'ContactsEnrolled',
  data: {
    campaignId,
    batch: 0,
    contacts: [
      {
        caseId: 'case-1',
        contactId,
        externalId: 'X',
        phone: '+13125550100',
        timezone: 'America/Chicago',
        timezoneSource: 'contact',
      },
    ],
  },
};
const planned = (factsSeen: number, steps: { step: string; dueAt: string }[]): Event => ({
  type: 'WorkflowStepsPlanned',
  data: {
    campaignId,
    contactId,
    factsSeen,
    plannedAt: enrolledAt,
    steps: steps.map((s) => ({ ...s, messageId: `m-${s.step}`, channel: 'sms' })),
  },
});
const requested = (step: string): Event => ({
  type: 'MessageRequested',
  data: {
    messageId: `m-${step}`,
    campaignId,
    contactId,
    channel: 'sms',
    step,
    to: '+13125550100',
    from: '+13125559999',
    body: 'Hi',
    requestedAt: enrolledAt,
  },
});

describe('due messages read model', () => {
  it('keeps a launched campaign with its status and whether it has workflows; drafts leave nothing', () => {
    expect(fold([launched]).campaign).to.include({
      status: 'ACTIVE',
      hasWorkflows: true,
      name: 'Spring intake',
      caseType: 'pi',
    });
    const at = { campaignId, at: enrolledAt };
    expect(fold([launched, { type: 'CampaignPaused', data: at }]).campaign).to.include({ status: 'PAUSED' });
    expect(
      fold([launched, { type: 'CampaignPaused', data: at }, { type: 'CampaignResumed', data: at }]).campaign,
    ).to.include({ status: 'ACTIVE' });
    expect(fold([launched, { type: 'CampaignCompleted', data: at }]).campaign).to.include({ status: 'COMPLETED' });
    expect(
      fold([
        {
          type: 'CampaignDraftStarted',
          data: { campaignId, companyId: 'company-1', name: 'x', createdAt: enrolledAt },
        },
      ]).campaign,
    ).to.equal(undefined);
  });

  it('keeps no contact of a campaign whose enrolment says it has no message step', () => {
    const silent: Event = { ...enrolled, data: { ...(enrolled.data as object), messages: false } } as Event;
    expect(fold([launched, silent]).contact).to.equal(undefined);
    const speaking: Event = { ...enrolled, data: { ...(enrolled.data as object), messages: true } } as Event;
    expect(fold([launched, speaking]).contact).to.include({ facts: 1 });
  });

  it('wakes an enrolled contact at once, then at its earliest planned step, and not once every step is requested', () => {
    expect(fold([launched, enrolled]).contact).to.include({ dueAt: enrolledAt, facts: 1, factsSeen: 0 });
    const later = '2026-03-02T16:00:00.000Z';
    const latest = '2026-03-02T18:00:00.000Z';
    expect(
      fold([
        launched,
        enrolled,
        planned(1, [
          { step: 'w1.s2', dueAt: latest },
          { step: 'w1.s1', dueAt: later },
        ]),
      ]).contact,
    ).to.include({ dueAt: later });
    expect(
      fold([
        launched,
        enrolled,
        planned(1, [
          { step: 'w1.s1', dueAt: later },
          { step: 'w1.s2', dueAt: latest },
        ]),
        requested('w1.s1'),
      ]).contact,
    ).to.include({ dueAt: latest });
    expect(
      fold([launched, enrolled, planned(1, [{ step: 'w1.s1', dueAt: later }]), requested('w1.s1')]).contact,
    ).to.include({ dueAt: null });
    expect(fold([launched, enrolled, planned(1, [])]).contact).to.include({ dueAt: null });
  });

  it('wakes the contact when a call outcome is recorded (in the queue spelling of its time), and remembers a Completed mark', () => {
    const outcome: Event = {
      type: 'CallAttemptEnded',
      data: {
        campaignId,
        contactId,
        callId: 'call-1',
        attempt: 1,
        run: 0,
        outcome: 'voicemail',
        endedAt: '2026-03-02T10:30:00-06:00',
      },
    };
    const doc = fold([launched, enrolled, planned(1, []), outcome]).contact!;
    expect(doc).to.include({ dueAt: '2026-03-02T16:30:00.000Z', facts: 2 });
    expect(doc['outcomes']).to.deep.equal([{ outcome: 'voicemail', at: '2026-03-02T10:30:00-06:00' }]);
    const at = { campaignId, contactId, at: enrolledAt };
    expect(fold([launched, enrolled, { type: 'ContactMarkedCompleted', data: at }]).contact).to.include({
      completed: true,
    });
    expect(
      fold([
        launched,
        enrolled,
        { type: 'ContactMarkedCompleted', data: at },
        { type: 'ContactOutreachResumed', data: at },
      ]).contact,
    ).to.include({ completed: false });
  });

  it('moves a postponed step to its new due time', () => {
    const moved = '2026-03-03T14:00:00.000Z';
    expect(
      fold([
        launched,
        enrolled,
        planned(1, [{ step: 'w1.s1', dueAt: enrolledAt }]),
        planned(1, [{ step: 'w1.s1', dueAt: moved }]),
      ]).contact,
    ).to.include({ dueAt: moved });
  });

  const spec = projectionSpecification(dueMessagesProjection);
  const messaging = launchedOf({
    type: 'messaging',
    workflows: [
      {
        trigger: { kind: 'form_answer', fieldKey: 'wants_callback', value: true },
        steps: [{ channel: 'sms', body: 'Hi' }],
      },
    ],
  });

  it('given a reviewed contact, when form answers are recorded, then a fact is learnt and the contact is due at once; answers that only clear learn nothing', async () => {
    const answeredAt = '2026-03-02T16:00:00.000Z';
    await spec
      .given([messaging, enrolledOf(), stepsPlanned(1, [])])
      .when([answersRecorded('call-1', { wants_callback: true }, answeredAt)])
      .thenDocument(DUE_MESSAGES, `${campaignId}.${contactId}`, {
        facts: 2,
        factsSeen: 1,
        dueAt: answeredAt,
        answers: [{ fieldKey: 'wants_callback', value: true, at: answeredAt }],
      });
    await spec
      .given([messaging, enrolledOf(), stepsPlanned(1, [])])
      .when([answersRecorded('call-1', { wants_callback: null }, answeredAt)])
      .thenDocument(DUE_MESSAGES, `${campaignId}.${contactId}`, { facts: 1, dueAt: null });
  });

  it('given a planned step, when it is withheld, then it is done and no longer due', () =>
    spec
      .given([messaging, enrolledOf(), stepsPlanned(1, [{ step: 'w1.s1', dueAt: '2026-03-02T16:00:00.000Z' }])])
      .when([messageWithheld('m-w1.s1', 'w1.s1', '2026-03-02T16:00:00.000Z')])
      .thenDocument(DUE_MESSAGES, `${campaignId}.${contactId}`, { pending: {}, done: ['w1.s1'], dueAt: null }));

  it('given no launch, when a pause arrives, then no campaign is invented; given no enrolment, when a step is planned, then no contact is', () =>
    spec
      .given([])
      .when([{ type: 'CampaignPaused', data: { campaignId, at: enrolledAt } }, stepsPlanned(1, [])])
      .then({ [WORKFLOW_CAMPAIGNS]: [], [DUE_MESSAGES]: [] }));
});
