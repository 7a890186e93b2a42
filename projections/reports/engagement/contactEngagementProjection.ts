import type { CallEvent } from '../../../domain/call/events.ts';
import type { CampaignEvent } from '../../../domain/campaign/events.ts';
import type { ConversationEvent } from '../../../domain/conversation/events.ts';
import type { EnrollmentEvent } from '../../../domain/enrollment/events.ts';
import type { RecordedEvent } from '../../../domain/events/event.ts';
import type { MessageEvent } from '../../../domain/message/events.ts';
import type { MobileAppEvent } from '../../../domain/mobileApp/events.ts';
import { campaignContactId } from '../../campaignContacts/campaignContactDocument.ts';
import { handledAlike, projectionOf, type DocumentUpdate, type EventHandler } from '../../projection.ts';
import type { Doc } from '../../readStore.ts';
import {
  activeAt,
  CONTACT_ENGAGEMENT,
  enrolledEngagementDoc,
  withTask,
  type ContactEngagementDoc,
} from './contactEngagementDocument.ts';

type Fed =
  | Extract<CampaignEvent, { type: 'ContactsEnrolled' }>
  | Extract<
      EnrollmentEvent,
      { type: 'CallAttemptEnded' | 'ContactMarkedCompleted' | 'ContactCompletedAllCalls' | 'ContactOutreachResumed' }
    >
  | Extract<CallEvent, { type: 'CallPlaced' | 'InboundCallReceived' | 'FormAnswersRecorded' | 'CallSummaryRecorded' }>
  | Extract<MessageEvent, { type: 'MessageRequested' }>
  | ConversationEvent
  | MobileAppEvent;

type Change = (doc: ContactEngagementDoc) => ContactEngagementDoc;

/** Answers that count: a call's outcome where a person took it. */
export const answeredOutcomes: readonly string[] = ['answered', 'transferred'];

const update = (campaignId: string, contactId: string, change: Change): DocumentUpdate => ({
  collection: CONTACT_ENGAGEMENT,
  id: campaignContactId(campaignId, contactId),
  // A contact this model never saw enrolled is not invented.
  apply: (current) => (current === undefined ? null : (change(current as ContactEngagementDoc) as Doc)),
});

const answers = (doc: ContactEngagementDoc, given: Readonly<Record<string, unknown>>): ContactEngagementDoc => {
  const answered = new Set(doc.answered);
  for (const [field, value] of Object.entries(given)) {
    if (value === null) answered.delete(field);
    else answered.add(field);
  }
  return withTask({ ...doc, answered: [...answered].sort() });
};

const change = (event: RecordedEvent<Exclude<Fed, { type: 'ContactsEnrolled' }>>): Change => {
  switch (event.type) {
    case 'CallPlaced':
      return (doc) => activeAt({ ...doc, callsPlaced: doc.callsPlaced + 1 }, event.data.placedAt);
    case 'InboundCallReceived':
      return (doc) => activeAt({ ...doc, callsReceived: doc.callsReceived + 1 }, event.data.receivedAt);
    case 'CallAttemptEnded': {
      const answered = answeredOutcomes.includes(event.data.outcome) ? 1 : 0;
      return (doc) => activeAt({ ...doc, callsAnswered: doc.callsAnswered + answered }, event.data.endedAt);
    }
    case 'ContactMarkedCompleted':
      return (doc) => ({ ...doc, status: 'completed' });
    case 'ContactCompletedAllCalls':
      return (doc) => ({ ...doc, status: 'completed_all_calls' });
    case 'ContactOutreachResumed':
      return (doc) => ({ ...doc, status: 'active' });
    case 'MessageRequested': {
      const field = event.data.channel === 'sms' ? 'smsSent' : 'emailSent';
      return (doc) => activeAt({ ...doc, [field]: doc[field] + 1 }, event.data.requestedAt);
    }
    case 'InboundMessageReceived':
      return (doc) => activeAt({ ...doc, smsReceived: doc.smsReceived + 1 }, event.data.receivedAt);
    case 'InAppMessageRecorded': {
      const field = event.data.direction === 'sent' ? 'inAppSent' : 'inAppReceived';
      return (doc) => activeAt({ ...doc, [field]: doc[field] + 1 }, event.data.at);
    }
    case 'MobileAppStatusChanged':
      return (doc) => ({ ...doc, appStatus: event.data.status });
    case 'FormAnswersRecorded':
      return (doc) => answers(doc, event.data.answers);
    case 'CallSummaryRecorded':
      // Summaries of several calls may be reported out of order: the latest conversation's stands.
      return (doc) =>
        doc.lastSummaryAt !== undefined && Date.parse(doc.lastSummaryAt) > Date.parse(event.data.at)
          ? doc
          : { ...doc, lastSummary: event.data.summary, lastSummaryAt: new Date(event.data.at).toISOString() };
  }
};

type Engaged = Exclude<Fed, { type: 'ContactsEnrolled' }>;

/** The event types that change an enrolled contact's row. */
const engagedTypes = [
  'CallAttemptEnded',
  'ContactMarkedCompleted',
  'ContactCompletedAllCalls',
  'ContactOutreachResumed',
  'CallPlaced',
  'InboundCallReceived',
  'FormAnswersRecorded',
  'CallSummaryRecorded',
  'MessageRequested',
  'InboundMessageReceived',
  'InAppMessageRecorded',
  'MobileAppStatusChanged',
] as const satisfies readonly Engaged['type'][];

const engaged: EventHandler<Engaged> = (event) => {
  // An inbound text or call no campaign contact was found for belongs to no row.
  if (event.data.campaignId === undefined || event.data.contactId === undefined) return [];
  return [update(event.data.campaignId, event.data.contactId, change(event))];
};

/**
 * One document per campaign contact with its outreach and replies by channel, its mobile app status,
 * its form task and its latest summary: the rows of the Client Engagement and Contacts reports.
 */
export const contactEngagementProjection = projectionOf<Fed>({
  name: 'contact_engagement',
  version: 2,
  collections: [
    {
      name: CONTACT_ENGAGEMENT,
      // Each filter a report takes with an index of its own, in enrolment order within it.
      indexes: [
        {
          fields: [
            ['campaignId', 1],
            ['taskStatus', 1],
            ['_id', 1],
          ],
        },
        {
          fields: [
            ['campaignId', 1],
            ['appStatus', 1],
            ['_id', 1],
          ],
        },
        {
          fields: [
            ['campaignId', 1],
            ['status', 1],
            ['_id', 1],
          ],
        },
      ],
      filterFields: ['companyId', 'lastActivityAt'],
    },
  ],
  handlers: {
    ContactsEnrolled: (event) => {
      const { campaignId, contacts, taskFields } = event.data;
      return contacts.map((contact) => {
        const doc = enrolledEngagementDoc(event.metadata.companyId, campaignId, contact, taskFields);
        return {
          collection: CONTACT_ENGAGEMENT,
          id: doc._id,
          creates: true,
          apply: (current: Doc | undefined) => current ?? (doc as Doc),
        };
      });
    },
    ...handledAlike(engagedTypes, engaged),
  },
});
