/** Twilio ends every call at its `TimeLimit`, four hours unless the call asks for another; the engine asks for none. */
export const CALL_TIME_LIMIT_MS = 4 * 60 * 60_000;
/** How long the carrier lets a call ring unanswered: Twilio's default `Timeout`, which the engine keeps. */
export const RING_TIMEOUT_MS = 60_000;
/** Queueing at the carrier, and a final callback still on its way. */
export const SETTLE_MARGIN_MS = 10 * 60_000;

/** Past this since its placement, no call can still be going on: one without a final report is asked of the carrier. */
export const LONGEST_CALL_MS = CALL_TIME_LIMIT_MS + RING_TIMEOUT_MS + SETTLE_MARGIN_MS;
