import { startApi, type Api } from '../support/apiHarness.ts';

/** One operation of `/openapi.json`, as the cross-cutting suites walk them. */
export type DocumentedRoute = {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path, `{id}` style. */
  readonly path: string;
  readonly security: 'apiKey' | 'adminToken' | 'twilioSignature' | 'none';
  /** The request body's media type, when the operation takes a body. */
  readonly contentType?: string;
  /** Every media type the operation's body may have (none when it documents no body). */
  readonly contentTypes: readonly string[];
  readonly params: readonly string[];
};

type Operation = { security?: Record<string, unknown>[]; requestBody?: { content?: Record<string, unknown> } };

/** Every operation the running engine documents, read from its own `/openapi.json`. */
export const documentedRoutesOf = async (api: Api): Promise<DocumentedRoute[]> => {
  const answer = await api.call('GET', '/openapi.json');
  if (answer.status !== 200) throw new Error(`/openapi.json answered ${answer.status}`);
  const paths = answer.body.paths as Record<string, Record<string, Operation>>;
  return Object.entries(paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]): DocumentedRoute => {
      const security = Object.keys(operation.security?.[0] ?? {})[0] ?? 'none';
      const contentTypes = Object.keys(operation.requestBody?.content ?? {});
      const contentType = contentTypes[0];
      return {
        method: method.toUpperCase() as DocumentedRoute['method'],
        path,
        security: security as DocumentedRoute['security'],
        ...(contentType ? { contentType } : {}),
        contentTypes,
        params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
      };
    }),
  );
};

/** The documented routes of a freshly booted engine; suites call it while mocha loads them, to name a test per route. */
export const documentedRoutes = async (): Promise<DocumentedRoute[]> => {
  const api = await startApi();
  try {
    return await documentedRoutesOf(api);
  } finally {
    await api.close();
  }
};

export const routeName = (route: DocumentedRoute): string => `${route.method} ${route.path}`;

/** Routes of the product's API: `/v1`, reached with a company key or the admin token. */
export const isApiRoute = (route: DocumentedRoute): boolean =>
  route.path.startsWith('/v1/') && (route.security === 'apiKey' || route.security === 'adminToken');

export const takesBody = (route: DocumentedRoute): boolean =>
  route.method === 'POST' || route.method === 'PUT' || route.method === 'PATCH';
