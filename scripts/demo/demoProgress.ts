import { DateTime } from 'luxon';

/** A simulated instant as the firm reads it: weekday, date, time and zone, as `Mon 7 Dec 2026 08:00 CST`. */
export const localTime =
  (zone: string) =>
  (at: Date | string): string =>
    DateTime.fromJSDate(typeof at === 'string' ? new Date(at) : at, { zone }).toFormat('ccc d LLL yyyy HH:mm ZZZZ');

const duration = (ms: number): string => {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
};

/** How far the demo has come: contacts done of those enrolled, and simulated time used of the --days limit. */
export type DemoProgress = {
  readonly done: number;
  readonly enrolled: number;
  readonly simulatedMs: number;
  readonly limitMs: number;
  readonly wallMs: number;
};

/** Below this share of the way, or this much wall time, a rate says nothing yet. */
const TOO_EARLY = { share: 0.02, wallMs: 2000 };

/**
 * Wall time left, from the rate so far: the contacts still to be done at the pace contacts have been
 * done, but never beyond the simulated time left to the --days limit at the pace the clock has run,
 * since the demo stops there. "estimating" until either rate means something.
 */
export const etaText = (progress: DemoProgress): string => {
  const { done, enrolled, simulatedMs, limitMs, wallMs } = progress;
  if (done >= enrolled) return '0s';
  const byContacts = done / enrolled >= TOO_EARLY.share ? (wallMs * (enrolled - done)) / done : Infinity;
  const byClock =
    simulatedMs / limitMs >= TOO_EARLY.share ? (wallMs * (limitMs - simulatedMs)) / simulatedMs : Infinity;
  const eta = Math.min(byContacts, byClock);
  return wallMs < TOO_EARLY.wallMs || !Number.isFinite(eta) ? 'estimating' : duration(eta);
};
