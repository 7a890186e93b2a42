import type { CallEvent } from '../../domain/call/events.ts';
import type { EnrollmentEvent } from '../../domain/enrollment/events.ts';
import { projectionOf, type DocumentUpdate } from '../projection.ts';
import type { Doc } from '../readStore.ts';

export const DISPATCHED_CALLS = 'dispatched_calls';

/**
 * One requested call: open while the line is taken, `placed` once the carrier gave its id, `settled` once
 * its contact has its outcome (or the request was released).
 */
export type DispatchedCall = Doc & {
  callId: string;
  campaignId: string;
  contactId: string;
  to: string;
  requestedAt: string;
  open: boolean;
  placed: boolean;
  settled: boolean;
  carrierCallId?: string;
  placedAt?: string;
};

type Fed =
  | Extract<EnrollmentEvent, { type: 'CallRequested' | 'CallAttemptEnded' | 'CallRequestReleased' }>
  | Extract<CallEvent, { type: 'CallPlaced' | 'CallCompleted' }>;

const update = (callId: string, apply: (current: Doc) => Doc): DocumentUpdate => ({
  collection: DISPATCHED_CALLS,
  id: callId,
  apply: (current) => (current ? apply(current) : null),
});

/**
 * Calls in flight per company and campaign (capacity), requested in the last minute (pacing), to one
 * number lately (frequency caps), requested but never placed (reconciliation after a crash), and placed
 * but never settled (asked of the carrier once no call can still be going on).
 */
export const dispatchedCallsProjection = projectionOf<Fed>({
  name: 'dispatched_calls',
  version: 3,
  collections: [
    {
      name: DISPATCHED_CALLS,
      indexes: [
        {
          fields: [
            ['companyId', 1],
            ['open', 1],
            ['campaignId', 1],
          ],
        },
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
            ['to', 1],
            ['requestedAt', 1],
          ],
        },
        {
          fields: [
            ['open', 1],
            ['placed', 1],
            ['requestedAt', 1],
          ],
        },
        {
          fields: [
            ['placed', 1],
            ['settled', 1],
            ['placedAt', 1],
          ],
        },
      ],
    },
  ],
  handlers: {
    CallRequested: (event) => {
      const { callId, campaignId, contactId, to, requestedAt } = event.data;
      const doc: DispatchedCall = {
        _id: callId,
        companyId: event.metadata.companyId,
        callId,
        campaignId,
        contactId,
        to,
        requestedAt,
        open: true,
        placed: false,
        settled: false,
      };
      return [{ collection: DISPATCHED_CALLS, id: callId, creates: true, apply: (current) => current ?? doc }];
    },
    CallPlaced: (event) => [
      update(event.data.callId, (current) => ({
        ...current,
        placed: true,
        carrierCallId: event.data.carrierCallId,
        placedAt: event.data.placedAt,
      })),
    ],
    // A call that ended before its placement was recorded (a crash between dial and record) stays open for reconciliation.
    CallCompleted: (event) => [
      update(event.data.callId, (current) => (current['placed'] ? { ...current, open: false } : current)),
    ],
    CallAttemptEnded: (event) => [update(event.data.callId, (current) => ({ ...current, open: false, settled: true }))],
    CallRequestReleased: (event) => [
      update(event.data.callId, (current) => ({ ...current, open: false, settled: true, released: true })),
    ],
  },
});
