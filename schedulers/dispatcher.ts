import type { EventStore } from '../commands/eventStore.ts';
import type { Scheduler } from '../commands/scheduler.ts';
import type { EventRegistry } from '../domain/events/eventRegistry.ts';
import type { ReadStore } from '../projections/readStore.ts';
import type { Telephony } from '../commands/outreach/telephony.ts';
import { callHandler, enrollmentHandler } from '../commands/outreach/enrollmentHandler.ts';
import { callSettlement } from '../commands/outreach/callSettlement.ts';
import { dispatchReads } from './dispatch/dispatchReads.ts';
import { contactDispatch, type DispatchResult } from './dispatch/dispatchContact.ts';
import { reconciliation } from './dispatch/reconcile.ts';
import { unsettledCalls } from './dispatch/unsettledCalls.ts';
import { LONGEST_CALL_MS } from './dispatch/longestCall.ts';
import { campaignTick } from './dispatch/campaignTick.ts';
import { carrierShare } from './dispatch/carrierShare.ts';
import { firstRotation } from '../domain/dispatch/carrierTurns.ts';
import type { CallingWindowCheck, ConsentCheck } from './dispatch/policies.ts';
import { tickLoop } from './tickLoop.ts';

export type DispatcherOptions = {
  /** The clock a conflict's backoff waits on: real time, whatever clock this runs on. */
  readonly realTime?: Scheduler;
  readonly eventStore: EventStore;
  readonly registry: EventRegistry;
  readonly readStore: ReadStore;
  readonly telephony: Telephony;
  readonly callingWindow: CallingWindowCheck;
  readonly consent: ConsentCheck;
  readonly clock: Scheduler;
  readonly newId: () => string;
  readonly callbackUrls: (callId: string) => { instructionsUrl: string; statusCallbackUrl: string };
  /** The carrier's calls-per-second cap (Twilio's default is 1). */
  readonly carrierCallsPerSecond?: number;
  readonly tickIntervalMs?: number;
  /** A request unanswered by the carrier for this long is reconciled. */
  readonly reconcileAfterMs?: number;
  /** A placed call without a final report this long after its placement is asked of the carrier (default `LONGEST_CALL_MS`). */
  readonly longestCallMs?: number;
  /** How often placed calls are checked for a missing final report (default 5 minutes; the first tick always checks). */
  readonly settleUnsettledEveryMs?: number;
  /** Waits until the read models have the dispatcher's own last write, so capacity counts it. */
  readonly waitForReadModels?: (position: bigint) => Promise<unknown>;
  readonly machineDetection?: boolean;
  readonly record?: boolean;
  readonly onError?: (error: unknown, what: string) => void;
};

export type TickSummary = Record<DispatchResult, number> & { reconciled: number; released: number; settled: number };

/**
 * The outreach dispatcher: each tick it reconciles interrupted requests (and, every few minutes, settles
 * placed calls whose final report never came), then, for each ACTIVE campaign
 * whose calling run has started, takes as many due contacts as capacity allows and dispatches them.
 * Several dispatchers may share one store: each request is appended at the revision its contact was
 * seen at, so an attempt is requested, and dialled, once.
 */
export const dispatcher = (options: DispatcherOptions) => {
  const reads = dispatchReads(options.readStore);
  const deps = { eventStore: options.eventStore, registry: options.registry };
  const enrollments = enrollmentHandler(deps);
  const calls = callHandler(deps);
  const settlement = callSettlement({
    eventStore: options.eventStore,
    calls,
    enrollments,
    retrySettingsOf: async (campaignId) => {
      const campaign = await reads.campaign(campaignId);
      return { voiceRuns: campaign?.voiceRuns ?? [], ...(campaign?.retry ? { retry: campaign.retry } : {}) };
    },
  });
  const onError = options.onError ?? (() => {});
  let lastWrite = 0n;
  const wrote = (position: bigint) => {
    if (position > lastWrite) lastWrite = position;
  };
  const tickIntervalMs = options.tickIntervalMs ?? 1000;
  const dispatchOne = contactDispatch({
    reads,
    enrollments,
    calls,
    settlement,
    telephony: options.telephony,
    callingWindow: options.callingWindow,
    consent: options.consent,
    newId: options.newId,
    callbackUrls: options.callbackUrls,
    machineDetection: options.machineDetection ?? true,
    record: options.record ?? false,
    onError,
    wrote,
  });
  const reconcile = reconciliation({
    reads,
    telephony: options.telephony,
    enrollments,
    calls,
    settlement,
    afterMs: options.reconcileAfterMs ?? 120_000,
    onError,
    wrote,
  });
  const settleUnsettled = unsettledCalls({
    reads,
    telephony: options.telephony,
    settlement,
    longestCallMs: options.longestCallMs ?? LONGEST_CALL_MS,
    everyMs: options.settleUnsettledEveryMs ?? 300_000,
    onError,
  });
  const dispatchCampaigns = carrierShare(campaignTick({ reads, dispatchOne }));
  // Kept between ticks, so an allowance of one call a second still reaches every company in turn.
  let rotation = firstRotation;

  const tick = async (): Promise<TickSummary> => {
    if (options.waitForReadModels && lastWrite > 0n) await options.waitForReadModels(lastWrite);
    const now = options.clock.now();
    const { found, released } = await reconcile(now);
    const settled = await settleUnsettled(now);
    const summary: TickSummary = {
      requested: 0,
      rescheduled: 0,
      withheld: 0,
      skipped: 0,
      reconciled: found,
      released,
      settled,
    };
    // The carrier's per-second cap, spread over the tick; shared fairly by companies, then their campaigns.
    const budget = {
      carrierAllowance: Math.max(1, Math.floor(((options.carrierCallsPerSecond ?? 1) * tickIntervalMs) / 1000)),
      companies: new Map(),
    };
    const shared = await dispatchCampaigns(await reads.activeCampaigns(), now, budget, rotation);
    rotation = shared.rotation;
    for (const result of shared.results) summary[result] += 1;
    return summary;
  };

  const loop = tickLoop({
    clock: options.clock,
    intervalMs: tickIntervalMs,
    tick,
    onError: (error) => onError(error, 'tick'),
  });

  return {
    tick,
    /** Carries a verified call status report to the call and, once final, to its contact. */
    settlement,
    start: loop.start,
    stop: loop.stop,
  };
};

export type Dispatcher = ReturnType<typeof dispatcher>;
