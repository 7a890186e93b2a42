import express, { type Express, type RequestHandler, type Router } from 'express';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { decodes, jsonMediaType } from './acceptedMediaTypes.ts';
import { httpLogging } from './logging.ts';
import { httpMetrics } from './metrics.ts';
import { keepRawBody } from './rawBody.ts';
import type { ApiInfo } from './openapi.ts';
import { operationsRouter } from './operationsRouter.ts';
import { problemHandler, unknownRoute } from './problemDetails.ts';
import type { Readiness } from './readiness.ts';
import { createRouteRegistry, type RouteRegistry } from './routeRegistry.ts';
import { storableBody } from './storableBody.ts';

export type AppDeps = {
  readonly logger: Logger;
  readonly readiness: Readiness;
  /** Receives the default process metrics and the request histogram; `/metrics` serves it. */
  readonly metrics: Registry;
  /** The registry the resource routers documented themselves in; a fresh one when absent. */
  readonly routes?: RouteRegistry;
  /** Resource routers, mounted at the root in this order, after the operational routes. */
  readonly routers?: readonly (Router | RequestHandler)[];
  readonly limits?: {
    /** Bytes of a JSON (or form) body; 1 MB by default. */
    readonly jsonBytes?: number;
    /** Bytes of a text/csv body, for imports; 10 MB by default. */
    readonly csvBytes?: number;
  };
  readonly readyz?: { readonly maxLag?: number; readonly timeoutMs?: number };
  readonly api?: Partial<ApiInfo>;
};

/** The express app: logging and metrics, body parsers, operational routes, resource routers, problem+json errors. */
export const createApp = (deps: AppDeps): Express => {
  const routes = deps.routes ?? createRouteRegistry();
  const jsonBytes = deps.limits?.jsonBytes ?? 1024 ** 2;
  const app = express();
  app.disable('x-powered-by');
  app.use(httpLogging(deps.logger));
  app.use(httpMetrics(deps.metrics));
  // Only what some route takes is decoded, and only from UTF-8; each route refuses the rest (acceptsOnly).
  app.use(express.json({ limit: jsonBytes, type: decodes(jsonMediaType), verify: keepRawBody }));
  // Twilio posts its callbacks as forms; flat parameters are what its signature covers.
  app.use(
    express.urlencoded({
      extended: false,
      limit: jsonBytes,
      type: decodes('application/x-www-form-urlencoded'),
      verify: keepRawBody,
    }),
  );
  app.use(
    express.text({ type: decodes('text/csv'), limit: deps.limits?.csvBytes ?? 10 * 1024 ** 2, verify: keepRawBody }),
  );
  app.use(storableBody);
  app.use(
    operationsRouter({
      routes,
      readiness: deps.readiness,
      readinessOptions: { maxLag: deps.readyz?.maxLag ?? 1000, timeoutMs: deps.readyz?.timeoutMs ?? 2000 },
      metrics: deps.metrics,
      api: {
        title: deps.api?.title ?? 'Outreach engine',
        version: deps.api?.version ?? '0.1.0',
        ...(deps.api?.description ? { description: deps.api.description } : {}),
        ...(deps.api?.serverUrl ? { serverUrl: deps.api.serverUrl } : {}),
      },
    }),
  );
  for (const router of deps.routers ?? []) app.use(router);
  app.use(unknownRoute);
  app.use(problemHandler);
  return app;
};
