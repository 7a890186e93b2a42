import type { RequestHandler, Router } from 'express';
import { acceptsOnly } from './acceptedMediaTypes.ts';
import type { RouteDoc } from './routeDoc.ts';

export type { HttpMethod, ParameterDoc, ResponseDoc, RouteDoc, Schema, Security } from './routeDoc.ts';

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
export const documentedRoute = (
  router: Router,
  registry: RouteRegistry,
  doc: RouteDoc,
  ...handlers: RequestHandler[]
): void => {
  registry.register(doc);
  const tag: RequestHandler = (_req, res, next) => {
    res.locals.route = doc.path;
    next();
  };
  router[doc.method](doc.path, tag, acceptsOnly(doc), ...handlers);
};
