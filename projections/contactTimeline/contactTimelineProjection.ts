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
import { handledAlike, projectionOf, type DocumentUpdate } from '../projection.ts';
import { CONTACT_ANSWERS, CONTACT_TIMELINE } from './timelineEntry.ts';
import { newEntry } from './timelineUpdates.ts';
import { callEntry, callUpdate, projectCall } from './callTimeline.ts';
import { projectMessage } from './messageTimeline.ts';

type Fed =
  | CallEvent
  | MessageEvent
  | ConsentEvent
  | ConversationEvent
  | MobileAppEvent
  | CaseEvent
  | Exclude<EnrollmentEvent, { type: 'NextAttemptScheduled' }>;

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
