import type { CallEvent } from '../call/events.ts';
import type { CampaignEvent } from '../campaign/events.ts';
import type { ConsentEvent } from '../consent/events.ts';
import type { EnrollmentEvent } from '../enrollment/events.ts';
import type { RecordedEvent } from '../events/event.ts';
import type { ScheduledReportEvent } from '../scheduledReport/events.ts';

/** The facts a campaign's webhook tells of, each under a stable dotted name. */
export const webhookTypes = [
  'campaign.launched',
  'campaign.paused',
  'campaign.resumed',
  'campaign.completed',
  'call.completed',
  'call.transferred',
  'contact.opted_out',
  'form.submitted',
  'contact.completed',
  'report.sent',
] as const;
export type WebhookType = (typeof webhookTypes)[number];

/** What a webhook says of one domain event: which campaign, which type, when, and a small `data`. */
export type WebhookNotification = {
  readonly campaignId: string;
  readonly type: WebhookType;
  readonly occurredAt: string;
  readonly data: Readonly<Record<string, unknown>>;
};

export type NotifiedEvent = CampaignEvent | CallEvent | EnrollmentEvent | ConsentEvent | ScheduledReportEvent;

/** The domain events a webhook may tell of; the others never reach a receiver. */
export const notifiedEventTypes = [
  'CampaignLaunched',
  'CampaignPaused',
  'CampaignResumed',
  'CampaignCompleted',
  'CallAttemptEnded',
  'CallTransferred',
  'ContactOptedOut',
  'FormAnswersRecorded',
  'ContactMarkedCompleted',
  'ContactCompletedAllCalls',
  'ScheduledReportSent',
] as const satisfies readonly NotifiedEvent['type'][];

const withReason = (reason: string | undefined) => (reason !== undefined ? { reason } : {});

/**
 * The webhook notification of a domain event, or none. Ids, outcomes and times; phone numbers and
 * email addresses only where the fact is about them (an opt-out's address, a transfer's number), since
 * the receiver is the organisation's own system.
 */
export const webhookNotificationOf = (event: RecordedEvent<NotifiedEvent>): WebhookNotification | undefined => {
  const occurredAt = event.metadata.occurredAt;
  const notice = (campaignId: string, type: WebhookType, data: Record<string, unknown>): WebhookNotification => ({
    campaignId,
    type,
    occurredAt,
    data,
  });
  switch (event.type) {
    case 'CampaignLaunched': {
      const { campaignId, name, launchedAt, list } = event.data;
      return notice(campaignId, 'campaign.launched', {
        name,
        launchedAt,
        listId: list.listId,
        caseCount: list.caseCount,
        contactCount: list.contactCount,
      });
    }
    case 'CampaignPaused':
      return notice(event.data.campaignId, 'campaign.paused', { at: event.data.at, ...withReason(event.data.reason) });
    case 'CampaignResumed':
      return notice(event.data.campaignId, 'campaign.resumed', { at: event.data.at, ...withReason(event.data.reason) });
    case 'CampaignCompleted':
      return notice(event.data.campaignId, 'campaign.completed', {
        at: event.data.at,
        ...withReason(event.data.reason),
      });
    case 'CallAttemptEnded': {
      const { campaignId, contactId, callId, attempt, outcome, endedAt } = event.data;
      return notice(campaignId, 'call.completed', { callId, contactId, attempt, outcome, endedAt });
    }
    case 'CallTransferred': {
      const { campaignId, contactId, callId, at, to } = event.data;
      if (campaignId === undefined) return undefined;
      return notice(campaignId, 'call.transferred', {
        callId,
        ...(contactId !== undefined ? { contactId } : {}),
        at,
        ...(to !== undefined ? { to } : {}),
      });
    }
    case 'ContactOptedOut': {
      const { campaignId, contactId, callId, address, channel, source, at } = event.data;
      if (campaignId === undefined) return undefined;
      return notice(campaignId, 'contact.opted_out', {
        ...(contactId !== undefined ? { contactId } : {}),
        ...(callId !== undefined ? { callId } : {}),
        address,
        channel,
        source,
        at,
      });
    }
    case 'FormAnswersRecorded': {
      const { campaignId, contactId, callId, answers, at } = event.data;
      return notice(campaignId, 'form.submitted', { callId, contactId, answers, at });
    }
    case 'ContactMarkedCompleted':
    case 'ContactCompletedAllCalls': {
      const { campaignId, contactId, at, reason } = event.data;
      return notice(campaignId, 'contact.completed', {
        contactId,
        at,
        allCalls: event.type === 'ContactCompletedAllCalls',
        ...withReason(reason),
      });
    }
    case 'ScheduledReportSent': {
      const { campaignId, reportId, runId, rows, recipients, sentAt } = event.data;
      return notice(campaignId, 'report.sent', { reportId, runId, rows, recipients, sentAt });
    }
    default:
      return undefined;
  }
};
