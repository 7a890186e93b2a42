import type { Telephony } from '../../commands/outreach/telephony.ts';
import type { CallSettlement } from '../../commands/outreach/callSettlement.ts';
import { isFinal } from '../../domain/call/progress.ts';
import type { DispatchReads } from './dispatchReads.ts';

export type UnsettledCallsDeps = {
  readonly reads: DispatchReads;
  readonly telephony: Telephony;
  readonly settlement: CallSettlement;
  /** How long after its placement a call must have ended (see `longestCall.ts`). */
  readonly longestCallMs: number;
  /** How often to look, on the dispatcher's clock; the first look is at once. */
  readonly everyMs: number;
  readonly onError: (error: unknown, what: string) => void;
};

/**
 * Placed calls whose final report never came (a crash, a lost callback): once no call can still be going
 * on, the carrier is asked where each stands and its answer is recorded as the report that was missed.
 * A call the carrier does not know is settled as failed, so the retry policy gives its contact another
 * attempt; one the carrier still calls live is left for the next look. A call already final on its own
 * stream only has its outcome carried to its contact (a crash between the two streams).
 */
export const unsettledCalls = (deps: UnsettledCallsDeps) => {
  let nextLookAt = -Infinity;

  const settleOne = async (
    call: Awaited<ReturnType<DispatchReads['unsettledPlacedBefore']>>[number],
    now: Date,
  ): Promise<boolean> => {
    const { callId, companyId, carrierCallId } = call;
    if (!carrierCallId) return false;
    const atCarrier = await deps.telephony.fetchCall(carrierCallId);
    if (atCarrier && !isFinal(atCarrier.progress)) {
      deps.onError(
        new Error(
          `call ${callId} is still ${atCarrier.progress} at the carrier ${Math.round((now.getTime() - Date.parse(call.placedAt ?? call.requestedAt)) / 60_000)} minutes after its placement`,
        ),
        'settle unsettled call',
      );
      return false;
    }
    const report = atCarrier
      ? {
          progress: atCarrier.progress,
          reportedAt: atCarrier.endedAt ?? now.toISOString(),
          ...(atCarrier.durationSeconds !== undefined ? { durationSeconds: atCarrier.durationSeconds } : {}),
          ...(atCarrier.answeredBy ? { answeredBy: atCarrier.answeredBy } : {}),
        }
      : { progress: 'failed' as const, reportedAt: now.toISOString() };
    await deps.settlement.report(
      { callId, carrierCallId, ...report },
      { commandId: `settle-unsettled-${callId}-${report.progress}`, companyId, actor: 'dispatcher', now },
    );
    return true;
  };

  /** Settles up to `limit` calls, when a look is due; answers how many it settled. */
  return async (now: Date, limit = 100): Promise<number> => {
    if (now.getTime() < nextLookAt) return 0;
    nextLookAt = now.getTime() + deps.everyMs;
    let settled = 0;
    for (const call of await deps.reads.unsettledPlacedBefore(new Date(now.getTime() - deps.longestCallMs), limit)) {
      try {
        if (await settleOne(call, now)) settled += 1;
      } catch (error) {
        deps.onError(error, 'settle unsettled call');
      }
    }
    return settled;
  };
};
