import type { CallProgress } from '../../domain/call/reports.ts';
import type { Telephony } from '../../commands/outreach/telephony.ts';
import type { CallHandler, EnrollmentHandler } from '../../commands/outreach/enrollmentHandler.ts';
import type { CallSettlement } from '../../commands/outreach/callSettlement.ts';
import type { DispatchReads } from './dispatchReads.ts';

export type ReconcileDeps = {
  readonly reads: DispatchReads;
  readonly telephony: Telephony;
  readonly enrollments: EnrollmentHandler;
  readonly calls: CallHandler;
  readonly settlement: CallSettlement;
  /** How long a request may wait for the carrier's answer before it is taken as interrupted. */
  readonly afterMs: number;
  readonly onError: (error: unknown, what: string) => void;
  readonly wrote: (position: bigint) => void;
};

const progressOf = (status: string): CallProgress | undefined => {
  const known: readonly CallProgress[] = [
    'queued',
    'initiated',
    'ringing',
    'in_progress',
    'completed',
    'busy',
    'no_answer',
    'failed',
    'canceled',
  ];
  const normal = status.toLowerCase().replace('-', '_');
  return known.find((progress) => progress === normal);
};

/**
 * Requests a crash left without a carrier id: the carrier is asked whether it knows the call. A call it
 * knows is recorded as placed (with its status); one it never heard of is released, so its contact is
 * due again and a fresh call can be requested: never a second dial of a call that may be ringing.
 */
export const reconciliation =
  (deps: ReconcileDeps) =>
  async (now: Date, limit = 100): Promise<{ found: number; released: number }> => {
    let found = 0;
    let released = 0;
    const stale = await deps.reads.unplacedBefore(new Date(now.getTime() - deps.afterMs), limit);
    for (const call of stale) {
      const { callId, campaignId, contactId, companyId } = call;
      const context = (commandId: string) => ({ commandId, companyId, actor: 'dispatcher', now });
      try {
        const atCarrier = await deps.telephony.findCall(callId, { to: call.to, requestedAt: call.requestedAt });
        if (atCarrier) {
          const placed = await deps.calls(
            {
              type: 'RecordCallPlaced',
              data: {
                callId,
                campaignId,
                contactId,
                carrierCallId: atCarrier.carrierCallId,
                placedAt: now.toISOString(),
                reconciled: true,
              },
            },
            context(`placed-${callId}`),
          );
          deps.wrote(placed.position);
          const progress = progressOf(atCarrier.status);
          if (progress)
            await deps.settlement.report(
              { callId, carrierCallId: atCarrier.carrierCallId, progress, reportedAt: now.toISOString() },
              context(`reconciled-${callId}-${progress}`),
            );
          else await deps.settlement.settle(callId, context(`settle-${callId}`));
          found += 1;
        } else {
          const result = await deps.enrollments(
            {
              type: 'ReleaseCallRequest',
              data: { campaignId, contactId, callId, reason: 'not_at_carrier', at: now.toISOString() },
            },
            context(`release-${callId}`),
          );
          deps.wrote(result.position);
          released += 1;
        }
      } catch (error) {
        deps.onError(error, 'reconcile');
      }
    }
    return { found, released };
  };
