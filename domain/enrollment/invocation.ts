import { currentRun } from '../dispatch/currentRun.ts';
import { NO_WINDOW_PREFIX } from '../outreach/windowRefusal.ts';
import type { InvokeOutreach } from './commands.ts';
import type { EnrollmentEvent } from './events.ts';
import type { EnrollmentState } from './state.ts';

/** Why an invoked contact is not made due: what its own record says stands in the way. */
export const invocationSkips = [
  'completed',
  'calls_completed',
  'opted_out',
  'no_calling_window',
  'calls_withheld',
  'call_in_progress',
] as const;
export type InvocationSkip = (typeof invocationSkips)[number];

export const invocationSkipOf = (state: EnrollmentState): InvocationSkip | undefined => {
  if (state.status === 'COMPLETED') return 'completed';
  if (state.status === 'COMPLETED_ALL_CALLS') return 'calls_completed';
  if (state.withheld === 'opted_out') return 'opted_out';
  if (state.withheld?.startsWith(NO_WINDOW_PREFIX)) return 'no_calling_window';
  if (state.withheld !== undefined) return 'calls_withheld';
  if (state.openCall) return 'call_in_progress';
  return undefined;
};

/**
 * The contact is due now, whatever was planned (a retry later, the next run, nothing more): its call
 * belongs to the run calling now, or to the first run when none has started, which the invocation
 * brings forward for this contact alone. A skipped contact records nothing.
 */
export const invokeOutreach = (state: EnrollmentState, data: InvokeOutreach['data']): EnrollmentEvent[] => {
  if (invocationSkipOf(state) !== undefined) return [];
  const run = currentRun(data.voiceRuns, new Date(data.at)) ?? data.voiceRuns[0];
  if (!run) return [];
  const { campaignId, contactId, invocationId, at } = data;
  return [{ type: 'ContactInvoked', data: { campaignId, contactId, invocationId, at, run: run.index } }];
};
