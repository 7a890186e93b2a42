import type { NewEvent } from '../../domain/events/event.ts';
import type { CampaignEvent } from '../../domain/campaign/events.ts';
import type { EnrollmentEvent } from '../../domain/enrollment/events.ts';
import type { CallEvent } from '../../domain/call/events.ts';
import type { CallOutcome } from '../../domain/call/outcome.ts';
import type { MessageEvent } from '../../domain/message/events.ts';
import type { ConsentEvent } from '../../domain/consent/events.ts';
import type { ConversationEvent } from '../../domain/conversation/events.ts';
import { maskedCarrierCallId } from '../../domain/call/carrierCallBinding.ts';
import { windowRefusalOf } from '../../domain/outreach/windowRefusal.ts';
import { maskedAddress } from './maskedAddress.ts';

/** One line of the outreach log: its level, its message and its fields (ids, masked addresses, never a body). */
export type OutreachLogLine = {
  readonly level: 'info' | 'debug';
  readonly message: string;
  readonly fields: Readonly<Record<string, unknown>>;
};

/** What the request of a call or message said, for the line of the carrier's answer, which does not repeat it. */
export type RequestOrigin = {
  readonly campaignId: string;
  readonly contactId: string;
  readonly to: string;
  readonly channel?: string;
  readonly attempt?: number;
};

/** The events the outreach log reads; every other event has no line. */
export type WatchedEvent =
  CampaignEvent | EnrollmentEvent | CallEvent | MessageEvent | ConsentEvent | ConversationEvent;

/** How the line of an ended call attempt says its outcome. */
export const endedCall: Record<CallOutcome, string> = {
  answered: 'call answered',
  voicemail: 'call reached voicemail',
  no_answer: 'call not answered',
  busy: 'call busy',
  failed: 'call failed',
  transferred: 'call ended after its transfer',
  opted_out: 'call ended with an opt-out',
};

const info = (message: string, fields: Record<string, unknown>): OutreachLogLine => ({
  level: 'info',
  message,
  fields,
});
const debug = (message: string, fields: Record<string, unknown>): OutreachLogLine => ({
  level: 'debug',
  message,
  fields,
});

/** Fields present only when known: a line never shows `undefined`. */
const known = (fields: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));

const fromOrigin = (origin: RequestOrigin | undefined) =>
  origin
    ? {
        campaignId: origin.campaignId,
        contactId: origin.contactId,
        channel: origin.channel,
        attempt: origin.attempt,
        to: maskedAddress(origin.to),
      }
    : {};

/**
 * The line an appended event makes in the outreach log, or undefined when it is not an outreach
 * decision worth a line. Pure: ids come from the event, addresses are masked here.
 */
export const outreachLogLine = (
  event: Pick<NewEvent, 'type' | 'data' | 'metadata'>,
  origin?: RequestOrigin,
): OutreachLogLine | undefined => {
  const line = lineOf(event, origin);
  // The event's own time: on a virtual clock (the demo) it differs from the time the line is written.
  return line && { ...line, fields: { ...line.fields, occurredAt: event.metadata.occurredAt } };
};

const lineOf = (
  event: Pick<NewEvent, 'type' | 'data' | 'metadata'>,
  origin: RequestOrigin | undefined,
): OutreachLogLine | undefined => {
  const { companyId } = event.metadata;
  const watched = event as unknown as WatchedEvent;
  switch (watched.type) {
    case 'CampaignLaunched':
      return info('campaign launched', {
        companyId,
        campaignId: watched.data.campaignId,
        name: watched.data.name,
        contacts: watched.data.list.contactCount,
      });
    case 'CampaignPaused':
      return info('campaign paused', { companyId, campaignId: watched.data.campaignId });
    case 'CampaignResumed':
      return info('campaign resumed', { companyId, campaignId: watched.data.campaignId });
    case 'CampaignCompleted':
      return info(
        'campaign completed',
        known({ companyId, campaignId: watched.data.campaignId, reason: watched.data.reason }),
      );
    case 'CallRequested': {
      const { campaignId, contactId, callId, attempt, run, to, decision } = watched.data;
      return debug('call requested', {
        companyId,
        campaignId,
        contactId,
        callId,
        attempt,
        run,
        to: maskedAddress(to),
        localTime: decision.localTime,
      });
    }
    case 'CallPlaced': {
      const { campaignId, contactId, callId, carrierCallId, reconciled } = watched.data;
      return info(
        'call placed',
        known({
          companyId,
          ...fromOrigin(origin),
          campaignId,
          contactId,
          callId,
          carrierCallId: maskedCarrierCallId(carrierCallId),
          reconciled,
        }),
      );
    }
    case 'CallAttemptEnded': {
      const { campaignId, contactId, callId, attempt, outcome } = watched.data;
      return info(endedCall[outcome], { companyId, campaignId, contactId, callId, attempt, outcome });
    }
    case 'CallTransferred': {
      const { callId, to, campaignId, contactId } = watched.data;
      return info(
        'call transferred',
        known({ companyId, campaignId, contactId, callId, to: to === undefined ? undefined : maskedAddress(to) }),
      );
    }
    case 'CallRequestReleased': {
      const { campaignId, contactId, callId, reason } = watched.data;
      return info('call request released', { companyId, campaignId, contactId, callId, reason });
    }
    case 'NextAttemptScheduled': {
      const { campaignId, contactId, at, reason, localTime } = watched.data;
      if (windowRefusalOf(watched.type, reason))
        return debug(
          'outside calling window',
          known({ companyId, campaignId, contactId, reason, localTime, nextOpening: at }),
        );
      return debug('next attempt scheduled', { companyId, campaignId, contactId, reason, nextAttemptAt: at });
    }
    case 'CallsWithheld': {
      const { campaignId, contactId, reason } = watched.data;
      return info('calls withheld', { companyId, campaignId, contactId, reason });
    }
    case 'ContactMarkedCompleted':
    case 'ContactCompletedAllCalls': {
      const { campaignId, contactId, reason } = watched.data;
      return info(
        watched.type === 'ContactMarkedCompleted' ? 'contact completed' : 'contact completed for calls',
        known({ companyId, campaignId, contactId, reason }),
      );
    }
    case 'ContactOutreachResumed':
      return info(
        'contact outreach resumed',
        known({
          companyId,
          campaignId: watched.data.campaignId,
          contactId: watched.data.contactId,
          reason: watched.data.reason,
        }),
      );
    case 'MessageRequested': {
      const { messageId, campaignId, contactId, channel, step, to } = watched.data;
      return debug('message requested', {
        companyId,
        campaignId,
        contactId,
        messageId,
        channel,
        step,
        to: maskedAddress(to),
      });
    }
    case 'MessageSent': {
      const { messageId, carrierMessageId } = watched.data;
      return info('message sent', {
        companyId,
        ...fromOrigin(origin),
        messageId,
        carrierMessageId: maskedCarrierCallId(carrierMessageId),
      });
    }
    case 'MessageWithheld': {
      const { messageId, campaignId, contactId, channel, to, reason } = watched.data;
      return info('message withheld', {
        companyId,
        campaignId,
        contactId,
        messageId,
        channel,
        to: maskedAddress(to),
        reason,
      });
    }
    case 'MessageFailed': {
      const { messageId, reason, errorCode } = watched.data;
      return info('message failed', known({ companyId, ...fromOrigin(origin), messageId, reason, errorCode }));
    }
    case 'InboundMessageReceived': {
      const { address, campaignId, contactId, intent } = watched.data;
      return info(
        'message received',
        known({ companyId, campaignId, contactId, channel: 'sms', from: maskedAddress(address), intent }),
      );
    }
    case 'ContactOptedOut':
    case 'ContactOptedIn': {
      const { address, channel, source, campaignId, contactId, callId, messageId } = watched.data;
      const message = watched.type === 'ContactOptedOut' ? 'contact opted out' : 'contact opted in';
      return info(
        message,
        known({
          companyId,
          campaignId,
          contactId,
          callId,
          messageId,
          address: maskedAddress(address),
          channel,
          source,
        }),
      );
    }
    default:
      return undefined;
  }
};
