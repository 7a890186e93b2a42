import { campaignEvents, type CampaignEvent } from '../../domain/campaign/events.ts';
import { assertNever } from '../../domain/decider.ts';
import type { EnrollmentEvent } from '../../domain/enrollment/events.ts';
import type { RecordedEvent } from '../../domain/events/event.ts';
import type { MessageEvent } from '../../domain/message/events.ts';
import type { WorkflowEvent } from '../../domain/workflow/events.ts';
import { factEventTypes, newFacts, type FactEvent } from '../../domain/workflow/facts.ts';
import { campaignWorkflows } from '../../domain/workflow/plan.ts';
import type { DocumentUpdate, Projection } from '../projection.ts';
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

type Fed = CampaignEvent | FactEvent | Extract<EnrollmentEvent, { type: 'ContactMarkedCompleted' | 'ContactOutreachResumed' }> | WorkflowEvent | Extract<MessageEvent, { type: 'MessageRequested' | 'MessageWithheld' }>;

const contactUpdate = (campaignId: string, contactId: string, change: (doc: DueMessagesDoc) => Doc & ContactFacts): DocumentUpdate => ({
  collection: DUE_MESSAGES,
  id: dueMessagesId(campaignId, contactId),
  // An event about a contact this model never saw enrolled (none should exist) changes nothing.
  apply: (current) => (current === undefined ? null : withDueAt(change(current as DueMessagesDoc))),
});

const campaignUpdate = (campaignId: string, status: WorkflowCampaignDoc['status']): DocumentUpdate => ({
  collection: WORKFLOW_CAMPAIGNS,
  id: campaignId,
  apply: (current) => (current === undefined ? null : { ...current, status }),
});

const markDone = (doc: DueMessagesDoc, step: string): Doc & ContactFacts => {
  const { [step]: _requested, ...pending } = doc.pending;
  return { ...doc, pending, done: doc.done.includes(step) ? doc.done : [...doc.done, step] };
};

const projectCampaign = (event: RecordedEvent<CampaignEvent>): DocumentUpdate[] => {
  const companyId = event.metadata.companyId;
  switch (event.type) {
    case 'CampaignLaunched': {
      const { workflows = [], voicemail } = event.data.settings;
      const doc: WorkflowCampaignDoc = {
        _id: event.data.campaignId,
        companyId,
        name: event.data.name,
        status: 'ACTIVE',
        caseType: event.data.list.caseType,
        workflows,
        ...(voicemail ? { voicemail } : {}),
        hasWorkflows: campaignWorkflows({ workflows, ...(voicemail ? { voicemail } : {}) }).some(({ workflow }) => workflow.steps.length > 0),
      };
      return [{ collection: WORKFLOW_CAMPAIGNS, id: doc._id, apply: () => doc }];
    }
    case 'ContactsEnrolled': {
      if (event.data.messages === false) return [];
      const enrolledAt = event.metadata.occurredAt;
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
    }
    case 'CampaignPaused':
      return [campaignUpdate(event.data.campaignId, 'PAUSED')];
    case 'CampaignResumed':
      return [campaignUpdate(event.data.campaignId, 'ACTIVE')];
    case 'CampaignCompleted':
      return [campaignUpdate(event.data.campaignId, 'COMPLETED')];
    case 'CampaignDraftStarted':
    case 'CampaignDraftSaved':
    case 'CampaignStepChanged':
    case 'CampaignDeleted':
    case 'CampaignInvoked':
      return [];
    default:
      return assertNever(event);
  }
};

const project = (event: RecordedEvent<Fed>): readonly DocumentUpdate[] => {
  switch (event.type) {
    case 'CallAttemptEnded':
    case 'FormAnswersRecorded': {
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
    }
    case 'ContactMarkedCompleted':
    case 'ContactOutreachResumed':
      return [contactUpdate(event.data.campaignId, event.data.contactId, (doc) => ({ ...doc, completed: event.type === 'ContactMarkedCompleted' }))];
    case 'WorkflowStepsPlanned': {
      const { campaignId, contactId, factsSeen, steps } = event.data;
      return [
        contactUpdate(campaignId, contactId, (doc) => {
          const fresh = steps.filter((s) => !doc.done.includes(s.step)).map((s) => [s.step, { messageId: s.messageId, dueAt: s.dueAt }] as const);
          return { ...doc, factsSeen: Math.max(doc.factsSeen, factsSeen), pending: { ...doc.pending, ...Object.fromEntries(fresh) } };
        }),
      ];
    }
    case 'MessageRequested':
    case 'MessageWithheld':
      return [contactUpdate(event.data.campaignId, event.data.contactId, (doc) => markDone(doc, event.data.step))];
    default:
      return projectCampaign(event as RecordedEvent<CampaignEvent>);
  }
};

/**
 * The workflow runner's due queue: one document a campaign contact keyed by the next instant it has
 * a message step to review or send, so a tick reads only what is due; and each launched campaign's
 * status and workflows, so paused, completed and draft campaigns send nothing.
 */
export const dueMessagesProjection: Projection<Fed> = {
  name: 'due_messages',
  version: 2,
  collections: [
    { name: DUE_MESSAGES, indexes: [{ fields: [['campaignId', 1], ['dueAt', 1]] }, { fields: [['dueAt', 1]] }] },
    { name: WORKFLOW_CAMPAIGNS, indexes: [{ fields: [['status', 1], ['hasWorkflows', 1]] }] },
  ],
  eventTypes: [
    ...(Object.keys(campaignEvents) as CampaignEvent['type'][]),
    ...factEventTypes,
    'ContactMarkedCompleted',
    'ContactOutreachResumed',
    'WorkflowStepsPlanned',
    'MessageRequested',
    'MessageWithheld',
  ],
  project,
};
