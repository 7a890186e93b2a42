import { IllegalStateError } from '../errors.ts';
import type { CallState } from './state.ts';

export const OTHER_CARRIER_CALL = 'CALL.OTHER_CARRIER_CALL';

/** A carrier id as logs and refusals show it: `CA12…cdef`, enough to find it at the carrier, not to quote it whole. */
export const maskedCarrierCallId = (carrierCallId: string): string =>
  carrierCallId.length <= 10
    ? `${carrierCallId.slice(0, 2)}…`
    : `${carrierCallId.slice(0, 4)}…${carrierCallId.slice(-4)}`;

/**
 * A report about a call must be about the carrier call it is bound to; one naming another carrier call
 * (another call's status sent to this call's URL) is refused, so it can never settle the wrong call.
 * Before any carrier id is known, the first one reported binds the call.
 */
export const requireSameCarrierCall = (state: CallState, callId: string, carrierCallId: string): void => {
  if (state.carrierCallId === undefined || state.carrierCallId === carrierCallId) return;
  throw new IllegalStateError(
    OTHER_CARRIER_CALL,
    `Call ${callId} is carrier call ${maskedCarrierCallId(state.carrierCallId)}; a report of carrier call ${maskedCarrierCallId(carrierCallId)} cannot change it.`,
  );
};
