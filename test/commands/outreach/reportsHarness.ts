import type { SmsKeywords } from '../../../domain/consent/smsKeywords.ts';
import { engineRegistry } from '../../../domain/engineEvents.ts';
import { outreachReports } from '../../../commands/outreach/outreachReports.ts';
import { projectionRunner, type ProjectionRunner } from '../../../projections/projectionRunner.ts';
import type { Projection } from '../../../projections/projection.ts';
import { inboundRoutingProjection } from '../../../projections/outreach/inboundRoutingProjection.ts';
import { campaignsProjection } from '../../../projections/campaigns/campaignsProjection.ts';
import type { SendSms } from '../../../commands/outreach/telephony.ts';
import { newEntityId } from '../../../adapters/clock/systemClock.ts';
import { dispatchHarness, type DispatchHarness } from '../../schedulers/dispatchHarness.ts';
import { realTime } from '../../support/realTime.ts';
import type { Scheduler } from '../../../commands/scheduler.ts';

export const UNSUBSCRIBE_SECRET = 'unsubscribe-secret-for-tests';

/** The dispatch harness, plus the read models reports are routed by, and the report handlers over a carrier that keeps texts and transfers. */
export const reportsHarness = () => {
  const h: DispatchHarness = dispatchHarness();
  const texts: SendSms[] = [];
  const transfers: { carrierCallId: string; to: string }[] = [];
  h.telephony.sendSms = async (message) => {
    texts.push(message);
    return { carrierMessageId: `SM-${texts.length}` };
  };
  h.telephony.transferCall = async (carrierCallId, to) => {
    transfers.push({ carrierCallId, to });
  };
  let runner: ProjectionRunner | undefined;
  let dispatcher: ReturnType<DispatchHarness['dispatcher']> | undefined;

  const start = async () => {
    await h.start();
    runner = projectionRunner({
      clock: realTime,
      eventStore: h.stores.eventStore,
      readStore: h.stores.readStore,
      projections: [inboundRoutingProjection, campaignsProjection] as Projection[],
      pollIntervalMs: 10,
    });
    await runner.start();
    dispatcher = h.dispatcher();
  };
  const caughtUp = async () => {
    await h.caughtUp();
    await runner!.waitFor(await h.stores.eventStore.headPosition(), { timeoutMs: 10_000 });
  };
  const reports = (
    smsKeywords?: SmsKeywords,
    log?: { warn(fields: object, message: string): void },
    lookup: { realTime: Scheduler; waitMs: number } = { realTime, waitMs: 500 },
  ) =>
    outreachReports({
      eventStore: h.stores.eventStore,
      registry: engineRegistry,
      readStore: h.stores.readStore,
      clock: () => new Date(h.clock.current),
      newId: newEntityId,
      telephony: h.telephony,
      settlement: dispatcher!.settlement,
      unsubscribeSecret: UNSUBSCRIBE_SECRET,
      realTime: lookup.realTime,
      lookupWaitMs: lookup.waitMs,
      ...(smsKeywords ? { smsKeywords } : {}),
      ...(log ? { log } : {}),
    });
  const typesOf = async (stream: string) => {
    const types: string[] = [];
    for await (const event of h.stores.eventStore.readStream(stream)) types.push(event.type);
    return types;
  };
  return {
    h,
    texts,
    transfers,
    start,
    caughtUp,
    reports,
    typesOf,
    get dispatcher() {
      return dispatcher!;
    },
    dispose: async () => {
      await runner?.stop();
      await h.dispose();
    },
  };
};

export type ReportsHarness = ReturnType<typeof reportsHarness>;
