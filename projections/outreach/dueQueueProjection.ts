import type { CampaignEvent, EnrolledContact } from '../../domain/campaign/events.ts';
import { assertNever } from '../../domain/decider.ts';
import { enrollmentEvents, type EnrollmentEvent } from '../../domain/enrollment/events.ts';
import type { EnrollmentStatus } from '../../domain/enrollment/state.ts';
import { handledAlike, projectionOf, type EventHandler } from '../projection.ts';
import type { Doc } from '../readStore.ts';

export const DUE_QUEUE = 'due_queue';

/** One campaign contact as the dispatcher picks it: who to call, and since when it is due (absent: not due). */
export type DueContact = Doc & {
  campaignId: string;
  contactId: string;
  caseId: string;
  externalId: string;
  phone: string;
  email?: string;
  timezone: string;
  state?: string;
  areaCodeTimezones?: string[];
  status: EnrollmentStatus;
  /** UTC ISO instant; ISO strings of one format sort as the instants do. */
  dueAt?: string;
  /** The enrollment stream's revision this document reflects, -1 before its first event. */
  revision: number;
  openCallId?: string;
  /**
   * Set while an external invocation's call is due (the same instant as `dueAt`): the dispatcher takes
   * these first, and takes them even before the campaign's first run has started.
   */
  invokedDueAt?: string;
};

export const dueQueueId = (campaignId: string, contactId: string): string => `${campaignId}.${contactId}`;

const enrolled = (companyId: string, campaignId: string, contact: EnrolledContact, at: string): DueContact => ({
  _id: dueQueueId(campaignId, contact.contactId),
  companyId,
  campaignId,
  contactId: contact.contactId,
  caseId: contact.caseId,
  externalId: contact.externalId,
  phone: contact.phone,
  timezone: contact.timezone,
  ...(contact.email !== undefined ? { email: contact.email } : {}),
  ...(contact.state !== undefined ? { state: contact.state } : {}),
  ...(contact.areaCodeTimezones !== undefined ? { areaCodeTimezones: [...contact.areaCodeTimezones] } : {}),
  status: 'ACTIVE',
  // Due from the launch; the dispatcher holds contacts back until the first run that calls has started.
  dueAt: at,
  revision: -1,
});

type Change = Partial<Pick<DueContact, 'status' | 'dueAt' | 'openCallId' | 'invokedDueAt'>>;

/**
 * What each enrollment event changes; a field set to undefined leaves the document. An invocation's
 * mark lasts until its call is requested or the contact stops being due; a window that moves the call
 * later moves the mark with it.
 */
const changeOf = (event: EnrollmentEvent, current: Doc): Change => {
  switch (event.type) {
    case 'CallRequested':
      return { dueAt: undefined, openCallId: event.data.callId, invokedDueAt: undefined };
    case 'CallAttemptEnded':
      return { dueAt: undefined, openCallId: undefined, invokedDueAt: undefined };
    case 'CallRequestReleased':
      return { dueAt: event.data.at, openCallId: undefined };
    case 'NextAttemptScheduled':
      return {
        dueAt: event.data.at,
        ...(current['invokedDueAt'] !== undefined ? { invokedDueAt: event.data.at } : {}),
      };
    case 'CallsWithheld':
      return { dueAt: undefined, invokedDueAt: undefined };
    case 'ContactMarkedCompleted':
      return { status: 'COMPLETED', dueAt: undefined, invokedDueAt: undefined };
    case 'ContactCompletedAllCalls':
      return { status: 'COMPLETED_ALL_CALLS', dueAt: undefined, invokedDueAt: undefined };
    case 'ContactOutreachResumed':
      return { status: 'ACTIVE', dueAt: event.data.at };
    case 'ContactInvoked':
      return { dueAt: event.data.at, invokedDueAt: event.data.at };
    default:
      return assertNever(event);
  }
};

const applied = (current: Doc, change: Change, revision: number): Doc => {
  const next: Record<string, unknown> = { ...current, revision };
  for (const [field, value] of Object.entries(change)) {
    if (value === undefined) delete next[field];
    else next[field] = value;
  }
  return next as Doc;
};

type Fed = Extract<CampaignEvent, { type: 'ContactsEnrolled' }> | EnrollmentEvent;

/** An event on a contact's enrollment stream changes its document, which records the stream's revision. */
const moved: EventHandler<EnrollmentEvent> = (event) => {
  const revision = Number(event.revision);
  return [
    {
      collection: DUE_QUEUE,
      id: dueQueueId(event.data.campaignId, event.data.contactId),
      apply: (current) => (current ? applied(current, changeOf(event, current), revision) : null),
    },
  ];
};

/**
 * The dispatcher's queue: one document per campaign contact, indexed by (campaign, dueAt) so the next
 * batch is one indexed range read, whatever the number of contacts. Paused and completed campaigns are
 * filtered by the dispatcher through `dispatch_campaigns`, so a pause touches one document, not all.
 */
export const dueQueueProjection = projectionOf<Fed>({
  name: 'due_queue',
  version: 3,
  collections: [
    {
      name: DUE_QUEUE,
      // Campaign ids are unique across companies, so indexes lead with the campaign (smaller entries);
      // every query still filters by company.
      indexes: [
        {
          fields: [
            ['campaignId', 1],
            ['dueAt', 1],
          ],
        },
        {
          fields: [
            ['campaignId', 1],
            ['status', 1],
            ['_id', 1],
          ],
        },
        {
          fields: [
            ['campaignId', 1],
            ['invokedDueAt', 1],
          ],
        },
      ],
    },
  ],
  handlers: {
    ContactsEnrolled: (event) => {
      const { campaignId, contacts } = event.data;
      const { companyId, occurredAt } = event.metadata;
      return contacts.map((contact) => ({
        collection: DUE_QUEUE,
        id: dueQueueId(campaignId, contact.contactId),
        creates: true,
        apply: () => enrolled(companyId, campaignId, contact, occurredAt),
      }));
    },
    ...handledAlike(Object.keys(enrollmentEvents) as EnrollmentEvent['type'][], moved),
  },
});
