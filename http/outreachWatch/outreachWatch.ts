import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { mergeMap, type Observable } from 'rxjs';
import type { Scheduler } from '../../commands/scheduler.ts';
import type { NewEvent } from '../../domain/events/event.ts';
import { windowRefusalOf } from '../../domain/outreach/windowRefusal.ts';
import type { ReadStore } from '../../projections/readStore.ts';
import { campaignSeries } from './campaignSeries.ts';
import { outreachCounts } from './outreachCounts.ts';
import { outreachLogLine, type OutreachLogLine } from './outreachLogLine.ts';
import { outreachMetrics } from './outreachMetrics.ts';
import { requestOrigins } from './requestOrigins.ts';
import { windowWaits } from './windowWaits.ts';

export type OutreachWatchOptions = {
  readonly logger: Logger;
  readonly registry: Registry;
  readonly readStore: ReadStore;
  readonly clock: Scheduler;
  /** Campaigns with metric series of their own at once (default 200). */
  readonly campaignSeriesCap?: number;
  /** How long a campaign keeps its series once no longer active (default an hour). */
  readonly campaignSeriesGraceMs?: number;
};

/**
 * Outreach as it happens, from the events this process appends: one log line per decision worth
 * knowing, and the outreach metrics. Observing never throws into the append it follows.
 */
export const outreachWatch = (options: OutreachWatchOptions) => {
  const { logger, clock } = options;
  const series = campaignSeries({
    cap: options.campaignSeriesCap ?? 200,
    graceMs: options.campaignSeriesGraceMs ?? 3_600_000,
  });
  const metrics = outreachMetrics({
    registry: options.registry,
    readStore: options.readStore,
    series,
    now: () => clock.now().getTime(),
    onError: (error) => logger.warn({ err: error }, 'outreach gauges could not be counted'),
  });
  const write = (line: OutreachLogLine) => logger[line.level](line.fields, line.message);
  const waits = windowWaits({ clock, log: write });
  const origins = requestOrigins();

  const observeOne = (event: NewEvent) => {
    const origin = origins.of(event);
    metrics.count(event.metadata.companyId, outreachCounts(event, origin));
    const line = outreachLogLine(event, origin);
    if (line && logger.isLevelEnabled(line.level)) write(line);
    const { campaignId, reason, at } = event.data as { campaignId?: string; reason?: string; at?: string };
    if (
      campaignId &&
      at &&
      event.type === 'NextAttemptScheduled' &&
      windowRefusalOf(event.type, reason ?? '') &&
      logger.isLevelEnabled('info')
    )
      waits.refused(event.metadata.companyId, campaignId, at);
    if (campaignId && event.type === 'CampaignCompleted') waits.ended(campaignId);
  };

  /** Each event of the feed on its own, so one that cannot be read costs only its own line. */
  const observe = (event: NewEvent) => {
    try {
      observeOne(event);
    } catch (error) {
      logger.warn({ err: error, type: event.type }, 'outreach watch could not read an event');
    }
  };

  return {
    /** Follows the feed of what this process appends until the returned function is called. */
    watch: (appended: Observable<readonly NewEvent[]>) => {
      const subscription = appended.pipe(mergeMap((events) => events)).subscribe(observe);
      return () => subscription.unsubscribe();
    },
    stop: waits.stop,
  };
};

export type OutreachWatch = ReturnType<typeof outreachWatch>;
