import { callRecordsProjection } from '../../../../projections/reports/calls/callRecordsProjection.ts';
import { emptyCallRecord } from '../../../../projections/reports/calls/callRecordDocument.ts';
import { NO_WINDOW_PREFIX } from '../../../../domain/outreach/windowRefusal.ts';
import { projectionSpecification } from '../../../support/projectionSpecification.ts';
import {
  attemptEnded,
  callCompleted,
  callRequested,
  callsWithheld,
  decision,
  inboundCall,
  nextAttempt,
  phone,
  placed,
  progressed,
  recordingAvailable,
  requestReleased,
  summaryRecorded,
  transferred,
} from '../../outreachEvents.ts';

const spec = projectionSpecification(callRecordsProjection);
const t0 = '2026-03-02T16:00:00.000Z';
const t1 = '2026-03-02T16:00:05.000Z';
const t2 = '2026-03-02T16:00:20.000Z';
const t3 = '2026-03-02T16:03:20.000Z';
const requested = {
  ...emptyCallRecord('call-1', 'company-1', 'campaign-1', 'contact-1', t0),
  callId: 'call-1',
  to: phone,
  attempt: 1,
  run: 0,
  localTime: decision.localTime,
  timezone: decision.timezone,
  windowOpensAt: decision.window.opensAt,
  windowClosesAt: decision.window.closesAt,
  capacity: decision.capacity,
};
const request = callRequested('call-1', t0);

describe('call records read model', () => {
  it('given no call, when one is requested, then its record holds the inputs of the dispatch decision, in progress', () =>
    spec
      .given([])
      .when([request])
      .then({ call_records: [requested] }));

  it('given a requested call, when it is placed, answered by a person, completed by the carrier and its attempt ends, then the record tells each, the attempt outcome standing', () =>
    spec
      .given([request])
      .when([
        placed('call-1', t1),
        progressed('call-1', 'in_progress', t2, 'human'),
        callCompleted('call-1', 'answered', 180, t3),
        attemptEnded('call-1', 'transferred', '2026-03-02T16:03:21.000Z'),
      ])
      .then({
        call_records: [
          {
            ...requested,
            placedAt: t1,
            answeredAt: t2,
            answeredBy: 'human',
            carrierOutcome: 'answered',
            durationSeconds: 180,
            endedAt: t3,
            attemptOutcome: 'transferred',
            outcome: 'transferred',
          },
        ],
      }));

  it('given an answered call, when a later progress report comes, then the first answer time stands', () =>
    spec
      .given([request, progressed('call-1', 'in_progress', t2)])
      .when([progressed('call-1', 'in_progress', t3, 'machine')])
      .then({ call_records: [{ ...requested, answeredAt: t2, answeredBy: 'machine' }] }));

  it('given an attempt that ended first, when the carrier reports the end, then the carrier time of the line dropping stands; the outcome stays the attempt one', () =>
    spec
      .given([request, attemptEnded('call-1', 'no_answer', t2)])
      .when([callCompleted('call-1', 'no_answer', 0, t3)])
      .then({
        call_records: [
          {
            ...requested,
            attemptOutcome: 'no_answer',
            carrierOutcome: 'no_answer',
            durationSeconds: 0,
            endedAt: t3,
            outcome: 'no_answer',
          },
        ],
      }));

  it('given a call, when it is recorded, transferred and summarised, then the record keeps the recording, the transfer and the summary', () =>
    spec
      .given([request])
      .when([
        recordingAvailable('call-1'),
        transferred('call-1', t2),
        summaryRecorded('call-1', 'Wants a callback', t3),
      ])
      .then({
        call_records: [
          {
            ...requested,
            recordingUrl: 'https://recordings.example.com/call-1.mp3',
            transferredAt: t2,
            transferredTo: '+15557654321',
            summary: 'Wants a callback',
          },
        ],
      }));

  it('given a requested call, when its request is released, then it is released', () =>
    spec
      .given([request])
      .when([requestReleased('call-1', t1)])
      .then({ call_records: [{ ...requested, releasedBecause: 'never_dialled', outcome: 'released' }] }));

  it('given no call, when an inbound call is received for a campaign contact, then an inbound record with its route; one for no campaign leaves none', () =>
    spec
      .given([])
      .when([inboundCall('call-2', t0), inboundCall('call-3', t0, {})])
      .then({
        call_records: [
          {
            ...emptyCallRecord('call-2', 'company-1', 'campaign-1', 'contact-1', t0),
            callId: 'call-2',
            direction: 'inbound',
            from: phone,
            to: '+13125550199',
            route: inboundCall('call-2', t0).data.route,
            placedAt: t0,
            localTime: '2026-03-02T10:00:00.000-06:00',
            timezone: 'America/Chicago',
          },
        ],
      }));

  it('given a due contact, when the calling window refuses its call or no window is left, then a refusal record each; a retry or an opt-out leaves none', () =>
    spec
      .given([])
      .when([
        { ...nextAttempt(t2, 'sunday'), metadata: { occurredAt: t0 } },
        nextAttempt(t2, 'retry'),
        callsWithheld(`${NO_WINDOW_PREFIX}outside_federal_hours`, t1),
        callsWithheld('opted_out', t1),
      ])
      .then({
        call_records: [
          {
            ...emptyCallRecord('e1', 'company-1', 'campaign-1', 'contact-1', t0),
            outcome: 'refused_by_window',
            refusedBecause: 'sunday',
            nextAttemptAt: t2,
            run: null,
          },
          {
            ...emptyCallRecord('e3', 'company-1', 'campaign-1', 'contact-1', t1),
            outcome: 'refused_by_window',
            refusedBecause: 'outside_federal_hours',
            nextAttemptAt: null,
            run: null,
          },
        ],
      }));

  it('given no request, when a call is placed, then no record is invented', () =>
    spec
      .given([])
      .when([placed('call-9', t1)])
      .then({ call_records: [] }));
});
