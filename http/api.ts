import type { RequestHandler, Router } from 'express';
import type { AdminRouter, EngineContext, ResourceRouter } from './engineContext.ts';
import { authenticate, type ApiKeyVerifier } from './auth.ts';
import { readYourWrites } from './readYourWrites.ts';
import { campaignsRouter } from './campaigns/campaignsRouter.ts';
import { hasCaller } from './caller.ts';
import { idempotency } from './idempotency/idempotency.ts';
import { callerScope } from './idempotency/callerScope.ts';
import { formsRouter } from './forms/formsRouter.ts';
import { agentsRouter } from './agents/agentsRouter.ts';
import { companiesRouter } from './company/companiesRouter.ts';
import { settingsRouter } from './company/settingsRouter.ts';
import { apiKeysRouter } from './company/apiKeysRouter.ts';
import { listsRouter } from './lists/listsRouter.ts';
import { listCasesRouter } from './lists/listCasesRouter.ts';
import { optOutsRouter } from './consent/optOutsRouter.ts';
import { unsubscribeRouter } from './consent/unsubscribeRouter.ts';
import { agentEventsRouter, type CompanyAgentReports } from './agentEvents/agentEventsRouter.ts';
import { campaignContactsRouter } from './campaignContacts/campaignContactsRouter.ts';
import { contactTimelineRouter } from './campaignContacts/contactTimelineRouter.ts';
import { mobileAppRouter } from './campaignContacts/mobileAppRouter.ts';
import { reportsRouter } from './reports/reportsRouter.ts';
import { scheduledReportsRouter } from './scheduledReports/scheduledReportsRouter.ts';
import { callRecordingRouter } from './reports/callRecordingRouter.ts';
import { legacyReportRedirects } from './reports/legacyReportRedirects.ts';
import type { Recordings } from '../commands/outreach/recordings.ts';
import { webhookDeliveriesRouter, type WebhookRetry } from './webhookDeliveries/webhookDeliveriesRouter.ts';

/** Every `/v1` router of the product, in the order they are mounted. */
const adminRouters: readonly AdminRouter[] = [companiesRouter];
const resourceRouters: readonly ResourceRouter[] = [
  formsRouter,
  agentsRouter,
  settingsRouter,
  apiKeysRouter,
  listsRouter,
  listCasesRouter,
  campaignsRouter,
  optOutsRouter,
  agentEventsRouter,
  campaignContactsRouter,
  contactTimelineRouter,
  mobileAppRouter,
  (ctx) => reportsRouter(ctx),
  (ctx) => scheduledReportsRouter(ctx),
];

export type ApiDeps = EngineContext & {
  readonly adminToken: string;
  readonly verifyApiKey: ApiKeyVerifier;
  readonly unsubscribeSecret?: string;
  /** The voice agent's reports, applied with the carrier at hand (transfers need it). */
  readonly agentReports?: CompanyAgentReports;
  /** Carrier callback routes (Twilio's), outside /v1: they prove themselves by signature. */
  readonly carrierRouters?: readonly Router[];
  /** The carrier's recordings, fetched for the calls report's recording links; none without a carrier. */
  readonly recordings?: Recordings;
  /** Sends a webhook delivery again by hand; the engine's webhook scheduler, when it runs here. */
  readonly webhookRetry?: WebhookRetry;
};

/** Whose writes a request reads: one API key of one company, or the admin. */
const keyOf = (caller: { scope: string; actor: string } | undefined) =>
  caller ? `${caller.scope} ${caller.actor}` : undefined;

/** The public API: read-your-writes, idempotency keys, admin routes, then everything behind an API key. */
export const apiRouters = (deps: ApiDeps): (Router | RequestHandler)[] => {
  const auth = authenticate(deps.verifyApiKey);
  const behindKey: RequestHandler = (req, res, next) =>
    req.path.startsWith('/v1/') && !hasCaller(req) ? auth(req, res, next) : next();
  const scopeOf = callerScope(deps.adminToken, deps.verifyApiKey);
  return [
    readYourWrites({ waitFor: deps.waitFor, callerOf: async (req) => keyOf(await scopeOf(req)) }),
    idempotency({ ...deps, scopeOf }),
    ...adminRouters.map((router) => router(deps, deps.adminToken)),
    // Email links carry no key: the signed token is the proof.
    unsubscribeRouter(deps),
    ...(deps.carrierRouters ?? []),
    // A redirect reads nothing: the report it points to checks the key.
    legacyReportRedirects(deps),
    behindKey,
    ...resourceRouters.map((router) => router(deps)),
    callRecordingRouter(deps, deps.recordings),
    webhookDeliveriesRouter(deps, deps.webhookRetry),
  ];
};
