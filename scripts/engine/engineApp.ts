import type { Express } from 'express';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import type { EventStore } from '../../commands/eventStore.ts';
import type { ReadStore } from '../../projections/readStore.ts';
import { engineRegistry } from '../../domain/engineEvents.ts';
import { engineProjections } from '../../projections/engineProjections.ts';
import { projectionRunner, type ProjectionRunner, type RunnerLeases } from '../../projections/projectionRunner.ts';
import { LAG_COUNT_LIMIT } from '../../projections/projectionLag.ts';
import { apiKeyVerifier } from '../../commands/company/apiKeyVerifier.ts';
import { createApp } from '../../http/app.ts';
import { apiRouters } from '../../http/api.ts';
import type { EngineContext } from '../../http/engineContext.ts';
import { createRouteRegistry, type RouteRegistry } from '../../http/routeRegistry.ts';
import type { CompanyAgentReports } from '../../http/agentEvents/agentEventsRouter.ts';
import type { Router } from 'express';
import { storeReadiness } from '../../http/storeReadiness.ts';
import { newEntityId, systemClock } from '../../adapters/clock/systemClock.ts';
import { systemScheduler } from '../../adapters/clock/scheduler.ts';
import { engineMetrics } from './engineMetrics.ts';
import { complianceRules, type ComplianceRules } from '../../domain/compliance/complianceRules.ts';
import type { Recordings } from '../../commands/outreach/recordings.ts';
import type { WebhookRetry } from '../../http/webhookDeliveries/webhookDeliveriesRouter.ts';
import { documentTwilioCallbacks } from '../../http/webhooks/twilio/twilioWebhooksRouter.ts';

export type EngineAppOptions = {
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  readonly logger: Logger;
  readonly adminToken: string;
  readonly clock?: () => Date;
  readonly newId?: () => string;
  readonly limits?: { jsonBytes?: number; csvBytes?: number };
  readonly readyMaxLag?: number;
  readonly publicUrl?: string;
  readonly unsubscribeSecret?: string;
  /** The outreach side's HTTP needs: the agent's reports and the carrier's callback routes. */
  readonly outreach?: {
    readonly agentReports: CompanyAgentReports;
    routers(routes: RouteRegistry): Router[];
    readonly recordings?: Recordings;
  };
  /** Run each projection only while this process holds its lease; unset, run them all here. */
  readonly projectionLeases?: RunnerLeases;
  /** The rule tables as configuration overrides them (the same value outreach runs on); the shipped ones when absent. */
  readonly compliance?: ComplianceRules;
  /** Webhook URLs on private or loopback addresses pass launch validation (`WEBHOOK_ALLOW_PRIVATE`). */
  readonly allowPrivateWebhooks?: boolean;
  /** Sends a webhook delivery again by hand: the webhook scheduler's retry, where it runs. */
  readonly webhookRetry?: WebhookRetry;
  /** The registry `GET /metrics` serves, when others (the outreach metrics) already write to it. */
  readonly metrics?: Registry;
};

export type EngineApp = { readonly app: Express; readonly runner: ProjectionRunner; readonly context: EngineContext };

/**
 * Documents each projection keeps in memory per collection: the contacts outreach is busy with, in a bound
 * the heap keeps to (a million-contact launch peaked at 1.9 GB with the runner's 100,000, 0.9 GB with this).
 */
const ENGINE_DOCUMENT_CACHE = 10_000;

/** The whole engine over two stores: projections running, and the HTTP app with every router. */
export const engineApp = async (options: EngineAppOptions): Promise<EngineApp> => {
  const { eventStore, readStore, logger } = options;
  // Leases, bounded waits and the quiet checkpoint keep real time, whatever clock outreach runs on.
  const realTime = systemScheduler((error) => logger.error({ err: error }, 'engine timer failed'));
  const runner = projectionRunner({
    eventStore,
    readStore,
    projections: engineProjections,
    clock: realTime,
    log: logger,
    cacheSize: ENGINE_DOCUMENT_CACHE,
    // Lag is counted one past the readiness bound at least, so a capped count still answers "lagging".
    ...(options.readyMaxLag !== undefined ? { lagLimit: Math.max(LAG_COUNT_LIMIT, options.readyMaxLag + 1) } : {}),
    ...(options.projectionLeases ? { leases: options.projectionLeases } : {}),
  });
  await runner.start();
  const metrics = options.metrics ?? new Registry();
  engineMetrics(metrics, runner);
  const routes = createRouteRegistry();
  const compliance = options.compliance ?? complianceRules();
  const context: EngineContext = {
    eventStore,
    registry: engineRegistry,
    readStore,
    routes,
    clock: options.clock ?? systemClock,
    realTime,
    newId: options.newId ?? newEntityId,
    waitFor: (position, waitOptions) => runner.waitFor(position, waitOptions),
    compliance,
    consentRules: compliance.consent,
    ...(options.allowPrivateWebhooks ? { allowPrivateWebhooks: true } : {}),
  };
  const app = createApp({
    logger,
    metrics,
    routes,
    readiness: storeReadiness({
      eventStore,
      readStore,
      projections: () => runner.status(),
    }),
    routers: apiRouters({
      ...context,
      adminToken: options.adminToken,
      verifyApiKey: apiKeyVerifier(eventStore),
      ...(options.unsubscribeSecret ? { unsubscribeSecret: options.unsubscribeSecret } : {}),
      ...(options.outreach
        ? { agentReports: options.outreach.agentReports, carrierRouters: options.outreach.routers(routes) }
        : {}),
      ...(options.outreach?.recordings ? { recordings: options.outreach.recordings } : {}),
      ...(options.webhookRetry ? { webhookRetry: options.webhookRetry } : {}),
    }),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.readyMaxLag !== undefined ? { readyz: { maxLag: options.readyMaxLag } } : {}),
    ...(options.publicUrl ? { api: { serverUrl: options.publicUrl } } : {}),
  });
  // Twilio's callbacks are part of the API whichever carrier this process runs; only a Twilio carrier serves them.
  if (!routes.routes().some((route) => route.security === 'twilioSignature')) documentTwilioCallbacks(routes);
  return { app, runner, context };
};
