/** The first retry waits up to this long; each failure doubles it. */
export const FIRST_RETRY_MS = 30_000;
/** No wait between two attempts is longer. */
export const LONGEST_RETRY_MS = 60 * 60_000;
/** A delivery is retried until this long after its event happened, then given up. */
export const RETRY_PERIOD_MS = 24 * 60 * 60_000;

/**
 * The wait before the next attempt after `failures` failed ones: "full jitter", a uniform draw in
 * [0, min(longest, first x 2^(failures-1))), so receivers coming back are not hit by every sender at once.
 * `random` is a draw in [0, 1) the caller brings.
 */
export const retryDelayMs = (failures: number, random: number): number => {
  const ceiling = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(Math.max(failures - 1, 0), 30));
  return Math.floor(Math.min(Math.max(random, 0), 1 - Number.EPSILON) * ceiling);
};

/**
 * When a delivery that just failed is tried next, or `undefined` when it is given up: it is retried
 * until 24 h after its event happened, the last attempt falling on that deadline; an event that waited
 * longer than that behind earlier ones is tried once.
 */
export const nextAttemptAt = (occurredAt: Date, failedAt: Date, failures: number, random: number): Date | undefined => {
  const deadline = occurredAt.getTime() + RETRY_PERIOD_MS;
  if (failedAt.getTime() >= deadline) return undefined;
  return new Date(Math.min(failedAt.getTime() + retryDelayMs(failures, random), deadline));
};
