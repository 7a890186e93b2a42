import type { CallEvent } from '../../domain/call/events.ts';
import type { EnrollmentEvent } from '../../domain/enrollment/events.ts';
import type { RecordedEvent } from '../../domain/events/event.ts';
import type { DocumentUpdate, Projection } from '../projection.ts';
import type { Doc } from '../readStore.ts';

export const DISPATCHED_CALLS = 'dispatched_calls';

/** One requested call: open while the line is taken, `placed` once the carrier gave its id. */
export type DispatchedCall = Doc & {
  callId: string;
  campaignId: string;
  contactId: string;
  to: string;
  requestedAt: string;
  open: boolean;
  placed: boolean;
  carrierCallId?: string;
};

type Fed = EnrollmentEvent | CallEvent;

const update = (callId: string, apply: (current: Doc) => Doc): DocumentUpdate => ({
  collection: DISPATCHED_CALLS,
  id: callId,
  apply: (current) => (current ? apply(current) : null),
});

/**
 * Calls in flight per company and campaign (capacity), requested in the last minute (pacing), to one
 * number lately (frequency caps), and requested but never placed (reconciliation after a crash).
 */
export const dispatchedCallsProjection: Projection<Fed> = {
  name: 'dispatched_calls',
  version: 2,
  collections: [
    {
      name: DISPATCHED_CALLS,
      indexes: [
        { fields: [['companyId', 1], ['open', 1], ['campaignId', 1]] },
        { fields: [['companyId', 1], ['campaignId', 1], ['requestedAt', 1]] },
        { fields: [['companyId', 1], ['to', 1], ['requestedAt', 1]] },
        { fields: [['open', 1], ['placed', 1], ['requestedAt', 1]] },
      ],
    },
  ],
  eventTypes: ['CallRequested', 'CallAttemptEnded', 'CallRequestReleased', 'CallPlaced', 'CallCompleted'],
  project: (event: RecordedEvent<Fed>): readonly DocumentUpdate[] => {
    switch (event.type) {
      case 'CallRequested': {
        const { callId, campaignId, contactId, to, requestedAt } = event.data;
        const doc: DispatchedCall = { _id: callId, companyId: event.metadata.companyId, callId, campaignId, contactId, to, requestedAt, open: true, placed: false };
        return [{ collection: DISPATCHED_CALLS, id: callId, creates: true, apply: (current) => current ?? doc }];
      }
      case 'CallPlaced':
        return [update(event.data.callId, (current) => ({ ...current, placed: true, carrierCallId: event.data.carrierCallId }))];
      case 'CallCompleted':
        // A call that ended before its placement was recorded (a crash between dial and record) stays open for reconciliation.
        return [update(event.data.callId, (current) => (current['placed'] ? { ...current, open: false } : current))];
      case 'CallAttemptEnded':
        return [update(event.data.callId, (current) => ({ ...current, open: false }))];
      case 'CallRequestReleased':
        return [update(event.data.callId, (current) => ({ ...current, open: false, released: true }))];
      default:
        return [];
    }
  },
};
