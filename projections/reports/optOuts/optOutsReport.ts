import { concreteChannels } from '../../../domain/consent/decider.ts';
import { ConsentChannel, OptOutSource } from '../../../domain/consent/events.ts';
import {
  CAMPAIGN_CONTACTS,
  campaignContactId,
  type CampaignContactDoc,
} from '../../campaignContacts/campaignContactDocument.ts';
import { collection } from '../../collection.ts';
import { companyScope } from '../../companyScope.ts';
import {
  CAMPAIGN_OPT_OUTS,
  CONSENT_REOPENINGS,
  reopeningsId,
  type CampaignOptOutDoc,
  type ConsentReopeningsDoc,
  type Reopening,
} from '../../consent/campaignOptOutsProjection.ts';
import type { Filter } from '../../readStore.ts';
import { windowFilters } from '../calls/callRecordRows.ts';
import { dateRangeFilters } from '../dateRange.ts';
import { filterProblems } from '../reportFilters.ts';
import type { Report, ReportFilter, ReportQuery } from '../report.ts';

/** An opt-out heard in the campaign, with the contact's name and the reopening that followed it, if any. */
export type OptOutRow = CampaignOptOutDoc & { readonly name: string | null; readonly reopening: Reopening | null };

const channels = Object.keys(ConsentChannel.keys);
const sources = Object.keys(OptOutSource.keys);

const filters: readonly ReportFilter[] = [
  { name: 'channel', description: 'the channel the opt-out blocked', values: channels },
  { name: 'source', description: 'how it was asked', values: sources },
  { name: 'contactId', description: "one contact's opt-outs" },
  ...dateRangeFilters,
];

const rowsOf = (query: ReportQuery): Filter => {
  const { channel, source, contactId } = query.filters;
  const own: Filter = {
    campaignId: query.campaignId,
    ...(channel ? { channel } : {}),
    ...(source ? { source } : {}),
    ...(contactId ? { contactId } : {}),
  };
  return { $and: [own, ...windowFilters(query, 'at')] };
};

/** The first reopening after the opt-out that turned back on a channel it blocked. */
export const reopeningOf = (row: CampaignOptOutDoc, reopenings: readonly Reopening[]): Reopening | null => {
  const blocked = concreteChannels(row.channel as ConsentChannel, row.addressKind);
  return (
    reopenings.find(
      (r) =>
        r.at >= row.at &&
        concreteChannels(r.channel as ConsentChannel, row.addressKind).some((c) => blocked.includes(c)),
    ) ?? null
  );
};

const text = (value: string | null | undefined): string | null => value ?? null;

/**
 * The Opt-Outs report: every opt-out heard in the campaign, oldest first (its date is when the person
 * asked), with who (contact id, name, the address as the company holds it), the channel, how
 * (`source`), the words received and the rule that read them, and the reopening (who, why, when).
 */
export const optOutsReport: Report<OptOutRow> = {
  name: 'opt_outs',
  path: 'opt-outs',
  summary: 'Opt-outs heard in the campaign: who, channel, how, when, the words received, and any reopening',
  filters,
  checkFilters: (given) => filterProblems(filters, given),
  columns: [
    { header: 'at', value: (row) => row.at },
    { header: 'contactId', value: (row) => row.contactId },
    { header: 'name', value: (row) => row.name },
    { header: 'address', value: (row) => row.address },
    { header: 'channel', value: (row) => row.channel },
    { header: 'source', value: (row) => row.source },
    { header: 'keyword', value: (row) => row.keyword },
    { header: 'matched', value: (row) => row.matched },
    { header: 'excerpt', value: (row) => row.excerpt },
    { header: 'callId', value: (row) => row.callId },
    { header: 'messageId', value: (row) => row.messageId },
    { header: 'reopenedAt', value: (row) => text(row.reopening?.at) },
    { header: 'reopenedChannel', value: (row) => text(row.reopening?.channel) },
    { header: 'reopenedBy', value: (row) => text(row.reopening?.by ?? (row.reopening ? 'contact' : null)) },
    { header: 'reopenReason', value: (row) => text(row.reopening?.reason ?? row.reopening?.keyword) },
  ],
  page: async (store, query, page) => {
    const scope = companyScope(store, query.companyId);
    const found = await collection<CampaignOptOutDoc>(scope, CAMPAIGN_OPT_OUTS).find(rowsOf(query), {
      sort: [['at', 1]],
      limit: page.limit,
      ...(page.after ? { after: page.after } : {}),
    });
    const rows = found.items;
    const contactIds = [
      ...new Set(rows.flatMap((row) => (row.contactId ? [campaignContactId(query.campaignId, row.contactId)] : []))),
    ];
    const addresses = [...new Set(rows.map((row) => reopeningsId(query.companyId, row.address)))];
    const [contacts, reopened] = await Promise.all([
      collection<CampaignContactDoc>(scope, CAMPAIGN_CONTACTS).getMany(contactIds),
      collection<ConsentReopeningsDoc>(scope, CONSENT_REOPENINGS).getMany(addresses),
    ]);
    const names = new Map(contacts.map((c) => [c.contactId, c.name ?? null]));
    const reopenings = new Map(reopened.map((doc) => [doc.address, doc.reopenings]));
    const items = rows.map((row) => ({
      ...row,
      name: row.contactId ? (names.get(row.contactId) ?? null) : null,
      reopening: reopeningOf(row, reopenings.get(row.address) ?? []),
    }));
    return { items, next: found.next };
  },
  item: ({ _id, companyId: _company, addressKind: _kind, ...row }) => ({ id: _id, ...row }),
};
