import { placesCalls } from '../../domain/campaign/voiceRuns.ts';
import type { CampaignEvent } from '../../domain/campaign/events.ts';
import { assertNever } from '../../domain/decider.ts';
import { enrollmentEvents, type EnrollmentEvent } from '../../domain/enrollment/events.ts';
import type { MessageEvent } from '../../domain/message/events.ts';
import type { CallEvent } from '../../domain/call/events.ts';
import type { WorkflowEvent } from '../../domain/workflow/events.ts';
import { newFacts } from '../../domain/workflow/facts.ts';
import { campaignWorkflows } from '../../domain/workflow/plan.ts';
import { handledAlike, projectionOf, type DocumentUpdate, type EventHandler } from '../projection.ts';
import type { Doc } from '../readStore.ts';
import {
  CAMPAIGN_CONTACTS,
  CAMPAIGN_PROGRESS,
  campaignContactId,
  enrolledContactDoc,
  withOpenFlags,
  type CampaignContactDoc,
  type CampaignProgressDoc,
} from './campaignContactDocument.ts';
import { searchFields } from './contactSearch.ts';

type Fed =
  | Extract<
      CampaignEvent,
      { type: 'CampaignLaunched' | 'ContactsEnrolled' | 'CampaignPaused' | 'CampaignResumed' | 'CampaignCompleted' }
    >
  | EnrollmentEvent
  | Extract<CallEvent, { type: 'FormAnswersRecorded' }>
  | WorkflowEvent
  | Extract<MessageEvent, { type: 'MessageRequested' | 'MessageWithheld' }>;

type Change = (doc: CampaignContactDoc) => CampaignContactDoc;

const without = <K extends keyof CampaignContactDoc>(doc: CampaignContactDoc, ...fields: K[]): CampaignContactDoc => {
  const next: Record<string, unknown> = { ...doc };
  for (const field of fields) delete next[field as string];
  return next as CampaignContactDoc;
};

/** What each event on the contact's enrollment stream changes. */
const enrollmentChange = (event: EnrollmentEvent): Change => {
  switch (event.type) {
    case 'CallRequested':
      return (doc) => ({
        ...without(doc, 'nextAttemptAt'),
        attempts: doc.attempts + 1,
        openCallId: event.data.callId,
        lastActivityAt: event.data.requestedAt,
      });
    case 'CallAttemptEnded':
      return (doc) => ({
        ...without(doc, 'nextAttemptAt', 'openCallId'),
        lastOutcome: event.data.outcome,
        lastActivityAt: event.data.endedAt,
        facts: doc.facts + (newFacts(event) ? 1 : 0),
      });
    case 'CallRequestReleased':
      return (doc) => ({
        ...without(doc, 'openCallId'),
        attempts: Math.max(0, doc.attempts - 1),
        nextAttemptAt: event.data.at,
      });
    case 'NextAttemptScheduled':
      return (doc) => ({ ...doc, nextAttemptAt: event.data.at });
    case 'CallsWithheld':
      return (doc) => ({
        ...without(doc, 'nextAttemptAt'),
        withheld: event.data.reason,
        lastActivityAt: event.data.at,
      });
    case 'ContactMarkedCompleted':
      return (doc) => ({ ...without(doc, 'nextAttemptAt'), status: 'completed', lastActivityAt: event.data.at });
    case 'ContactCompletedAllCalls':
      return (doc) => ({
        ...without(doc, 'nextAttemptAt'),
        status: 'completed_all_calls',
        lastActivityAt: event.data.at,
      });
    case 'ContactOutreachResumed':
      return (doc) => ({
        ...without(doc, 'withheld'),
        status: 'active',
        nextAttemptAt: event.data.at,
        lastActivityAt: event.data.at,
      });
    case 'ContactInvoked':
      return (doc) => ({ ...doc, nextAttemptAt: event.data.at });
    default:
      return assertNever(event);
  }
};

const contactUpdate = (campaignId: string, contactId: string, change: Change): DocumentUpdate => ({
  collection: CAMPAIGN_CONTACTS,
  id: campaignContactId(campaignId, contactId),
  // A contact this model never saw enrolled (none should exist) is not invented.
  apply: (current) => (current === undefined ? null : (withOpenFlags(change(current as CampaignContactDoc)) as Doc)),
});

const progressUpdate = (
  campaignId: string,
  change: (doc: CampaignProgressDoc) => CampaignProgressDoc,
): DocumentUpdate => ({
  collection: CAMPAIGN_PROGRESS,
  id: campaignId,
  apply: (current) => (current === undefined ? null : change(current as CampaignProgressDoc)),
});

const campaignBecomes =
  (
    status: CampaignProgressDoc['status'],
  ): EventHandler<Extract<Fed, { type: 'CampaignPaused' | 'CampaignResumed' | 'CampaignCompleted' }>> =>
  (event) => [progressUpdate(event.data.campaignId, (doc) => ({ ...doc, status }))];

const stepDone: EventHandler<Extract<Fed, { type: 'MessageRequested' | 'MessageWithheld' }>> = (event) => {
  const { campaignId, contactId, step } = event.data;
  const at = event.type === 'MessageRequested' ? event.data.requestedAt : event.data.at;
  return [
    contactUpdate(campaignId, contactId, (doc) => {
      const { [step]: _sent, ...pendingSteps } = doc.pendingSteps;
      const doneSteps = doc.doneSteps.includes(step) ? doc.doneSteps : [...doc.doneSteps, step];
      return { ...doc, pendingSteps, doneSteps, lastActivityAt: at };
    }),
  ];
};

const enrollmentMoved: EventHandler<EnrollmentEvent> = (event) => [
  contactUpdate(event.data.campaignId, event.data.contactId, enrollmentChange(event)),
];

/**
 * Campaign contacts as people find and manage them (status, search, attempts, last outcome, next
 * attempt), and each launched campaign's enrolment, for the completion scheduler: a campaign is done
 * when every contact is enrolled and none has a call or message step open.
 */
export const campaignContactsProjection = projectionOf<Fed>({
  name: 'campaign_contacts',
  version: 4,
  collections: [
    {
      name: CAMPAIGN_CONTACTS,
      // Campaign ids are unique across companies, so indexes lead with the campaign (smaller entries);
      // every query still filters by company. Search scans one campaign's contacts in id order rather
      // than keep five indexes that every launch would have to fill.
      indexes: [
        {
          fields: [
            ['campaignId', 1],
            ['status', 1],
            ['_id', 1],
          ],
        },
        {
          fields: [
            ['campaignId', 1],
            ['callsOpen', 1],
            ['messagesOpen', 1],
          ],
        },
      ],
      filterFields: ['companyId', ...searchFields],
    },
    {
      name: CAMPAIGN_PROGRESS,
      indexes: [
        {
          fields: [
            ['status', 1],
            ['_id', 1],
          ],
        },
      ],
    },
  ],
  handlers: {
    CampaignLaunched: (event) => {
      const { campaignId, launchedAt, settings, list } = event.data;
      const calls = placesCalls(settings);
      const messages = campaignWorkflows(settings).some(({ workflow }) => workflow.steps.length > 0);
      const doc: CampaignProgressDoc = {
        _id: campaignId,
        companyId: event.metadata.companyId,
        campaignId,
        status: 'ACTIVE',
        launchedAt,
        contactCount: list.contactCount,
        enrolled: 0,
        calls,
        messages,
      };
      return [{ collection: CAMPAIGN_PROGRESS, id: campaignId, apply: () => doc }];
    },
    ContactsEnrolled: (event) => {
      const { companyId, occurredAt } = event.metadata;
      const { campaignId, contacts } = event.data;
      return [
        progressUpdate(campaignId, (doc) => ({ ...doc, enrolled: doc.enrolled + contacts.length })),
        ...contacts.map((contact) => {
          const doc = enrolledContactDoc(companyId, campaignId, contact, occurredAt);
          return {
            collection: CAMPAIGN_CONTACTS,
            id: doc._id,
            creates: true,
            apply: (current: Doc | undefined) => current ?? (doc as Doc),
          };
        }),
      ];
    },
    CampaignPaused: campaignBecomes('PAUSED'),
    CampaignResumed: campaignBecomes('ACTIVE'),
    CampaignCompleted: campaignBecomes('COMPLETED'),
    ...handledAlike(Object.keys(enrollmentEvents) as EnrollmentEvent['type'][], enrollmentMoved),
    FormAnswersRecorded: (event) => {
      const facts = newFacts(event);
      return facts
        ? [contactUpdate(facts.campaignId, facts.contactId, (doc) => ({ ...doc, facts: doc.facts + 1 }))]
        : [];
    },
    WorkflowStepsPlanned: (event) => {
      const { campaignId, contactId, factsSeen, steps } = event.data;
      return [
        contactUpdate(campaignId, contactId, (doc) => {
          const fresh = steps
            .filter((s) => !doc.doneSteps.includes(s.step))
            .map((s) => [s.step, new Date(s.dueAt).toISOString()] as const);
          return {
            ...doc,
            factsSeen: Math.max(doc.factsSeen, factsSeen),
            pendingSteps: { ...doc.pendingSteps, ...Object.fromEntries(fresh) },
          };
        }),
      ];
    },
    MessageRequested: stepDone,
    MessageWithheld: stepDone,
  },
});
