import { AGENTS, type AgentDoc } from '../../agents/agentsProjection.ts';
import {
  CAMPAIGN_CONTACTS,
  campaignContactId,
  type CampaignContactDoc,
} from '../../campaignContacts/campaignContactDocument.ts';
import { CAMPAIGNS } from '../../campaigns/campaignDocument.ts';
import { companyScope } from '../../companyScope.ts';
import { collection } from '../../collection.ts';
import type { Doc, Filter, ReadStore } from '../../readStore.ts';
import type { ReportQuery } from '../report.ts';
import { CALL_RECORDS, type CallRecordDoc } from './callRecordDocument.ts';

/** A call record with the contact it was for and the number it was made from, as both reports show it. */
export type CallRecordRow = CallRecordDoc & {
  readonly contactName: string | null;
  readonly caseId: string | null;
  readonly externalId: string | null;
  readonly from: string | null;
};

/** Where the caller fetches a call's recording through the API, never the carrier's own address. */
export const recordingPath = (row: Pick<CallRecordDoc, 'campaignId' | 'callId' | 'recordingUrl'>): string | null =>
  row.callId !== null && row.recordingUrl !== null
    ? `/v1/campaigns/${encodeURIComponent(row.campaignId)}/reports/calls/${encodeURIComponent(row.callId)}/recording`
    : null;

/** The campaign agent's number: every call of a campaign is made from it, and an agent's number never changes. */
const callerNumberOf = async (store: ReadStore, companyId: string, campaignId: string): Promise<string | null> => {
  const scope = companyScope(store, companyId);
  const campaign = await collection<Doc & { draft?: { agentId?: string } }>(scope, CAMPAIGNS).get(campaignId);
  const agentId = campaign?.draft?.agentId;
  const agent = agentId ? await collection<AgentDoc>(scope, AGENTS).get(agentId) : null;
  return agent?.callerNumber ?? null;
};

/** One page of call records in `sortField` order, each joined with its contact (a page's worth of reads). */
export const callRecordPage = async (
  store: ReadStore,
  query: ReportQuery,
  filters: readonly Filter[],
  sortField: 'requestedAt' | 'transferredAt',
  page: { readonly limit: number; readonly after?: string },
): Promise<{ items: CallRecordRow[]; next: string | null }> => {
  const scope = companyScope(store, query.companyId);
  const found = await collection<CallRecordDoc>(scope, CALL_RECORDS).find(
    { $and: [{ campaignId: query.campaignId }, ...filters] },
    { sort: [[sortField, 1]], limit: page.limit, ...(page.after ? { after: page.after } : {}) },
  );
  const records = found.items;
  const contactIds = [
    ...new Set(
      records.flatMap((record) =>
        record.contactId === null ? [] : [campaignContactId(query.campaignId, record.contactId)],
      ),
    ),
  ];
  const [contacts, from] = await Promise.all([
    collection<CampaignContactDoc>(scope, CAMPAIGN_CONTACTS).getMany(contactIds),
    records.length > 0 ? callerNumberOf(store, query.companyId, query.campaignId) : null,
  ]);
  const byId = new Map(contacts.map((contact) => [contact.contactId, contact]));
  const items = records.map((record): CallRecordRow => {
    const contact = record.contactId === null ? undefined : byId.get(record.contactId);
    const caller = record.direction === 'inbound' ? record.from : record.callId === null ? null : from;
    return {
      ...record,
      contactName: contact?.name ?? null,
      caseId: contact?.caseId ?? null,
      externalId: contact?.externalId ?? null,
      from: caller,
    };
  });
  return { items, next: found.next };
};

/** Records whose `field` (an ISO instant) lies in the query's window. */
export const windowFilters = (query: ReportQuery, field: string): Filter[] => [
  ...(query.window?.from !== undefined ? [{ [field]: { $gte: query.window.from } }] : []),
  ...(query.window?.until !== undefined ? [{ [field]: { $lt: query.window.until } }] : []),
];
