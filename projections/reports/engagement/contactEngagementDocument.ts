import type { EnrolledContact } from '../../../domain/campaign/events.ts';
import { MobileAppStatus } from '../../../domain/mobileApp/events.ts';
import { enrolledIdentity, type CampaignContactStatus } from '../../campaignContacts/campaignContactDocument.ts';
import { ValidationError } from '../../../domain/errors.ts';
import { decodeCursor } from '../../query/keyset.ts';
import type { Doc, Filter, Sort } from '../../readStore.ts';

export const CONTACT_ENGAGEMENT = 'contact_engagement';

/** The mobile app statuses the app reports, and `unknown` until anything says. */
export const appStatuses = [...Object.keys(MobileAppStatus.keys), 'unknown'] as const;
export type AppStatus = MobileAppStatus | 'unknown';

/** How far the agent got with the campaign's form for a contact; `no_form` when the campaign has none. */
export const taskStatuses = ['complete', 'partial', 'not_started', 'no_form'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

/**
 * One campaign contact's outreach and replies, counted from events as they happen: what both the
 * Client Engagement and the Contacts report show of it.
 */
export type ContactEngagementDoc = Doc & {
  campaignId: string;
  contactId: string;
  caseId: string;
  externalId: string;
  name?: string;
  status: CampaignContactStatus;
  appStatus: AppStatus;
  callsPlaced: number;
  callsAnswered: number;
  /** Calls the contact made to the campaign's number. */
  callsReceived: number;
  smsSent: number;
  smsReceived: number;
  emailSent: number;
  emailReceived: number;
  inAppSent: number;
  inAppReceived: number;
  /** The form fields the task asks for, as launch froze them; absent when the campaign has no form. */
  taskFields?: string[];
  /** Fields the agent answered (a later null answer takes one back). */
  answered: string[];
  taskStatus: TaskStatus;
  missingFields: string[];
  lastSummary?: string;
  lastSummaryAt?: string;
  lastActivityAt?: string;
};

/** A list's free-text app status read as one of ours when it is one (`Installed`, `not installed`), else unknown. */
export const appStatusOf = (listed: string | undefined): AppStatus => {
  const word = (listed ?? '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return MobileAppStatus.is(word) ? word : 'unknown';
};

/** The task's status and missing fields (in the form's order) from the answers taken so far. */
export const withTask = (doc: ContactEngagementDoc): ContactEngagementDoc => {
  if (doc.taskFields === undefined) return { ...doc, taskStatus: 'no_form', missingFields: [] };
  const missingFields = doc.taskFields.filter((field) => !doc.answered.includes(field));
  const taskStatus: TaskStatus =
    doc.answered.length === 0 ? 'not_started' : missingFields.length === 0 ? 'complete' : 'partial';
  return { ...doc, taskStatus, missingFields };
};

/** A contact as enrolment leaves it: nothing counted yet, its task not started (or no form at all). */
export const enrolledEngagementDoc = (
  companyId: string,
  campaignId: string,
  contact: EnrolledContact,
  taskFields: readonly string[] | undefined,
): ContactEngagementDoc =>
  // Assigned onto the identity, not spread from it: a literal opening with a spread is built field by field, ten times slower, once per contact of a launch.
  Object.assign(enrolledIdentity(companyId, campaignId, contact), {
    status: 'active' as const,
    appStatus: appStatusOf(contact.mobileAppStatus),
    callsPlaced: 0,
    callsAnswered: 0,
    callsReceived: 0,
    smsSent: 0,
    smsReceived: 0,
    emailSent: 0,
    emailReceived: 0,
    inAppSent: 0,
    inAppReceived: 0,
    ...(taskFields !== undefined ? { taskFields: [...taskFields] } : {}),
    answered: [],
    // As `withTask` judges a contact with no answers: every task field missing.
    taskStatus: taskFields === undefined ? ('no_form' as const) : ('not_started' as const),
    missingFields: taskFields === undefined ? [] : [...taskFields],
  });

/** Pages follow enrolment order: the id alone. */
const idOrder: Sort = [['_id', 1]];

/** The later of the document's last activity and `at`. */
export const activeAt = (doc: ContactEngagementDoc, at: string): ContactEngagementDoc =>
  doc.lastActivityAt !== undefined && Date.parse(doc.lastActivityAt) >= Date.parse(at)
    ? doc
    : { ...doc, lastActivityAt: new Date(at).toISOString() };

/**
 * One campaign's documents with the given indexed values, a page after `after` (a cursor of a page in
 * id order), in enrolment order: all of them are a range of ids (they start with the campaign id);
 * chosen values lead with the campaign for their index. The cursor becomes the range's lower bound
 * itself, so a page deep into the campaign starts where it is instead of skipping every id before it.
 */
export const campaignSlice = (
  campaignId: string,
  chosen: Readonly<Record<string, string>>,
  after?: string,
): Filter[] => {
  const from = after === undefined ? `${campaignId}.` : decodeCursor(after, idOrder)[0];
  if (typeof from !== 'string' || !from.startsWith(`${campaignId}.`))
    throw new ValidationError('QUERY.BAD_CURSOR', 'the cursor does not belong to this query', [
      { path: 'after', message: 'not a cursor of this report' },
    ]);
  return [
    ...(Object.keys(chosen).length > 0 ? [{ campaignId, ...chosen }] : []),
    { _id: { $gt: from, $lt: `${campaignId}/` } },
  ];
};
