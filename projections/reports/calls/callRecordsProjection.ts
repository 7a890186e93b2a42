import type { CallEvent } from '../../../domain/call/events.ts';
import type { EnrollmentEvent } from '../../../domain/enrollment/events.ts';
import type { RecordedEvent } from '../../../domain/events/event.ts';
import { windowRefusalOf } from '../../../domain/outreach/windowRefusal.ts';
import { projectionOf, type DocumentUpdate } from '../../projection.ts';
import { CALL_RECORDS, emptyCallRecord, outcomeOf, type CallRecordDoc } from './callRecordDocument.ts';

type Fed =
  | Extract<
      EnrollmentEvent,
      { type: 'CallRequested' | 'CallAttemptEnded' | 'CallRequestReleased' | 'NextAttemptScheduled' | 'CallsWithheld' }
    >
  | Extract<
      CallEvent,
      {
        type:
          | 'InboundCallReceived'
          | 'CallPlaced'
          | 'CallProgressed'
          | 'CallCompleted'
          | 'RecordingAvailable'
          | 'CallTransferred'
          | 'CallSummaryRecorded';
      }
    >;

/** A change to a requested call's record; events of a call never requested here change nothing. */
const change = (callId: string, apply: (current: CallRecordDoc) => Partial<CallRecordDoc>): DocumentUpdate => ({
  collection: CALL_RECORDS,
  id: callId,
  apply: (current) => {
    if (!current) return null;
    const next = { ...(current as CallRecordDoc), ...apply(current as CallRecordDoc) };
    return { ...next, outcome: outcomeOf(next) };
  },
});

const refusal = (
  event: RecordedEvent<Fed>,
  refusedBecause: string,
  refusedAt: string,
  nextAttemptAt: string | null,
  run: number | null,
): DocumentUpdate => {
  const { campaignId, contactId } = event.data as { campaignId: string; contactId: string };
  const doc: CallRecordDoc = {
    ...emptyCallRecord(event.id, event.metadata.companyId, campaignId, contactId, refusedAt),
    outcome: 'refused_by_window',
    refusedBecause,
    nextAttemptAt,
    run,
  };
  return { collection: CALL_RECORDS, id: event.id, creates: true, apply: () => doc };
};

/**
 * The calls report's read model: one record per requested call, one per inbound call a campaign
 * took, and one per due call the calling window refused, each carrying what an auditor asks of it. The transfers report reads the same
 * records, those with a transfer.
 */
export const callRecordsProjection = projectionOf<Fed>({
  name: 'call_records',
  version: 2,
  collections: [
    {
      name: CALL_RECORDS,
      indexes: [
        {
          fields: [
            ['companyId', 1],
            ['campaignId', 1],
            ['requestedAt', 1],
          ],
        },
        {
          fields: [
            ['companyId', 1],
            ['campaignId', 1],
            ['contactId', 1],
            ['requestedAt', 1],
          ],
        },
        {
          fields: [
            ['companyId', 1],
            ['campaignId', 1],
            ['transferredAt', 1],
          ],
        },
      ],
      filterFields: ['outcome', 'direction'],
    },
  ],
  handlers: {
    CallRequested: (event) => {
      const { callId, campaignId, contactId, attempt, run, to, requestedAt, decision } = event.data;
      const doc: CallRecordDoc = {
        ...emptyCallRecord(callId, event.metadata.companyId, campaignId, contactId, requestedAt),
        callId,
        to,
        attempt,
        run,
        localTime: decision.localTime,
        timezone: decision.timezone,
        windowOpensAt: decision.window.opensAt ?? null,
        windowClosesAt: decision.window.closesAt ?? null,
        capacity: decision.capacity,
      };
      return [{ collection: CALL_RECORDS, id: callId, creates: true, apply: (current) => current ?? doc }];
    },
    InboundCallReceived: (event) => {
      const { callId, campaignId, contactId, from, to, receivedAt, route } = event.data;
      // A call to a number serving no campaign is in no campaign's report.
      if (campaignId === undefined) return [];
      const doc: CallRecordDoc = {
        ...emptyCallRecord(callId, event.metadata.companyId, campaignId, contactId ?? null, receivedAt),
        callId,
        direction: 'inbound',
        from,
        to,
        route,
        placedAt: receivedAt,
        localTime: route.localTime ?? null,
        timezone: route.timezone ?? null,
      };
      return [{ collection: CALL_RECORDS, id: callId, creates: true, apply: (current) => current ?? doc }];
    },
    CallAttemptEnded: (event) => [
      change(event.data.callId, (current) => ({
        attemptOutcome: event.data.outcome,
        endedAt: current.endedAt ?? event.data.endedAt,
      })),
    ],
    CallRequestReleased: (event) => [change(event.data.callId, () => ({ releasedBecause: event.data.reason }))],
    NextAttemptScheduled: (event) => {
      const why = windowRefusalOf(event.type, event.data.reason);
      return why ? [refusal(event, why, event.metadata.occurredAt, event.data.at, event.data.run ?? null)] : [];
    },
    CallsWithheld: (event) => {
      const why = windowRefusalOf(event.type, event.data.reason);
      return why ? [refusal(event, why, event.data.at, null, null)] : [];
    },
    CallPlaced: (event) => [change(event.data.callId, () => ({ placedAt: event.data.placedAt }))],
    CallProgressed: (event) => {
      const { progress, reportedAt, answeredBy } = event.data;
      return [
        change(event.data.callId, (current) => ({
          ...(progress === 'in_progress' && current.answeredAt === null ? { answeredAt: reportedAt } : {}),
          ...(answeredBy ? { answeredBy } : {}),
        })),
      ];
    },
    CallCompleted: (event) => {
      const { outcome, durationSeconds, endedAt, answeredBy } = event.data;
      return [
        change(event.data.callId, () => ({
          carrierOutcome: outcome,
          durationSeconds,
          // The carrier's word on when the line dropped.
          endedAt,
          ...(answeredBy ? { answeredBy } : {}),
        })),
      ];
    },
    RecordingAvailable: (event) => [change(event.data.callId, () => ({ recordingUrl: event.data.url }))],
    CallTransferred: (event) => [
      change(event.data.callId, () => ({ transferredAt: event.data.at, transferredTo: event.data.to ?? null })),
    ],
    CallSummaryRecorded: (event) => [change(event.data.callId, () => ({ summary: event.data.summary }))],
  },
});
