import type { EnrolledContact } from '../../domain/campaign/events.ts';
import type { Doc, Filter } from '../readStore.ts';

export const CAMPAIGN_CONTACTS = 'campaign_contacts';
export const CAMPAIGN_PROGRESS = 'campaign_progress';

/** The statuses clients filter by: the enrollment statuses in the API's spelling. */
export type CampaignContactStatus = 'active' | 'completed' | 'completed_all_calls';

/**
 * One campaign contact as people look for it (name, external id, phone, email) and as the completion
 * scheduler asks it: is a call still open or planned (`callsOpen`), is a message step still to review
 * or send (`messagesOpen`). The `*Key` fields are the search forms of the visible ones.
 */
export type CampaignContactDoc = Doc & {
  campaignId: string;
  contactId: string;
  caseId: string;
  externalId: string;
  name?: string;
  phone: string;
  email?: string;
  status: CampaignContactStatus;
  attempts: number;
  lastOutcome?: string;
  lastActivityAt: string;
  nextAttemptAt?: string;
  nextMessageAt?: string;
  nameKey: string;
  lastNameKey: string;
  externalIdKey: string;
  phoneDigits: string;
  emailKey?: string;
  callsOpen: boolean;
  messagesOpen: boolean;
  openCallId?: string;
  withheld?: string;
  /** Facts the workflow runner reviews (enrolment, each ended call, each form answer) and how many it has reviewed. */
  facts: number;
  factsSeen: number;
  /** Message steps planned and not yet requested or withheld: step id to due time. */
  pendingSteps: Record<string, string>;
  doneSteps: string[];
};

/** A launched campaign's enrolment and what it reaches people by, for completion. */
export type CampaignProgressDoc = Doc & {
  campaignId: string;
  status: 'ACTIVE' | 'PAUSED' | 'COMPLETED';
  launchedAt: string;
  /** Contacts the launch froze, and those whose enrolment this read model has seen so far. */
  contactCount: number;
  enrolled: number;
  /** The campaign has runs that call, or workflows that send: only then can those keep a contact open. */
  calls: boolean;
  messages: boolean;
};

export const campaignContactId = (campaignId: string, contactId: string): string => `${campaignId}.${contactId}`;

/**
 * One campaign's contacts, with one status or all: all are a range of ids, read in id order and left
 * at a page's end; one status is the (campaign, status, id) index, also in id order.
 */
export const campaignContactsOf = (campaignId: string, status?: CampaignContactStatus): Filter => ({
  ...(status === undefined ? {} : { campaignId, status }),
  _id: { $gt: `${campaignId}.`, $lt: `${campaignId}/` },
});

const lower = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** Who an enrolled contact is, as every per-contact read model of a campaign keys and names them. */
export const enrolledIdentity = (companyId: string, campaignId: string, contact: EnrolledContact) => ({
  _id: campaignContactId(campaignId, contact.contactId),
  companyId,
  campaignId,
  contactId: contact.contactId,
  caseId: contact.caseId,
  externalId: contact.externalId,
  ...(contact.name !== undefined ? { name: contact.name } : {}),
});

/** The enrolled contact with its search keys; active and due from enrolment, as the due queue has it. */
export const enrolledContactDoc = (
  companyId: string,
  campaignId: string,
  contact: EnrolledContact,
  at: string,
): CampaignContactDoc => {
  const name = contact.name === undefined ? '' : lower(contact.name);
  // Assigned onto the identity, not spread from it: V8 builds a literal that opens with a spread field by field, ten times slower, and a launch builds one per contact.
  return Object.assign(enrolledIdentity(companyId, campaignId, contact), {
    phone: contact.phone,
    ...(contact.email !== undefined ? { email: contact.email, emailKey: lower(contact.email) } : {}),
    status: 'active' as const,
    attempts: 0,
    lastActivityAt: at,
    nextAttemptAt: at,
    nameKey: name,
    lastNameKey: name.split(' ').at(-1) ?? '',
    externalIdKey: lower(contact.externalId),
    phoneDigits: contact.phone.replace(/\D/g, ''),
    callsOpen: true,
    messagesOpen: true,
    facts: 1,
    factsSeen: 0,
    pendingSteps: {},
    doneSteps: [],
  });
};

/** The open flags worked out again from the facts they rest on. */
export const withOpenFlags = (doc: CampaignContactDoc): CampaignContactDoc => {
  const nextMessage = Object.values(doc.pendingSteps).sort()[0];
  const { nextMessageAt: _old, ...rest } = doc;
  return {
    ...rest,
    ...(nextMessage !== undefined && doc.status !== 'completed' ? { nextMessageAt: nextMessage } : {}),
    // A call already placed keeps its contact open until it ends, whatever the contact's status.
    callsOpen:
      doc.openCallId !== undefined ||
      (doc.status === 'active' && doc.withheld === undefined && doc.nextAttemptAt !== undefined),
    messagesOpen: doc.status !== 'completed' && (Object.keys(doc.pendingSteps).length > 0 || doc.facts > doc.factsSeen),
  };
};

/** What clients see: the contact, never the bookkeeping behind search and completion. */
export const campaignContactJson = (doc: CampaignContactDoc, campaignCalls: boolean): Record<string, unknown> => ({
  campaignId: doc.campaignId,
  contactId: doc.contactId,
  caseId: doc.caseId,
  externalId: doc.externalId,
  name: doc.name ?? null,
  phone: doc.phone,
  email: doc.email ?? null,
  status: doc.status,
  attempts: doc.attempts,
  lastOutcome: doc.lastOutcome ?? null,
  lastActivityAt: doc.lastActivityAt,
  // A campaign that never calls plans no attempt, whatever the queue's bookkeeping says.
  nextAttemptAt: campaignCalls && doc.callsOpen && doc.openCallId === undefined ? (doc.nextAttemptAt ?? null) : null,
  nextMessageAt: doc.nextMessageAt ?? null,
});
