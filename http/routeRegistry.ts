import type { RequestHandler, Router } from 'express';
import type * as t from 'io-ts';
import { acceptsOnly } from './acceptedMediaTypes.ts';
import type { JsonSchema } from './codecSchema.ts';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A JSON Schema, or the io-ts codec that decodes the value (documented through `codecSchema`). */
export type Schema = JsonSchema | t.Any;

export type ResponseDoc = {
  readonly description: string;
  /** `application/json` unless said otherwise. */
  readonly contentType?: string;
  readonly schema?: Schema;
  /** The same answer in other media types the caller may ask for (a report as `text/csv`). */
  readonly alternatives?: readonly { readonly contentType: string; readonly schema: Schema }[];
};

export type ParameterDoc = {
  readonly name: string;
  readonly in: 'query' | 'header' | 'path';
  readonly description?: string;
  readonly required?: boolean;
  readonly schema?: Schema;
};

/** How a caller proves who it is; matches the security schemes of the OpenAPI document. */
export type Security = 'none' | 'apiKey' | 'adminToken' | 'twilioSignature';

export type RouteDoc = {
  readonly method: HttpMethod;
  /** The full express path (`/v1/campaigns/:id`); its `:params` are documented as path parameters. */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly operationId?: string;
  readonly security?: Security;
  readonly parameters?: readonly ParameterDoc[];
  /** `contentType` is what the route accepts (`application/json` when absent); any other body is refused with 415. */
  readonly requestBody?: {
    readonly contentType?: string | readonly string[];
    /** False when the route also takes no body at all (`{}` is read then); a body is required otherwise. */
    readonly required?: boolean;
    readonly schema: Schema;
    readonly description?: string;
    /** A body the route takes, as OpenAPI's `example` of the media type; every body documents one (or `examples`). */
    readonly example?: unknown;
    /** Named example bodies, as OpenAPI's `examples` of the media type. */
    readonly examples?: { readonly [name: string]: { readonly summary: string; readonly value: unknown } };
  };
  readonly responses: { readonly [status: number]: ResponseDoc };
};

/** Every router registers its routes here; `/openapi.json` is built from what is registered. */
export interface RouteRegistry {
  register(route: RouteDoc): void;
  routes(): readonly RouteDoc[];
}

export const createRouteRegistry = (): RouteRegistry => {
  const routes = new Map<string, RouteDoc>();
  return {
    register(route) {
      const key = `${route.method.toUpperCase()} ${route.path}`;
      // Two handlers documenting one operation means one of them is wrong.
      if (routes.has(key)) throw new Error(`route ${key} is registered twice`);
      routes.set(key, route);
    },
    routes: () => [...routes.values()],
  };
};

/**
 * Mounts a handler and documents it in one step, so the document cannot drift from the routes.
 * The router must be mounted at the root, as `doc.path` is the full path.
 */
export const documentedRoute = (router: Router, registry: RouteRegistry, doc: RouteDoc, ...handlers: RequestHandler[]): void => {
  registry.register(doc);
  const tag: RequestHandler = (_req, res, next) => {
    res.locals.route = doc.path;
    next();
  };
  router[doc.method](doc.path, tag, acceptsOnly(doc), ...handlers);
};
