export type BackoffOptions = { readonly baseDelayMs: number; readonly maxDelayMs: number };

export const defaultResubscribe: BackoffOptions = { baseDelayMs: 100, maxDelayMs: 10_000 };

/** Doubling per attempt up to the cap; the upper half jittered so readers dropped together do not return together. */
export const backoffDelay = (attempt: number, options: BackoffOptions, random: () => number = Math.random): number => {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return ceiling / 2 + (random() * ceiling) / 2;
};

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** Waits `ms`, or less when `signal` aborts, so closing never waits out a backoff. */
export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
