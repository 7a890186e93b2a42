import { assertNever } from '../../domain/decider.ts';
import type { RecordedEvent } from '../../domain/events/event.ts';
import type { MessageEvent } from '../../domain/message/events.ts';
import type { DocumentUpdate } from '../projection.ts';
import { messageEntryId, type MessageEntry, type MessageStatus } from './timelineEntry.ts';
import { entryUpdate, newEntry } from './timelineUpdates.ts';

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

type MessageFacts = {
  readonly messageId: string;
  readonly campaignId: string;
  readonly contactId: string;
  readonly channel: MessageEntry['channel'];
  readonly step: MessageEntry['step'];
  readonly to: string;
};

/** A new message entry: what a request and a withheld message share, at `at`, with the rest they differ in. */
const messageEntry = (
  companyId: string,
  d: MessageFacts,
  at: string,
  rest: Pick<MessageEntry, 'subject' | 'body' | 'status' | 'reason'>,
) =>
  newEntry({
    _id: messageEntryId(d.messageId),
    companyId,
    kind: 'message',
    campaignId: d.campaignId,
    contactId: d.contactId,
    at,
    messageId: d.messageId,
    channel: d.channel,
    step: d.step,
    to: d.to,
    statusAt: at,
    ...rest,
  });

/** A message on the timeline: from its request to its last status, or withheld. */
export const projectMessage = (event: RecordedEvent<MessageEvent>): DocumentUpdate[] => {
  const { companyId } = event.metadata;
  switch (event.type) {
    case 'MessageRequested': {
      const d = event.data;
      const text = d.channel === 'sms' ? { subject: null, body: d.body } : { subject: d.subject ?? null, body: null };
      return [messageEntry(companyId, d, d.requestedAt, { ...text, status: 'requested', reason: null })];
    }
    case 'MessageWithheld': {
      const d = event.data;
      return [messageEntry(companyId, d, d.at, { subject: null, body: null, status: 'withheld', reason: d.reason })];
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
