import type { CallOutcome } from '../call/outcome.ts';
import type { RetryPolicy } from '../campaign/draft.ts';

/** Retries when the campaign sets none: one attempt per run, an hour apart should one be added. */
export const defaultRetry = { maxAttempts: 1, intervalMinutes: 60 } as const;

/** Outcomes that did not reach the person, so another attempt in the same run may. */
export const retryableOutcomes: ReadonlySet<CallOutcome> = new Set(['no_answer', 'busy', 'voicemail', 'failed']);

export type VoiceRun = { readonly index: number; readonly start: string };

export type NextAttempt = { at: string; reason: string; run: number };

export type AttemptFacts = {
  readonly outcome: CallOutcome;
  readonly endedAt: string;
  readonly run: number;
  readonly attemptInRun: number;
  readonly retry: RetryPolicy | undefined;
  /** The campaign's runs that place calls, in order. */
  readonly voiceRuns: readonly VoiceRun[];
};

const later = (a: string, b: string): string => (Date.parse(a) >= Date.parse(b) ? a : b);

/**
 * When to call again after an attempt: within the run after the campaign's interval while attempts
 * remain and the person was not reached; otherwise at the start of the next run that calls; else never.
 */
export const nextAttempt = (facts: AttemptFacts): NextAttempt | undefined => {
  const maxAttempts = facts.retry?.maxAttempts ?? defaultRetry.maxAttempts;
  const intervalMinutes = facts.retry?.intervalMinutes ?? defaultRetry.intervalMinutes;
  if (retryableOutcomes.has(facts.outcome) && facts.attemptInRun < maxAttempts) {
    const at = new Date(Date.parse(facts.endedAt) + intervalMinutes * 60_000).toISOString();
    return { at, reason: `retry_after_${facts.outcome}`, run: facts.run };
  }
  // An opt-out ends calling for good; the consent ledger keeps it ended in later runs too.
  if (facts.outcome === 'opted_out') return undefined;
  const following = facts.voiceRuns.find((run) => run.index > facts.run);
  if (!following) return undefined;
  return { at: later(following.start, facts.endedAt), reason: 'next_run', run: following.index };
};
