import type { CampaignEvent } from '../../domain/campaign/events.ts';
import type { EnrollmentEvent } from '../../domain/enrollment/events.ts';
import type { MessageEvent } from '../../domain/message/events.ts';
import type { WorkflowEvent } from '../../domain/workflow/events.ts';
import { newFacts, type FactEvent } from '../../domain/workflow/facts.ts';
import { campaignWorkflows } from '../../domain/workflow/plan.ts';
import { projectionOf, type DocumentUpdate, type EventHandler } from '../projection.ts';
import type { Doc } from '../readStore.ts';
import {
  DUE_MESSAGES,
  WORKFLOW_CAMPAIGNS,
  dueMessagesId,
  withDueAt,
  type ContactFacts,
  type DueMessagesDoc,
  type WorkflowCampaignDoc,
} from './dueMessagesDocument.ts';

type Fed =
  | Extract<
      CampaignEvent,
      { type: 'CampaignLaunched' | 'ContactsEnrolled' | 'CampaignPaused' | 'CampaignResumed' | 'CampaignCompleted' }
    >
  | FactEvent
  | Extract<EnrollmentEvent, { type: 'ContactMarkedCompleted' | 'ContactOutreachResumed' }>
  | WorkflowEvent
  | Extract<MessageEvent, { type: 'MessageRequested' | 'MessageWithheld' }>;

const contactUpdate = (
  campaignId: string,
  contactId: string,
  change: (doc: DueMessagesDoc) => Doc & ContactFacts,
): DocumentUpdate => ({
  collection: DUE_MESSAGES,
  id: dueMessagesId(campaignId, contactId),
  // An event about a contact this model never saw enrolled (none should exist) changes nothing.
  apply: (current) => (current === undefined ? null : withDueAt(change(current as DueMessagesDoc))),
});

const campaignBecomes =
  (
    status: WorkflowCampaignDoc['status'],
  ): EventHandler<Extract<Fed, { type: 'CampaignPaused' | 'CampaignResumed' | 'CampaignCompleted' }>> =>
  (event) => [
    {
      collection: WORKFLOW_CAMPAIGNS,
      id: event.data.campaignId,
      apply: (current) => (current === undefined ? null : { ...current, status }),
    },
  ];

const markDone = (doc: DueMessagesDoc, step: string): Doc & ContactFacts => {
  const { [step]: _requested, ...pending } = doc.pending;
  return { ...doc, pending, done: doc.done.includes(step) ? doc.done : [...doc.done, step] };
};

/** A new fact about the contact (a call's outcome, a form's answers) wakes it for review. */
const factLearnt: EventHandler<FactEvent> = (event) => {
  const facts = newFacts(event);
  if (!facts) return [];
  return [
    contactUpdate(facts.campaignId, facts.contactId, (doc) => ({
      ...doc,
      outcomes: [...doc.outcomes, ...facts.outcomes],
      answers: [...doc.answers, ...facts.answers],
      facts: doc.facts + 1,
      factAt: facts.at,
    })),
  ];
};

const completedOrResumed: EventHandler<Extract<Fed, { type: 'ContactMarkedCompleted' | 'ContactOutreachResumed' }>> = (
  event,
) => [
  contactUpdate(event.data.campaignId, event.data.contactId, (doc) => ({
    ...doc,
    completed: event.type === 'ContactMarkedCompleted',
  })),
];

const stepDone: EventHandler<Extract<Fed, { type: 'MessageRequested' | 'MessageWithheld' }>> = (event) => [
  contactUpdate(event.data.campaignId, event.data.contactId, (doc) => markDone(doc, event.data.step)),
];

/**
 * The workflow runner's due queue: one document a campaign contact keyed by the next instant it has
 * a message step to review or send, so a tick reads only what is due; and each launched campaign's
 * status and workflows, so paused, completed and draft campaigns send nothing.
 */
export const dueMessagesProjection = projectionOf<Fed>({
  name: 'due_messages',
  version: 2,
  collections: [
    {
      name: DUE_MESSAGES,
      indexes: [
        {
          fields: [
            ['campaignId', 1],
            ['dueAt', 1],
          ],
        },
        { fields: [['dueAt', 1]] },
      ],
    },
    {
      name: WORKFLOW_CAMPAIGNS,
      indexes: [
        {
          fields: [
            ['status', 1],
            ['hasWorkflows', 1],
          ],
        },
      ],
    },
  ],
  handlers: {
    CampaignLaunched: (event) => {
      const { workflows = [], voicemail } = event.data.settings;
      const doc: WorkflowCampaignDoc = {
        _id: event.data.campaignId,
        companyId: event.metadata.companyId,
        name: event.data.name,
        status: 'ACTIVE',
        caseType: event.data.list.caseType,
        workflows,
        ...(voicemail ? { voicemail } : {}),
        hasWorkflows: campaignWorkflows({ workflows, ...(voicemail ? { voicemail } : {}) }).some(
          ({ workflow }) => workflow.steps.length > 0,
        ),
      };
      return [{ collection: WORKFLOW_CAMPAIGNS, id: doc._id, apply: () => doc }];
    },
    ContactsEnrolled: (event) => {
      if (event.data.messages === false) return [];
      const { companyId, occurredAt: enrolledAt } = event.metadata;
      return event.data.contacts.map((contact) => {
        const doc = withDueAt({
          _id: dueMessagesId(event.data.campaignId, contact.contactId),
          companyId,
          campaignId: event.data.campaignId,
          contactId: contact.contactId,
          contact,
          enrolledAt,
          outcomes: [],
          answers: [],
          facts: 1,
          factsSeen: 0,
          factAt: enrolledAt,
          pending: {},
          done: [],
          completed: false,
        });
        return { collection: DUE_MESSAGES, id: doc._id, creates: true, apply: (current) => current ?? doc };
      });
    },
    CampaignPaused: campaignBecomes('PAUSED'),
    CampaignResumed: campaignBecomes('ACTIVE'),
    CampaignCompleted: campaignBecomes('COMPLETED'),
    CallAttemptEnded: factLearnt,
    FormAnswersRecorded: factLearnt,
    ContactMarkedCompleted: completedOrResumed,
    ContactOutreachResumed: completedOrResumed,
    WorkflowStepsPlanned: (event) => {
      const { campaignId, contactId, factsSeen, steps } = event.data;
      return [
        contactUpdate(campaignId, contactId, (doc) => {
          const fresh = steps
            .filter((s) => !doc.done.includes(s.step))
            .map((s) => [s.step, { messageId: s.messageId, dueAt: s.dueAt }] as const);
          return {
            ...doc,
            factsSeen: Math.max(doc.factsSeen, factsSeen),
            pending: { ...doc.pending, ...Object.fromEntries(fresh) },
          };
        }),
      ];
    },
    MessageRequested: stepDone,
    MessageWithheld: stepDone,
  },
});
