import { dispatchedCallsProjection } from '../../../projections/outreach/dispatchedCallsProjection.ts';
import { projectionSpecification } from '../../support/projectionSpecification.ts';
import { attemptEnded, callCompleted, callRequested, phone, placed, requestReleased } from '../outreachEvents.ts';

const spec = projectionSpecification(dispatchedCallsProjection);
const t1 = '2026-03-02T16:00:00.000Z';
const t2 = '2026-03-02T16:05:00.000Z';
const open = {
  _id: 'call-1',
  companyId: 'company-1',
  callId: 'call-1',
  campaignId: 'campaign-1',
  contactId: 'contact-1',
  to: phone,
  requestedAt: t1,
  open: true,
  placed: false,
  settled: false,
};
const placedCall = { ...open, placed: true, carrierCallId: 'CA-call-1', placedAt: t2 };

describe('dispatched calls read model', () => {
  it('given no call, when one is requested, then it is open, neither placed nor settled', () =>
    spec
      .given([])
      .when([callRequested('call-1', t1)])
      .then({ dispatched_calls: [open] }));

  it('given a requested call, when the carrier places it, then it is placed with the carrier id', () =>
    spec
      .given([callRequested('call-1', t1)])
      .when([placed('call-1', t2)])
      .then({ dispatched_calls: [placedCall] }));

  it('given a placed call, when the carrier completes it, then the line is free; when its attempt ends, then it is settled', async () => {
    await spec
      .given([callRequested('call-1', t1), placed('call-1', t2)])
      .when([callCompleted('call-1', 'answered', 60, t2)])
      .then({ dispatched_calls: [{ ...placedCall, open: false }] });
    await spec
      .given([callRequested('call-1', t1), placed('call-1', t2)])
      .when([callCompleted('call-1', 'answered', 60, t2), attemptEnded('call-1', 'answered', t2)])
      .then({ dispatched_calls: [{ ...placedCall, open: false, settled: true }] });
  });

  it('given a call never placed, when the carrier reports it completed, then it stays open for reconciliation', () =>
    spec
      .given([callRequested('call-1', t1)])
      .when([callCompleted('call-1', 'failed', 0, t2)])
      .then({ dispatched_calls: [open] }));

  it('given a requested call, when its request is released, then it is closed, settled and marked released', () =>
    spec
      .given([callRequested('call-1', t1)])
      .when([requestReleased('call-1', t2)])
      .then({ dispatched_calls: [{ ...open, open: false, settled: true, released: true }] }));

  it('given no request, when a call is placed, then no call is invented', () =>
    spec
      .given([])
      .when([placed('call-9', t2)])
      .then({ dispatched_calls: [] }));
});
