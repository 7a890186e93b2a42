import type { InboundRoute } from '../../domain/call/inboundRoute.ts';
import type { Doc } from '../readStore.ts';

export const CONTACT_TIMELINE = 'contact_timeline';
export const CONTACT_ANSWERS = 'contact_answers';

/** The newest entries a contact's timeline shows; older ones stay in the read model and the log. */
export const TIMELINE_ENTRIES = 200;

type Entry<Kind extends string> = Doc & {
  readonly kind: Kind;
  readonly campaignId: string;
  readonly contactId: string;
  /** When the entry began (a call's request, a message's request, a text's arrival): the timeline's order. */
  readonly at: string;
};

/** One call attempt (or call received) from its request to its end, with the transfer, summary and in-call opt-out it had. */
export type CallEntry = Entry<'call'> & {
  readonly callId: string;
  /** `inbound` when the contact called us: then `from` is their number, `to` ours, and `route` who took the call and why. */
  readonly direction: 'outbound' | 'inbound';
  readonly from: string | null;
  readonly route: InboundRoute | null;
  /** Whether the carrier has a recording of the call (a voicemail left, or a recorded campaign call). */
  readonly recorded: boolean;
  readonly attempt: number | null;
  readonly run: number | null;
  readonly to: string | null;
  readonly requestedAt: string | null;
  readonly placedAt: string | null;
  readonly answeredAt: string | null;
  readonly answeredBy: string | null;
  readonly outcome: string | null;
  readonly durationSeconds: number | null;
  readonly endedAt: string | null;
  readonly transferredAt: string | null;
  readonly transferredTo: string | null;
  readonly summary: string | null;
  readonly summaryAt: string | null;
  readonly optOutRequestedAt: string | null;
  /** A request the carrier never heard of, closed without counting as an attempt. */
  readonly releasedAt: string | null;
  readonly releaseReason: string | null;
};

/** The carrier's word on a message, from request to its last status; `withheld` was never sent. */
export type MessageStatus = 'requested' | 'queued' | 'sent' | 'delivered' | 'failed' | 'withheld';

export type MessageEntry = Entry<'message'> & {
  readonly messageId: string;
  readonly channel: string;
  readonly step: string;
  readonly to: string;
  readonly subject: string | null;
  /** The text of an SMS; an email's body is its template's, and only its subject is kept. */
  readonly body: string | null;
  readonly status: MessageStatus;
  readonly statusAt: string;
  readonly reason: string | null;
};

export type InboundEntry = Entry<'inbound'> & {
  readonly from: string;
  readonly to: string;
  readonly body: string;
  readonly intent: string;
};

export type ConsentEntry = Entry<'opt_out' | 'opt_in'> & {
  readonly address: string;
  readonly channel: string;
  readonly source: string;
  readonly keyword: string | null;
  readonly matched: string | null;
  readonly excerpt: string | null;
  readonly callId: string | null;
  readonly messageId: string | null;
  /** An admin's reopening: who (the API key) and why. */
  readonly by: string | null;
  readonly reason: string | null;
};

/** A change of the contact's outreach status: completed, completed_all_calls, resumed, calls_withheld, or invoked. */
export type StatusEntry = Entry<'status'> & { readonly change: string; readonly reason: string | null };

/** A message of the in-app conversation, `sent` by the company or `received` from the client. */
export type AppMessageEntry = Entry<'app_message'> & {
  readonly messageId: string;
  readonly direction: string;
  readonly body: string;
};

/** The company's mobile app changed status for the client: not_invited, invited, installed, uninstalled. */
export type AppStatusEntry = Entry<'app_status'> & { readonly appStatus: string };

export type AnswerValue = {
  readonly value: string | number | boolean | null;
  readonly at: string;
  readonly callId: string;
};

/** Case fields the contact's answers wrote through the campaign's field mappings, with the call and form they came from. */
export type CaseFieldsEntry = Entry<'case_fields_updated'> & {
  readonly listId: string;
  readonly caseId: string;
  readonly callId: string;
  readonly formId: string;
  /** Only the fields that changed; `null` cleared one. */
  readonly fields: Readonly<Record<string, AnswerValue['value']>>;
};

export type TimelineEntry =
  | CallEntry
  | MessageEntry
  | InboundEntry
  | ConsentEntry
  | StatusEntry
  | AppMessageEntry
  | AppStatusEntry
  | CaseFieldsEntry;

/** The agent's form answers for one campaign contact: the latest value of each field, and when. */
export type ContactAnswersDoc = Doc & {
  readonly campaignId: string;
  readonly contactId: string;
  readonly answers: Readonly<Record<string, AnswerValue>>;
};

/** Calls and messages are keyed by their own stream's name: their later events know nothing else. */
export const callEntryId = (callId: string): string => `call-${callId}`;
export const messageEntryId = (messageId: string): string => `message-${messageId}`;

/** What clients see of an entry: everything but the bookkeeping keys. */
export const timelineEntryJson = (entry: TimelineEntry): Record<string, unknown> => {
  const { _id, companyId: _company, campaignId: _campaign, contactId: _contact, ...shown } = entry;
  return shown;
};
