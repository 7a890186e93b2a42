import type { CallEvent } from '../../domain/call/events.ts';
import { assertNever } from '../../domain/decider.ts';
import type { RecordedEvent } from '../../domain/events/event.ts';
import { campaignContactId } from '../campaignContacts/campaignContactDocument.ts';
import type { DocumentUpdate } from '../projection.ts';
import {
  CONTACT_ANSWERS,
  CONTACT_TIMELINE,
  callEntryId,
  type CallEntry,
  type ContactAnswersDoc,
} from './timelineEntry.ts';
import { entryUpdate, newEntry } from './timelineUpdates.ts';

export const callEntry = (
  companyId: string,
  campaignId: string,
  contactId: string,
  callId: string,
  at: string,
): CallEntry => ({
  _id: callEntryId(callId),
  companyId,
  kind: 'call',
  campaignId,
  contactId,
  at,
  callId,
  direction: 'outbound',
  from: null,
  route: null,
  recorded: false,
  attempt: null,
  run: null,
  to: null,
  requestedAt: null,
  placedAt: null,
  answeredAt: null,
  answeredBy: null,
  outcome: null,
  durationSeconds: null,
  endedAt: null,
  transferredAt: null,
  transferredTo: null,
  summary: null,
  summaryAt: null,
  optOutRequestedAt: null,
  releasedAt: null,
  releaseReason: null,
});

export const callUpdate = (callId: string, change: (entry: CallEntry) => CallEntry) =>
  entryUpdate<CallEntry>(callEntryId(callId), change);

/** A call on the timeline: requested, placed or received, answered, ended, transferred, summarised. */
export const projectCall = (event: RecordedEvent<CallEvent>): DocumentUpdate[] => {
  const { companyId } = event.metadata;
  switch (event.type) {
    case 'CallPlaced': {
      const d = event.data;
      // An inbound call has no request before it: its placement begins its entry.
      return [
        {
          collection: CONTACT_TIMELINE,
          id: callEntryId(d.callId),
          apply: (current) => ({
            ...((current as CallEntry | undefined) ??
              callEntry(companyId, d.campaignId, d.contactId, d.callId, d.placedAt)),
            placedAt: d.placedAt,
          }),
        },
      ];
    }
    case 'InboundCallReceived': {
      const d = event.data;
      // An unknown caller (or a number serving no campaign) belongs to no contact's timeline.
      if (d.campaignId === undefined || d.contactId === undefined) return [];
      return [
        newEntry({
          ...callEntry(companyId, d.campaignId, d.contactId, d.callId, d.receivedAt),
          direction: 'inbound',
          from: d.from,
          to: d.to,
          route: d.route,
        }),
      ];
    }
    case 'CallProgressed': {
      const d = event.data;
      if (d.progress !== 'in_progress') return [];
      return [
        callUpdate(d.callId, (e) =>
          e.answeredAt ? e : { ...e, answeredAt: d.reportedAt, answeredBy: d.answeredBy ?? e.answeredBy },
        ),
      ];
    }
    case 'CallCompleted': {
      const d = event.data;
      return [
        callUpdate(d.callId, (e) => ({
          ...e,
          outcome: e.outcome ?? d.outcome,
          durationSeconds: d.durationSeconds,
          endedAt: e.endedAt ?? d.endedAt,
          answeredBy: d.answeredBy ?? e.answeredBy,
        })),
      ];
    }
    case 'CallTransferred': {
      const d = event.data;
      return [callUpdate(d.callId, (e) => ({ ...e, transferredAt: d.at, transferredTo: d.to ?? null }))];
    }
    case 'CallOptOutRequested': {
      const d = event.data;
      return [callUpdate(d.callId, (e) => ({ ...e, optOutRequestedAt: d.at }))];
    }
    case 'CallSummaryRecorded': {
      const d = event.data;
      return [callUpdate(d.callId, (e) => ({ ...e, summary: d.summary, summaryAt: d.at }))];
    }
    case 'FormAnswersRecorded': {
      const d = event.data;
      const id = campaignContactId(d.campaignId, d.contactId);
      const fresh = Object.fromEntries(
        Object.entries(d.answers).map(([field, value]) => [field, { value, at: d.at, callId: d.callId }]),
      );
      return [
        {
          collection: CONTACT_ANSWERS,
          id,
          apply: (current) => {
            const doc = (current as ContactAnswersDoc | undefined) ?? {
              _id: id,
              companyId,
              campaignId: d.campaignId,
              contactId: d.contactId,
              answers: {},
            };
            return { ...doc, answers: { ...doc.answers, ...fresh } };
          },
        },
      ];
    }
    case 'RecordingAvailable':
      return [callUpdate(event.data.callId, (e) => ({ ...e, recorded: true }))];
    default:
      return assertNever(event);
  }
};
