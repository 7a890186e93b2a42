import { DateTime } from 'luxon';
import { IllegalStateError, ValidationError } from '../errors.ts';
import { NO_WINDOW_PREFIX } from '../outreach/windowRefusal.ts';
import type { DispatchContact } from './commands.ts';
import { type DispatchDecision, type EnrollmentEvent } from './events.ts';
import type { EnrollmentState } from './state.ts';

type Dispatch = DispatchContact['data'];

/**
 * What a due contact gets, from what the dispatcher found out alone: nothing while no call may go out,
 * a later attempt at the window's next opening, calls withheld (no opening at all, or an opt-out), or a call.
 */
export type DispatchOutcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'reschedule'; readonly nextAt: string; readonly reason: string; readonly localTime?: string }
  | { readonly kind: 'withhold'; readonly reason: string }
  | { readonly kind: 'call'; readonly opensAt?: string; readonly closesAt?: string };

/** Capacity first (no contact is looked at without it), then the calling window, then consent, which is read only once the window is open. */
export const dispatchOutcome = (data: Dispatch): DispatchOutcome => {
  // No line free this tick: the contact stays due as it is.
  if (data.capacity.available < 1) return { kind: 'none' };
  const { window } = data;
  if (!window.open) {
    if (window.nextOpening === undefined) return { kind: 'withhold', reason: `${NO_WINDOW_PREFIX}${window.reason}` };
    return {
      kind: 'reschedule',
      nextAt: window.nextOpening,
      reason: window.reason,
      ...(window.localTime !== undefined ? { localTime: window.localTime } : {}),
    };
  }
  if (data.optedOut === undefined)
    throw new ValidationError('ENROLLMENT.CONSENT_UNREAD', 'A call is decided only once consent has been read.', [
      { path: 'optedOut', message: 'required once the calling window is open' },
    ]);
  if (data.optedOut) return { kind: 'withhold', reason: 'opted_out' };
  return {
    kind: 'call',
    ...(window.opensAt !== undefined ? { opensAt: window.opensAt } : {}),
    ...(window.closesAt !== undefined ? { closesAt: window.closesAt } : {}),
  };
};

const refused = (code: string, message: string) => new IllegalStateError(code, message);

/** Dispatch needs an active contact with no call open and an attempt that is due. */
const requireDispatchable = (state: EnrollmentState, at: string): void => {
  if (state.status === 'COMPLETED')
    throw refused('ENROLLMENT.COMPLETED', 'The contact is completed: nothing more is sent.');
  if (state.status === 'COMPLETED_ALL_CALLS')
    throw refused('ENROLLMENT.CALLS_COMPLETED', 'The contact is completed for calls: no more calls.');
  if (state.openCall)
    throw refused(
      'ENROLLMENT.CALL_OPEN',
      `Call ${state.openCall.callId} of attempt ${state.openCall.attempt} is still open.`,
    );
  if (state.nextAttemptAt === null)
    throw refused('ENROLLMENT.NOTHING_DUE', 'No further attempt is planned for this contact.');
  if (state.nextAttemptAt !== undefined && Date.parse(state.nextAttemptAt) > Date.parse(at))
    throw refused('ENROLLMENT.NOT_DUE', `The next attempt is due at ${state.nextAttemptAt}.`);
};

/** The inputs of a call's dispatch, kept on its request for auditors. */
const decisionOf = (data: Dispatch, opening: { opensAt?: string; closesAt?: string }): DispatchDecision => ({
  localTime: DateTime.fromMillis(Date.parse(data.at), { zone: data.timezone }).toISO() ?? data.at,
  timezone: data.timezone,
  window: opening,
  capacity: data.capacity,
});

/**
 * A due contact is called, made to wait or withheld, as `dispatchOutcome` says, once its own record
 * allows it: an active contact with no call open and an attempt due;
 * only an ACTIVE campaign calls.
 */
export const dispatchContact = (state: EnrollmentState, data: Dispatch): EnrollmentEvent[] => {
  const outcome = dispatchOutcome(data);
  if (outcome.kind === 'none') return [];
  if (outcome.kind === 'call' && data.campaignStatus !== 'ACTIVE')
    throw refused(
      'ENROLLMENT.CAMPAIGN_NOT_ACTIVE',
      `The campaign is ${data.campaignStatus}; only ACTIVE campaigns call.`,
    );
  requireDispatchable(state, data.at);
  const { campaignId, contactId, at } = data;
  switch (outcome.kind) {
    case 'reschedule': {
      const { nextAt, reason, localTime } = outcome;
      return [
        {
          type: 'NextAttemptScheduled',
          data: { campaignId, contactId, at: nextAt, reason, ...(localTime !== undefined ? { localTime } : {}) },
        },
      ];
    }
    case 'withhold':
      return [{ type: 'CallsWithheld', data: { campaignId, contactId, reason: outcome.reason, at } }];
    case 'call': {
      const { kind: _call, ...opening } = outcome;
      // Attempts count within a run; a new run starts counting again.
      const attempt = (data.run === state.run ? state.attemptsInRun : 0) + 1;
      return [
        {
          type: 'CallRequested',
          data: {
            campaignId,
            contactId,
            callId: data.callId,
            attempt,
            run: data.run,
            to: data.to,
            requestedAt: at,
            decision: decisionOf(data, opening),
          },
        },
      ];
    }
  }
};
