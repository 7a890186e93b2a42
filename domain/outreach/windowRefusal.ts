import { closedReasons, type ClosedReason } from './callingWindow.ts';

/** How the dispatcher writes a contact it cannot call at all: no opening within the horizon, and why. */
export const NO_WINDOW_PREFIX = 'no_calling_window:';

const closed = new Set<string>(closedReasons);

/**
 * The closed-window reason of a due call the calling window refused, or undefined when the event says
 * something else (a retry planned, an opt-out): a refusal is a `NextAttemptScheduled` whose reason is a
 * closed window, or a `CallsWithheld` for want of any window.
 */
export const windowRefusalOf = (type: string, reason: string): ClosedReason | undefined => {
  if (type === 'NextAttemptScheduled' && closed.has(reason)) return reason as ClosedReason;
  if (type === 'CallsWithheld' && reason.startsWith(NO_WINDOW_PREFIX)) {
    const why = reason.slice(NO_WINDOW_PREFIX.length);
    return closed.has(why) ? (why as ClosedReason) : undefined;
  }
  return undefined;
};
