import {
  CAMPAIGN_CONTACTS,
  CAMPAIGN_PROGRESS,
  campaignContactJson,
  type CampaignContactDoc,
  type CampaignProgressDoc,
} from '../../campaignContacts/campaignContactDocument.ts';
import { collection } from '../../collection.ts';
import { companyScope } from '../../companyScope.ts';
import type { Filter } from '../../readStore.ts';
import { dateRangeFilters } from '../dateRange.ts';
import type { Report, ReportColumn, ReportFilter } from '../report.ts';
import { campaignSlice, CONTACT_ENGAGEMENT, type ContactEngagementDoc } from './contactEngagementDocument.ts';
import { filterProblems, lastActivityIn } from '../reportFilters.ts';

/** A contact's outreach totals, with where its calls stand as the contacts list tells it. */
export type ContactsRow = ContactEngagementDoc & {
  readonly lastOutcome: string | null;
  readonly nextAttemptAt: string | null;
};

const filters: readonly ReportFilter[] = [
  {
    name: 'status',
    description: "the contact's outreach status",
    values: ['active', 'completed', 'completed_all_calls'],
  },
  ...dateRangeFilters,
];

const columns: readonly ReportColumn<ContactsRow>[] = [
  { header: 'contactId', value: (row) => row.contactId },
  { header: 'caseId', value: (row) => row.caseId },
  { header: 'externalId', value: (row) => row.externalId },
  { header: 'name', value: (row) => row.name ?? null },
  { header: 'status', value: (row) => row.status },
  { header: 'callsPlaced', value: (row) => row.callsPlaced },
  { header: 'callsAnswered', value: (row) => row.callsAnswered },
  { header: 'textsSent', value: (row) => row.smsSent },
  { header: 'textsReceived', value: (row) => row.smsReceived },
  { header: 'emailsSent', value: (row) => row.emailSent },
  { header: 'inAppSent', value: (row) => row.inAppSent },
  { header: 'inAppReceived', value: (row) => row.inAppReceived },
  { header: 'lastOutcome', value: (row) => row.lastOutcome },
  { header: 'lastActivityAt', value: (row) => row.lastActivityAt ?? null },
  { header: 'nextAttemptAt', value: (row) => row.nextAttemptAt },
];

/**
 * Contacts: outreach grouped by contact, in enrolment order: calls placed and answered, texts,
 * emails and in-app messages, the last activity, the status and the next call planned. The next
 * attempt and last outcome are read, a page at a time, from the same model as the contacts list.
 */
export const contactsReport: Report<ContactsRow> = {
  name: 'contacts',
  path: 'contacts',
  summary:
    'Outreach grouped by contact: calls placed and answered, texts, emails, in-app messages, last activity, status and next attempt; `from`/`to` bound the last activity',
  filters,
  checkFilters: (given) => filterProblems(filters, given),
  columns,
  page: async (store, query, page) => {
    const scope = companyScope(store, query.companyId);
    const { status } = query.filters;
    const filter: Filter = {
      $and: [
        ...campaignSlice(query.campaignId, status !== undefined ? { status } : {}, page.after),
        ...lastActivityIn(query.window),
      ],
    };
    const found = await collection<ContactEngagementDoc>(scope, CONTACT_ENGAGEMENT).find(filter, { limit: page.limit });
    const [progress, contacts] = await Promise.all([
      collection<CampaignProgressDoc>(scope, CAMPAIGN_PROGRESS).get(query.campaignId),
      collection<CampaignContactDoc>(scope, CAMPAIGN_CONTACTS).getMany(found.items.map((doc) => doc._id)),
    ]);
    const byId = new Map(contacts.map((doc) => [doc._id, campaignContactJson(doc, progress?.calls ?? false)]));
    const items = found.items.map((doc): ContactsRow => {
      const contact = byId.get(doc._id);
      return {
        ...doc,
        lastOutcome: (contact?.['lastOutcome'] as string | null) ?? null,
        nextAttemptAt: (contact?.['nextAttemptAt'] as string | null) ?? null,
      };
    });
    return { items, next: found.next };
  },
  item: (row) => Object.fromEntries(columns.map((column) => [column.header, column.value(row)])),
};
