import { collection } from '../../collection.ts';
import { companyScope } from '../../companyScope.ts';
import type { Filter } from '../../readStore.ts';
import { dateRangeFilters } from '../dateRange.ts';
import type { Report, ReportColumn, ReportFilter } from '../report.ts';
import {
  appStatuses,
  campaignSlice,
  CONTACT_ENGAGEMENT,
  taskStatuses,
  type ContactEngagementDoc,
} from './contactEngagementDocument.ts';
import { filterProblems, lastActivityIn } from '../reportFilters.ts';

const filters: readonly ReportFilter[] = [
  { name: 'taskStatus', description: "how far the agent got with the campaign's form", values: taskStatuses },
  { name: 'appStatus', description: "the client's mobile app status", values: appStatuses },
  ...dateRangeFilters,
];

const outbound = (row: ContactEngagementDoc): number => row.smsSent + row.emailSent + row.inAppSent;
// Calls the contact made to the campaign's number are replies too; the campaign's own calls are not counted as sent.
const inbound = (row: ContactEngagementDoc): number =>
  row.smsReceived + row.emailReceived + row.inAppReceived + row.callsReceived;

const columns: readonly ReportColumn<ContactEngagementDoc>[] = [
  { header: 'contactId', value: (row) => row.contactId },
  { header: 'caseId', value: (row) => row.caseId },
  { header: 'externalId', value: (row) => row.externalId },
  { header: 'name', value: (row) => row.name ?? null },
  { header: 'mobileAppStatus', value: (row) => row.appStatus },
  { header: 'smsSent', value: (row) => row.smsSent },
  { header: 'smsReceived', value: (row) => row.smsReceived },
  { header: 'emailSent', value: (row) => row.emailSent },
  { header: 'emailReceived', value: (row) => row.emailReceived },
  { header: 'inAppSent', value: (row) => row.inAppSent },
  { header: 'inAppReceived', value: (row) => row.inAppReceived },
  { header: 'callsReceived', value: (row) => row.callsReceived },
  { header: 'totalOutbound', value: outbound },
  { header: 'totalInbound', value: inbound },
  { header: 'taskStatus', value: (row) => row.taskStatus },
  { header: 'missingFields', value: (row) => row.missingFields.join('; ') },
  { header: 'lastSummary', value: (row) => row.lastSummary ?? null },
  { header: 'lastSummaryAt', value: (row) => row.lastSummaryAt ?? null },
  { header: 'lastActivityAt', value: (row) => row.lastActivityAt ?? null },
];

/**
 * Client Engagement: one row per campaign contact, in enrolment order, with what went to them and
 * came back on each channel (calls they made to the campaign's number included), their mobile app status, their form task and the latest summary.
 */
export const engagementReport: Report<ContactEngagementDoc> = {
  name: 'engagement',
  path: 'engagement',
  summary:
    'Client engagement: messages sent and received by channel, mobile app status, form task and the latest conversation summary, per contact; `from`/`to` bound the last activity',
  filters,
  checkFilters: (given) => filterProblems(filters, given),
  columns,
  page: async (store, query, page) => {
    const { taskStatus, appStatus } = query.filters;
    const chosen = {
      ...(taskStatus !== undefined ? { taskStatus } : {}),
      ...(appStatus !== undefined ? { appStatus } : {}),
    };
    const filter: Filter = {
      $and: [...campaignSlice(query.campaignId, chosen, page.after), ...lastActivityIn(query.window)],
    };
    const found = await collection<ContactEngagementDoc>(companyScope(store, query.companyId), CONTACT_ENGAGEMENT).find(
      filter,
      { limit: page.limit },
    );
    return { items: [...found.items], next: found.next };
  },
  item: (row) => ({
    ...Object.fromEntries(columns.map((column) => [column.header, column.value(row)])),
    missingFields: row.missingFields,
  }),
};
