import type { DispatchDecision, EnrollmentEvent } from '../../../domain/enrollment/events.ts';
import type { DispatchContact } from '../../../domain/enrollment/commands.ts';

export const campaignId = '01900000-0000-7000-8000-000000000001';
export const contactId = 'contact-1';
/** Monday 2 March 2026, 09:00 in Chicago. */
export const at = '2026-03-02T15:00:00.000Z';
export const phone = '+15550001111';

export const decision: DispatchDecision = {
  localTime: '2026-03-02T09:00:00.000-06:00',
  timezone: 'America/Chicago',
  window: { opensAt: '2026-03-02T14:00:00.000Z', closesAt: '2026-03-03T03:00:00.000Z' },
  capacity: { limit: 5, inFlight: 1, lines: 10, rate: 50, pacing: 30, available: 4 },
};

/** A due contact the dispatcher found inside its window, not opted out, with capacity left. */
export const dispatch = (callId: string, extra: Partial<DispatchContact['data']> = {}): DispatchContact => ({
  type: 'DispatchContact',
  data: {
    campaignId,
    contactId,
    at,
    callId,
    run: 0,
    to: phone,
    timezone: 'America/Chicago',
    campaignStatus: 'ACTIVE',
    capacity: decision.capacity,
    window: { open: true, ...decision.window },
    optedOut: false,
    ...extra,
  },
});

export const requested = (
  callId: string,
  attempt = 1,
  run = 0,
  requestedAt = at,
  localTime = decision.localTime,
): EnrollmentEvent => ({
  type: 'CallRequested',
  data: { campaignId, contactId, callId, attempt, run, to: phone, requestedAt, decision: { ...decision, localTime } },
});

export const ended = (
  callId: string,
  outcome: Extract<EnrollmentEvent, { type: 'CallAttemptEnded' }>['data']['outcome'],
  attempt = 1,
  run = 0,
  endedAt = at,
): EnrollmentEvent => ({
  type: 'CallAttemptEnded',
  data: { campaignId, contactId, callId, attempt, run, outcome, endedAt },
});

export const scheduled = (when: string, reason: string, run?: number): EnrollmentEvent => ({
  type: 'NextAttemptScheduled',
  data: { campaignId, contactId, at: when, reason, ...(run !== undefined ? { run } : {}) },
});
