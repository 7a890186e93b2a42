import type { CallEvent } from '../../domain/call/events.ts';
import type { CaseEvent } from '../../domain/case/events.ts';
import { caseFieldsEntry } from './caseFieldsEntry.ts';
import type { ConsentEvent } from '../../domain/consent/events.ts';
import type { ConversationEvent } from '../../domain/conversation/events.ts';
import { assertNever } from '../../domain/decider.ts';
import type { EnrollmentEvent } from '../../domain/enrollment/events.ts';
import type { RecordedEvent } from '../../domain/events/event.ts';
import type { MessageEvent } from '../../domain/message/events.ts';
import type { MobileAppEvent } from '../../domain/mobileApp/events.ts';
import { campaignContactId } from '../campaignContacts/campaignContactDocument.ts';
import { handledAlike, projectionOf, type DocumentUpdate } from '../projection.ts';
import type { Doc } from '../readStore.ts';
import {
  CONTACT_ANSWERS,
  CONTACT_TIMELINE,
  callEntryId,
  messageEntryId,
  type CallEntry,
  type ContactAnswersDoc,
  type MessageEntry,
  type MessageStatus,
  type TimelineEntry,
} from './timelineEntry.ts';

type Fed =
  | CallEvent
  | MessageEvent
  | ConsentEvent
  | ConversationEvent
  | MobileAppEvent
  | CaseEvent
  | Exclude<EnrollmentEvent, { type: 'NextAttemptScheduled' }>;

const entryUpdate = <E extends TimelineEntry>(id: string, change: (entry: E) => E): DocumentUpdate => ({
  collection: CONTACT_TIMELINE,
  id,
  // An event of a call or message this model never saw begin (none should exist) invents nothing.
  apply: (current) => (current === undefined ? null : (change(current as E) as Doc)),
});

const newEntry = (entry: TimelineEntry): DocumentUpdate => ({
  collection: CONTACT_TIMELINE,
  id: entry._id,
  creates: true,
  apply: (current) => current ?? (entry as Doc),
});

const callEntry = (
  companyId: string,
  campaignId: string,
  contactId: string,
  callId: string,
  at: string,
): CallEntry => ({
  _id: callEntryId(callId),
  companyId,
  kind: 'call',
  campaignId,
  contactId,
  at,
  callId,
  direction: 'outbound',
  from: null,
  route: null,
  recorded: false,
  attempt: null,
  run: null,
  to: null,
  requestedAt: null,
  placedAt: null,
  answeredAt: null,
  answeredBy: null,
  outcome: null,
  durationSeconds: null,
  endedAt: null,
  transferredAt: null,
  transferredTo: null,
  summary: null,
  summaryAt: null,
  optOutRequestedAt: null,
  releasedAt: null,
  releaseReason: null,
});

const callUpdate = (callId: string, change: (entry: CallEntry) => CallEntry) =>
  entryUpdate<CallEntry>(callEntryId(callId), change);

/** Status reports may arrive out of order: a status only moves forward, and a failure is final. */
const statusRank: Record<MessageStatus, number> = {
  requested: 0,
  queued: 1,
  sent: 2,
  delivered: 3,
  failed: 4,
  withheld: 4,
};
const messageStatus = (messageId: string, status: MessageStatus, at: string, reason: string | null = null) =>
  entryUpdate<MessageEntry>(messageEntryId(messageId), (entry) =>
    statusRank[status] > statusRank[entry.status] ? { ...entry, status, statusAt: at, reason } : entry,
  );

const projectCall = (event: RecordedEvent<CallEvent>): DocumentUpdate[] => {
  const { companyId } = event.metadata;
  switch (event.type) {
    case 'CallPlaced': {
      const d = event.data;
      // An inbound call has no request before it: its placement begins its entry.
      return [
        {
          collection: CONTACT_TIMELINE,
          id: callEntryId(d.callId),
          apply: (current) => ({
            ...((current as CallEntry | undefined) ??
              callEntry(companyId, d.campaignId, d.contactId, d.callId, d.placedAt)),
            placedAt: d.placedAt,
          }),
        },
      ];
    }
    case 'InboundCallReceived': {
      const d = event.data;
      // An unknown caller (or a number serving no campaign) belongs to no contact's timeline.
      if (d.campaignId === undefined || d.contactId === undefined) return [];
      return [
        newEntry({
          ...callEntry(companyId, d.campaignId, d.contactId, d.callId, d.receivedAt),
          direction: 'inbound',
          from: d.from,
          to: d.to,
          route: d.route,
        }),
      ];
    }
    case 'CallProgressed': {
      const d = event.data;
      if (d.progress !== 'in_progress') return [];
      return [
        callUpdate(d.callId, (e) =>
          e.answeredAt ? e : { ...e, answeredAt: d.reportedAt, answeredBy: d.answeredBy ?? e.answeredBy },
        ),
      ];
    }
    case 'CallCompleted': {
      const d = event.data;
      return [
        callUpdate(d.callId, (e) => ({
          ...e,
          outcome: e.outcome ?? d.outcome,
          durationSeconds: d.durationSeconds,
          endedAt: e.endedAt ?? d.endedAt,
          answeredBy: d.answeredBy ?? e.answeredBy,
        })),
      ];
    }
    case 'CallTransferred': {
      const d = event.data;
      return [callUpdate(d.callId, (e) => ({ ...e, transferredAt: d.at, transferredTo: d.to ?? null }))];
    }
    case 'CallOptOutRequested': {
      const d = event.data;
      return [callUpdate(d.callId, (e) => ({ ...e, optOutRequestedAt: d.at }))];
    }
    case 'CallSummaryRecorded': {
      const d = event.data;
      return [callUpdate(d.callId, (e) => ({ ...e, summary: d.summary, summaryAt: d.at }))];
    }
    case 'FormAnswersRecorded': {
      const d = event.data;
      const id = campaignContactId(d.campaignId, d.contactId);
      const fresh = Object.fromEntries(
        Object.entries(d.answers).map(([field, value]) => [field, { value, at: d.at, callId: d.callId }]),
      );
      return [
        {
          collection: CONTACT_ANSWERS,
          id,
          apply: (current) => {
            const doc = (current as ContactAnswersDoc | undefined) ?? {
              _id: id,
              companyId,
              campaignId: d.campaignId,
              contactId: d.contactId,
              answers: {},
            };
            return { ...doc, answers: { ...doc.answers, ...fresh } };
          },
        },
      ];
    }
    case 'RecordingAvailable':
      return [callUpdate(event.data.callId, (e) => ({ ...e, recorded: true }))];
    default:
      return assertNever(event);
  }
};

const projectEnrollment = (
  event: RecordedEvent<Exclude<EnrollmentEvent, { type: 'NextAttemptScheduled' }>>,
): DocumentUpdate[] => {
  const { companyId } = event.metadata;
  const { campaignId, contactId } = event.data;
  const status = (change: string, at: string, reason: string | undefined): DocumentUpdate =>
    newEntry({
      _id: `enrollment-${event.id}`,
      companyId,
      kind: 'status',
      campaignId,
      contactId,
      at,
      change,
      reason: reason ?? null,
    });
  switch (event.type) {
    case 'CallRequested': {
      const d = event.data;
      const entry = {
        ...callEntry(companyId, campaignId, contactId, d.callId, d.requestedAt),
        attempt: d.attempt,
        run: d.run,
        to: d.to,
        requestedAt: d.requestedAt,
      };
      return [newEntry(entry)];
    }
    case 'CallAttemptEnded': {
      const d = event.data;
      // The attempt's own word on how it ended (transferred, opted_out) outranks the carrier's.
      return [callUpdate(d.callId, (e) => ({ ...e, outcome: d.outcome, endedAt: e.endedAt ?? d.endedAt }))];
    }
    case 'CallRequestReleased': {
      const d = event.data;
      return [callUpdate(d.callId, (e) => ({ ...e, releasedAt: d.at, releaseReason: d.reason }))];
    }
    case 'CallsWithheld':
      return [status('calls_withheld', event.data.at, event.data.reason)];
    case 'ContactMarkedCompleted':
      return [status('completed', event.data.at, event.data.reason)];
    case 'ContactCompletedAllCalls':
      return [status('completed_all_calls', event.data.at, event.data.reason)];
    case 'ContactOutreachResumed':
      return [status('resumed', event.data.at, event.data.reason)];
    case 'ContactInvoked':
      return [status('invoked', event.data.at, `invocation ${event.data.invocationId}`)];
    default:
      return assertNever(event);
  }
};

const projectMessage = (event: RecordedEvent<MessageEvent>): DocumentUpdate[] => {
  const { companyId } = event.metadata;
  switch (event.type) {
    case 'MessageRequested': {
      const d = event.data;
      const base = {
        _id: messageEntryId(d.messageId),
        companyId,
        kind: 'message',
        campaignId: d.campaignId,
        contactId: d.contactId,
        at: d.requestedAt,
      } as const;
      const text = d.channel === 'sms' ? { subject: null, body: d.body } : { subject: d.subject ?? null, body: null };
      return [
        newEntry({
          ...base,
          messageId: d.messageId,
          channel: d.channel,
          step: d.step,
          to: d.to,
          ...text,
          status: 'requested',
          statusAt: d.requestedAt,
          reason: null,
        }),
      ];
    }
    case 'MessageWithheld': {
      const d = event.data;
      const base = {
        _id: messageEntryId(d.messageId),
        companyId,
        kind: 'message',
        campaignId: d.campaignId,
        contactId: d.contactId,
        at: d.at,
      } as const;
      return [
        newEntry({
          ...base,
          messageId: d.messageId,
          channel: d.channel,
          step: d.step,
          to: d.to,
          subject: null,
          body: null,
          status: 'withheld',
          statusAt: d.at,
          reason: d.reason,
        }),
      ];
    }
    case 'MessageSent':
      return [messageStatus(event.data.messageId, 'sent', event.data.sentAt)];
    case 'MessageStatusReported':
      return [messageStatus(event.data.messageId, event.data.progress, event.data.reportedAt)];
    case 'MessageFailed':
      return [messageStatus(event.data.messageId, 'failed', event.data.at, event.data.reason)];
    default:
      return assertNever(event);
  }
};

const projectConsent = (event: RecordedEvent<ConsentEvent>): DocumentUpdate[] => {
  const d = event.data;
  // Only what was heard in a campaign's exchange with a contact belongs on that contact's timeline.
  if (d.campaignId === undefined || d.contactId === undefined) return [];
  const common = {
    _id: `consent-${event.id}`,
    companyId: event.metadata.companyId,
    campaignId: d.campaignId,
    contactId: d.contactId,
    at: d.at,
    address: d.address,
    channel: d.channel,
    source: d.source,
  };
  const heard = {
    keyword: d.keyword ?? null,
    matched: d.matched ?? null,
    excerpt: d.excerpt ?? null,
    callId: d.callId ?? null,
    messageId: d.messageId ?? null,
  };
  switch (event.type) {
    case 'ContactOptedOut':
      return [newEntry({ ...common, kind: 'opt_out', ...heard, by: null, reason: null })];
    case 'ContactOptedIn':
      return [
        newEntry({
          ...common,
          kind: 'opt_in',
          ...heard,
          by: event.data.reopenedBy ?? null,
          reason: event.data.reason ?? null,
        }),
      ];
    default:
      return assertNever(event);
  }
};

/**
 * Each campaign contact's timeline: one entry per call made or received (request, placement, answer, outcome,
 * transfer, summary, in-call opt-out), per message (request to last status, or withheld), per text
 * received, per opt-out or reopening heard in the campaign, per status change and per in-app message
 * or mobile app status the client's app reported, per case fields its answers wrote; and the agent's
 * latest form answers. Calls and messages are keyed by their streams, since their later events name
 * nothing else; every entry carries its campaign contact, and the timeline is read by (campaign,
 * contact, time).
 */
export const contactTimelineProjection = projectionOf<Fed>({
  name: 'contact_timeline',
  version: 4,
  collections: [
    {
      name: CONTACT_TIMELINE,
      indexes: [
        {
          fields: [
            ['campaignId', 1],
            ['contactId', 1],
            ['at', 1],
            ['_id', 1],
          ],
        },
      ],
    },
    { name: CONTACT_ANSWERS, indexes: [] },
  ],
  handlers: {
    ...handledAlike(
      [
        'CallRequested',
        'CallAttemptEnded',
        'CallRequestReleased',
        'CallsWithheld',
        'ContactMarkedCompleted',
        'ContactCompletedAllCalls',
        'ContactOutreachResumed',
        'ContactInvoked',
      ],
      projectEnrollment,
    ),
    ...handledAlike(
      [
        'InboundCallReceived',
        'CallPlaced',
        'CallProgressed',
        'CallCompleted',
        'RecordingAvailable',
        'CallTransferred',
        'CallOptOutRequested',
        'FormAnswersRecorded',
        'CallSummaryRecorded',
      ],
      projectCall,
    ),
    ...handledAlike(
      ['MessageRequested', 'MessageWithheld', 'MessageSent', 'MessageStatusReported', 'MessageFailed'],
      projectMessage,
    ),
    ...handledAlike(['ContactOptedOut', 'ContactOptedIn'], projectConsent),
    InboundMessageReceived: (event) => {
      const d = event.data;
      if (d.campaignId === undefined || d.contactId === undefined) return [];
      const entry = {
        _id: `inbound-${event.id}`,
        companyId: d.companyId,
        kind: 'inbound',
        campaignId: d.campaignId,
        contactId: d.contactId,
        at: d.receivedAt,
      } as const;
      return [newEntry({ ...entry, from: d.address, to: d.to, body: d.body, intent: d.intent })];
    },
    InAppMessageRecorded: (event) => {
      const d = event.data;
      const entry = {
        _id: `app-${event.id}`,
        companyId: event.metadata.companyId,
        kind: 'app_message',
        campaignId: d.campaignId,
        contactId: d.contactId,
        at: d.at,
      } as const;
      return [newEntry({ ...entry, messageId: d.messageId, direction: d.direction, body: d.body })];
    },
    MobileAppStatusChanged: (event) => {
      const d = event.data;
      return [
        newEntry({
          _id: `app-${event.id}`,
          companyId: event.metadata.companyId,
          kind: 'app_status',
          campaignId: d.campaignId,
          contactId: d.contactId,
          at: d.at,
          appStatus: d.status,
        }),
      ];
    },
    CaseFieldsUpdated: (event) => [newEntry(caseFieldsEntry(event))],
  },
});
