import type { Filter } from '../../readStore.ts';
import { dateRangeFilters } from '../dateRange.ts';
import { filterProblems } from '../reportFilters.ts';
import type { Report, ReportColumn, ReportFilter } from '../report.ts';
import { callRecordPage, windowFilters, type CallRecordRow } from './callRecordRows.ts';

/**
 * Whether the handoff went through, from what the carrier reported of the call: `completed` when the
 * call ended after the transfer (the line was handed on), `in_progress` while it lasts, `failed` when the
 * call ended otherwise (the forwarded leg itself reports nothing of its own).
 */
const handoffOf = (row: CallRecordRow): 'completed' | 'in_progress' | 'failed' =>
  row.endedAt === null
    ? 'in_progress'
    : row.outcome === 'transferred' || row.carrierOutcome === 'transferred'
      ? 'completed'
      : 'failed';

const columns: readonly ReportColumn<CallRecordRow>[] = [
  { header: 'transferredAt', value: (row) => row.transferredAt },
  { header: 'callId', value: (row) => row.callId },
  { header: 'contactId', value: (row) => row.contactId },
  { header: 'contactName', value: (row) => row.contactName },
  { header: 'caseId', value: (row) => row.caseId },
  { header: 'externalId', value: (row) => row.externalId },
  { header: 'transferredTo', value: (row) => row.transferredTo },
  { header: 'handoff', value: handoffOf },
  { header: 'callOutcome', value: (row) => row.outcome },
  { header: 'endedAt', value: (row) => row.endedAt },
  { header: 'durationSeconds', value: (row) => row.durationSeconds },
  { header: 'summary', value: (row) => row.summary },
];

const item = (row: CallRecordRow): Record<string, unknown> =>
  Object.fromEntries(columns.map((column) => [column.header, column.value(row)]));

const filters: readonly ReportFilter[] = [
  { name: 'contactId', description: "one contact's transfers" },
  ...dateRangeFilters,
];

/** Each call the agent handed to a person at the firm, in the order of the handoffs, with the agent's handoff summary. */
export const transfersReport: Report<CallRecordRow> = {
  name: 'transfers',
  path: 'transfers',
  summary:
    'Calls the agent transferred to the firm: when, to which number, whether the handoff completed, and the handoff summary',
  filters,
  checkFilters: (given) => filterProblems(filters, given),
  columns,
  page: (store, query, page) => {
    const where: Filter[] = [{ transferredAt: { $ne: null } }, ...windowFilters(query, 'transferredAt')];
    if (query.filters['contactId'] !== undefined) where.push({ contactId: query.filters['contactId'] });
    return callRecordPage(store, query, where, 'transferredAt', page);
  },
  item,
};
