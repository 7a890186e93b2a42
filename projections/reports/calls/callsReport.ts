import type { ErrorDetail } from '../../../domain/errors.ts';
import type { Filter } from '../../readStore.ts';
import { dateRangeFilters } from '../dateRange.ts';
import { filterProblems } from '../reportFilters.ts';
import type { Report, ReportColumn, ReportFilter } from '../report.ts';
import { callDirections, callRecordOutcomes } from './callRecordDocument.ts';
import { callRecordPage, recordingPath, windowFilters, type CallRecordRow } from './callRecordRows.ts';

const outcomes = new Set<string>(callRecordOutcomes);

/** `answered,voicemail`: one or more outcomes, comma-separated. */
const outcomeList = (text: string): string[] => text.split(',').map((word) => word.trim());

const outcomeProblem = (name: string, text: string | undefined): ErrorDetail[] => {
  if (text === undefined) return [];
  const unknown = outcomeList(text).filter((word) => !outcomes.has(word));
  return unknown.length === 0
    ? []
    : [{ path: name, message: `not an outcome: ${unknown.join(', ')}; expected ${callRecordOutcomes.join(', ')}` }];
};

const filters: readonly ReportFilter[] = [
  { name: 'outcome', description: `one or more of ${callRecordOutcomes.join(', ')}, comma-separated` },
  { name: 'status', description: 'the same as `outcome` (both apply when both are given)' },
  {
    name: 'direction',
    description: "outbound, or inbound (calls people made to the campaign's number)",
    values: callDirections,
  },
  { name: 'contactId', description: "one contact's records" },
  ...dateRangeFilters,
];

const checkFilters = (given: Readonly<Record<string, string>>): ErrorDetail[] =>
  filterProblems(filters, given, [
    ...outcomeProblem('outcome', given['outcome']),
    ...outcomeProblem('status', given['status']),
  ]);

const columns: readonly ReportColumn<CallRecordRow>[] = [
  { header: 'callId', value: (row) => row.callId },
  { header: 'contactId', value: (row) => row.contactId },
  { header: 'contactName', value: (row) => row.contactName },
  { header: 'caseId', value: (row) => row.caseId },
  { header: 'externalId', value: (row) => row.externalId },
  { header: 'direction', value: (row) => row.direction },
  { header: 'from', value: (row) => row.from },
  { header: 'to', value: (row) => row.to },
  { header: 'outcome', value: (row) => row.outcome },
  { header: 'attempt', value: (row) => row.attempt },
  { header: 'run', value: (row) => row.run },
  { header: 'requestedAt', value: (row) => row.requestedAt },
  { header: 'placedAt', value: (row) => row.placedAt },
  { header: 'answeredAt', value: (row) => row.answeredAt },
  { header: 'answeredBy', value: (row) => row.answeredBy },
  { header: 'endedAt', value: (row) => row.endedAt },
  { header: 'durationSeconds', value: (row) => row.durationSeconds },
  { header: 'recording', value: recordingPath },
  { header: 'transferredAt', value: (row) => row.transferredAt },
  { header: 'localTime', value: (row) => row.localTime },
  { header: 'timezone', value: (row) => row.timezone },
  { header: 'windowOpensAt', value: (row) => row.windowOpensAt },
  { header: 'windowClosesAt', value: (row) => row.windowClosesAt },
  { header: 'capacityAvailable', value: (row) => row.capacity?.available ?? null },
  { header: 'callsInFlight', value: (row) => row.capacity?.inFlight ?? null },
  { header: 'concurrencyLimit', value: (row) => row.capacity?.limit ?? null },
  { header: 'outboundLines', value: (row) => row.capacity?.lines ?? null },
  { header: 'concurrencyRate', value: (row) => row.capacity?.rate ?? null },
  { header: 'pacingPerMinute', value: (row) => row.capacity?.pacing ?? null },
  { header: 'refusedBecause', value: (row) => row.refusedBecause },
  { header: 'nextAttemptAt', value: (row) => row.nextAttemptAt },
  { header: 'routeAction', value: (row) => row.route?.action ?? null },
  { header: 'routeReason', value: (row) => row.route?.reason ?? null },
  { header: 'routeFallback', value: (row) => row.route?.fallback ?? null },
];

/** A call record as a JSON page shows it: the decision's inputs together, no carrier addresses. */
const item = (row: CallRecordRow): Record<string, unknown> => ({
  id: row._id,
  callId: row.callId,
  contactId: row.contactId,
  contactName: row.contactName,
  caseId: row.caseId,
  externalId: row.externalId,
  direction: row.direction,
  from: row.from,
  to: row.to,
  outcome: row.outcome,
  attempt: row.attempt,
  run: row.run,
  requestedAt: row.requestedAt,
  placedAt: row.placedAt,
  answeredAt: row.answeredAt,
  answeredBy: row.answeredBy,
  endedAt: row.endedAt,
  durationSeconds: row.durationSeconds,
  recording: recordingPath(row),
  transferredAt: row.transferredAt,
  decision:
    row.callId === null || row.direction === 'inbound'
      ? null
      : {
          localTime: row.localTime,
          timezone: row.timezone,
          window: { opensAt: row.windowOpensAt, closesAt: row.windowClosesAt },
          capacity: row.capacity,
        },
  refusal: row.refusedBecause === null ? null : { reason: row.refusedBecause, nextAttemptAt: row.nextAttemptAt },
  route: row.route,
});

/**
 * Every call of the campaign, made or received, and every due call its calling window refused, in the
 * order they were requested, received or refused. An inbound call's row has its caller as `from` and
 * its route (who took it and why, with the local time and zone) as `route`.
 */
export const callsReport: Report<CallRecordRow> = {
  name: 'calls',
  path: 'calls',
  summary:
    "The campaign's call records: each call's times, outcome, recording link and the inputs of its dispatch decision",
  filters,
  checkFilters,
  columns,
  page: (store, query, page) => {
    const { filters } = query;
    const where: Filter[] = windowFilters(query, 'requestedAt');
    for (const name of ['outcome', 'status'] as const)
      if (filters[name] !== undefined) where.push({ outcome: { $in: outcomeList(filters[name]) } });
    if (filters['direction'] !== undefined) where.push({ direction: filters['direction'] });
    if (filters['contactId'] !== undefined) where.push({ contactId: filters['contactId'] });
    return callRecordPage(store, query, where, 'requestedAt', page);
  },
  item,
};
