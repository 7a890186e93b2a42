import { aggregateStream } from '../aggregateStream.ts';
import { callDecider } from '../../domain/call/decider.ts';
import { callStream } from '../../domain/call/events.ts';
import type { CallState } from '../../domain/call/state.ts';
import type { CallReport } from '../../domain/call/reports.ts';
import type { VoiceRun } from '../../domain/enrollment/retryPolicy.ts';
import type { RetryPolicy } from '../../domain/campaign/draft.ts';
import type { EventStore } from '../eventStore.ts';
import type { CommandContext } from '../commandContext.ts';
import type { CallHandler, EnrollmentHandler } from './enrollmentHandler.ts';

/** The campaign settings an ended call's next attempt depends on. */
export type RetrySettings = { readonly retry?: RetryPolicy; readonly voiceRuns: readonly VoiceRun[] };

export type CallSettlementDeps = {
  readonly eventStore: EventStore;
  readonly calls: CallHandler;
  readonly enrollments: EnrollmentHandler;
  /** The campaign's retry settings and runs (from a read model or the campaign stream). */
  readonly retrySettingsOf: (campaignId: string) => Promise<RetrySettings>;
};

const foldCall = async (eventStore: EventStore, callId: string): Promise<CallState> =>
  (await aggregateStream(eventStore, callDecider, callStream(callId))).state;

/**
 * Carries a finished call's outcome to its contact. Whoever comes second, the final report or the
 * placement, does it; the contact's stream records an outcome once, so both may try.
 */
export const callSettlement = (deps: CallSettlementDeps) => {
  const settled = async (callId: string, state: CallState, context: CommandContext): Promise<void> => {
    if (!state.placement || !state.outcome) return;
    const { campaignId, contactId } = state.placement;
    const settings = await deps.retrySettingsOf(campaignId);
    const endedAt = state.endedAt ?? context.now.toISOString();
    await deps.enrollments(
      {
        type: 'RecordCallOutcome',
        data: {
          campaignId,
          contactId,
          callId,
          outcome: state.outcome,
          endedAt,
          voiceRuns: settings.voiceRuns,
          ...(settings.retry ? { retry: settings.retry } : {}),
        },
      },
      { ...context, commandId: `outcome-${callId}` },
    );
  };

  return {
    /** After the placement is recorded (or found again), in case the call had already ended. */
    settle: async (callId: string, context: CommandContext) =>
      settled(callId, await foldCall(deps.eventStore, callId), context),
    /** A verified status callback: recorded on the call's stream, then carried to the contact when final. */
    report: async (report: CallReport, context: CommandContext) => {
      const result = await deps.calls({ type: 'ApplyCallReport', data: { callId: report.callId, report } }, context);
      // A repeated final report carries the outcome again, which mends a crash between the two streams.
      await settled(report.callId, result.newState, context);
      return result;
    },
  };
};

export type CallSettlement = ReturnType<typeof callSettlement>;
