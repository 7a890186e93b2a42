import { expect } from 'chai';
import { callDecider } from '../../../domain/call/decider.ts';
import type { CallEvent } from '../../../domain/call/events.ts';
import type { InboundRoute } from '../../../domain/call/inboundRoute.ts';
import type { CallProgress, CallReport } from '../../../domain/call/reports.ts';
import { IllegalStateError } from '../../../domain/errors.ts';
import { OTHER_CARRIER_CALL } from '../../../domain/call/carrierCallBinding.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';

const spec = deciderSpecification(callDecider);
const callId = 'inbound-1';
const carrierCallId = 'CA0001';
const receivedAt = '2027-03-14T07:30:00.000Z';
type Received = Extract<CallEvent, { type: 'InboundCallReceived' }>;

const received = (
  route: InboundRoute,
  caller: Partial<Received['data']> = { callerMatch: 'campaign_contact', campaignId: 'camp', contactId: 'cont' },
): Received => ({
  type: 'InboundCallReceived',
  data: {
    callId,
    carrierCallId,
    from: '+13125550100',
    to: '+13125550000',
    receivedAt,
    callerMatch: 'unknown',
    route,
    ...caller,
  },
});
const record = (event: Received) => ({ type: 'RecordInboundCall' as const, data: event.data });
const report = (progress: CallProgress, extra: Partial<CallReport> = {}) => ({
  type: 'ApplyCallReport' as const,
  data: { callId, report: { callId, carrierCallId, progress, reportedAt: '2027-03-14T07:32:00.000Z', ...extra } },
});
const completed = (
  outcome: 'answered' | 'voicemail' | 'transferred' | 'failed',
  durationSeconds: number,
): CallEvent => ({
  type: 'CallCompleted',
  data: { callId, carrierCallId, outcome, progress: 'completed', durationSeconds, endedAt: '2027-03-14T07:32:00.000Z' },
});

const ai: InboundRoute = {
  action: 'ai',
  reason: 'ai_only',
  mode: 'ai_only',
  timezone: 'America/New_York',
  localTime: '2027-03-14T03:30:00.000-04:00',
};
const voicemail: InboundRoute = {
  action: 'voicemail',
  reason: 'after_hours',
  mode: 'schedule_based',
  withinHours: false,
  timezone: 'America/New_York',
  localTime: '2027-03-14T03:30:00.000-04:00',
};
const transfer: InboundRoute = {
  action: 'transfer',
  reason: 'transfer_mode',
  mode: 'transfer',
  forwardingNumber: '+12125550123',
};

describe('call: an inbound call on record', () => {
  it('records the caller, the number called and the route once; the same carrier call again records nothing', () => {
    spec
      .given([])
      .when(record(received(ai)))
      .then([received(ai)]);
    spec
      .given([received(ai)])
      .when(record(received(ai)))
      .then([]);
  });

  it('records an unknown caller with no contact', () => {
    const unknown = received(ai, { callerMatch: 'unknown', campaignId: 'camp' });
    spec.given([]).when(record(unknown)).then([unknown]);
    expect(unknown.data).to.not.have.property('contactId');
  });

  it('records a call routed to a person as transferred to the forwarding number, naming the campaign and contact found, and it ends transferred', () => {
    const transferred: CallEvent = {
      type: 'CallTransferred',
      data: { callId, at: receivedAt, to: '+12125550123', campaignId: 'camp', contactId: 'cont' },
    };
    spec
      .given([])
      .when(record(received(transfer)))
      .then([received(transfer), transferred]);
    spec
      .given([received(transfer), transferred])
      .when(report('completed', { durationSeconds: 95 }))
      .then([completed('transferred', 95)]);
  });

  it('given a call the AI took, when the agent transfers it, then the transfer names the campaign and contact found; an unknown caller names none', () => {
    const at = '2027-03-14T07:31:00.000Z';
    const transfer = { type: 'RecordTransfer' as const, data: { callId, at, to: '+12125550123' } };
    spec
      .given([received(ai)])
      .when(transfer)
      .then([
        { type: 'CallTransferred', data: { callId, at, to: '+12125550123', campaignId: 'camp', contactId: 'cont' } },
      ]);
    spec
      .given([received(ai, { callerMatch: 'unknown' })])
      .when(transfer)
      .then([{ type: 'CallTransferred', data: { callId, at, to: '+12125550123' } }]);
  });

  it('ends a call the AI took as answered, with its duration', () => {
    spec
      .given([received(ai)])
      .when(report('completed', { durationSeconds: 42 }))
      .then([completed('answered', 42)]);
  });

  it('ends a call routed to voicemail as a voicemail, and keeps the recording reported after', () => {
    spec
      .given([received(voicemail)])
      .when(report('completed', { durationSeconds: 31 }))
      .then([completed('voicemail', 31)]);
    spec
      .given([received(voicemail), completed('voicemail', 31)])
      .when(report('completed', { recordingUrl: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1' }))
      .then([
        {
          type: 'RecordingAvailable',
          data: { callId, url: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1' },
        },
      ]);
  });

  it('ends a call told the number is not in service as failed', () => {
    const notInService = received({ action: 'not_in_service', reason: 'no_campaign' }, { callerMatch: 'unknown' });
    spec
      .given([notInService])
      .when(report('completed', { durationSeconds: 4 }))
      .then([completed('failed', 4)]);
  });

  it('refuses a report of another carrier call', () => {
    spec
      .given([received(ai)])
      .when(report('completed', { carrierCallId: 'CA0002' }))
      .thenThrows(IllegalStateError, /carrier call/, OTHER_CARRIER_CALL);
  });
});
