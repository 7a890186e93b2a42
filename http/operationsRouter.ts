import { Router } from 'express';
import type { Registry } from 'prom-client';
import { serveApiReference, serveRedocScript } from './apiReference.ts';
import { metricsHandler } from './metrics.ts';
import { openApiDocument, problemResponse, type ApiInfo } from './openapi.ts';
import { readinessHandler, type Readiness, type ReadinessOptions } from './readiness.ts';
import { documentedRoute, type RouteRegistry } from './routeRegistry.ts';

const readinessSchema = {
  type: 'object',
  required: ['status', 'eventStore', 'readStore', 'maxLag', 'projections', 'problems'],
  properties: {
    status: { enum: ['ready', 'not_ready'] },
    eventStore: { enum: ['up', 'down'] },
    readStore: { enum: ['up', 'down'] },
    maxLag: { type: 'integer' },
    projections: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'version', 'checkpoint', 'head', 'lag', 'status'],
        properties: {
          name: { type: 'string' },
          version: { type: 'integer' },
          checkpoint: { type: 'string', description: 'global position, as a decimal string' },
          head: { type: 'string', description: 'global position of the newest event, as a decimal string' },
          lag: { type: 'integer', description: 'events still to apply, counted up to a limit' },
          lagAtLeast: {
            const: true,
            description: 'present when counting stopped at its limit: the projection is at least `lag` events behind',
          },
          status: { enum: ['ok', 'lagging', 'stopped'] },
          failed: { type: 'string', description: 'why a stopped projection stopped' },
          active: {
            type: 'boolean',
            description: 'whether this process runs the projection (another may hold its lease)',
          },
          heldBy: { type: 'string', description: "the process holding the projection's lease" },
        },
      },
    },
    problems: { type: 'array', items: { type: 'string' } },
  },
};

export type OperationsDeps = {
  readonly routes: RouteRegistry;
  readonly readiness: Readiness;
  readonly readinessOptions: ReadinessOptions;
  readonly metrics: Registry;
  readonly api: ApiInfo;
};

/** Probes, metrics and the API document: what operators and load balancers call. */
export const operationsRouter = (deps: OperationsDeps): Router => {
  const router = Router();
  const tags = ['Operations'];
  documentedRoute(
    router,
    deps.routes,
    {
      method: 'get',
      path: '/healthz',
      summary: 'Liveness: the process is running',
      tags,
      responses: {
        200: {
          description: 'alive',
          schema: { type: 'object', required: ['status'], properties: { status: { const: 'ok' } } },
        },
      },
    },
    (_req, res) => {
      res.set('Cache-Control', 'no-store').json({ status: 'ok' });
    },
  );
  documentedRoute(
    router,
    deps.routes,
    {
      method: 'get',
      path: '/readyz',
      summary: 'Readiness: both stores reachable and every projection within the allowed lag',
      tags,
      responses: {
        200: { description: 'ready to take traffic', schema: readinessSchema },
        503: { description: 'not ready; the body says why', schema: readinessSchema },
      },
    },
    readinessHandler(deps.readiness, deps.readinessOptions),
  );
  documentedRoute(
    router,
    deps.routes,
    {
      method: 'get',
      path: '/metrics',
      summary: 'Prometheus metrics: process defaults and HTTP request durations by method, route and status',
      tags,
      responses: {
        200: {
          description: 'Prometheus text exposition format',
          contentType: 'text/plain',
          schema: { type: 'string' },
        },
      },
    },
    metricsHandler(deps.metrics),
  );
  documentedRoute(
    router,
    deps.routes,
    {
      method: 'get',
      path: '/openapi.json',
      summary: 'This API described as OpenAPI 3.1',
      tags,
      responses: {
        200: { description: 'the OpenAPI document', schema: { type: 'object' } },
        500: problemResponse('unexpected error'),
      },
    },
    (_req, res) => {
      res.json(openApiDocument(deps.routes, deps.api));
    },
  );
  const scriptUrl = '/docs/redoc.standalone.js';
  documentedRoute(
    router,
    deps.routes,
    {
      method: 'get',
      path: '/docs',
      summary: 'This API as a readable reference page (Redoc over /openapi.json); no key needed',
      tags,
      responses: { 200: { description: 'the reference page', contentType: 'text/html', schema: { type: 'string' } } },
    },
    serveApiReference(deps.api.title, scriptUrl),
  );
  documentedRoute(
    router,
    deps.routes,
    {
      method: 'get',
      path: scriptUrl,
      summary: "The reference page's script: Redoc's standalone bundle, served from this server",
      tags,
      responses: {
        200: { description: 'JavaScript', contentType: 'application/javascript', schema: { type: 'string' } },
      },
    },
    serveRedocScript,
  );
  return router;
};
