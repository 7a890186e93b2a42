import * as t from 'io-ts';
import { codecSchema, type JsonSchema } from './codecSchema.ts';
import type { ParameterDoc, ResponseDoc, RouteDoc, RouteRegistry, Schema } from './routeRegistry.ts';
import { problemContentType } from './problemDetails.ts';
import { acceptedMediaTypes } from './acceptedMediaTypes.ts';

export type ApiInfo = {
  readonly title: string;
  readonly version: string;
  readonly description?: string;
  readonly serverUrl?: string;
};

const isCodec = (schema: Schema): schema is t.Any => schema instanceof t.Type;
const toJsonSchema = (schema: Schema): JsonSchema => (isCodec(schema) ? codecSchema(schema) : schema);

/** A problem+json response, for the error statuses of a route. */
export const problemResponse = (description: string): ResponseDoc => ({
  description,
  contentType: problemContentType,
  schema: { $ref: '#/components/schemas/Problem' },
});

const problemSchema: JsonSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', format: 'uri-reference' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', description: 'Stable error code, e.g. CAMPAIGN.NOT_A_DRAFT' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

const securitySchemes = {
  apiKey: { type: 'http', scheme: 'bearer', description: 'A company API key: `Authorization: Bearer <api key>`.' },
  adminToken: { type: 'http', scheme: 'bearer', description: 'The platform admin token (ADMIN_TOKEN).' },
  twilioSignature: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Twilio-Signature',
    description:
      "Twilio's request signature: the Base64 HMAC-SHA1, keyed with the account's auth token, of the full URL Twilio called (as `PUBLIC_URL` names this server, query included) followed by every POST parameter's name and value, sorted by name. A request without it, or with any other value, is refused with 403 and changes nothing.",
  },
};

/** `/v1/campaigns/:id` becomes `/v1/campaigns/{id}`. */
const openApiPath = (path: string): string => path.replace(/:(\w+)/g, '{$1}');
const pathParams = (path: string): string[] => [...path.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');

const operationId = (route: RouteDoc): string =>
  route.operationId ??
  route.method +
    route.path
      .split(/[^A-Za-z0-9:]+/)
      .filter(Boolean)
      .map((part) =>
        part.startsWith(':')
          ? `By${part.slice(1, 2).toUpperCase()}${part.slice(2)}`
          : part[0]!.toUpperCase() + part.slice(1),
      )
      .join('');

const parameter = (p: ParameterDoc) => ({
  name: p.name,
  in: p.in,
  required: p.in === 'path' ? true : (p.required ?? false),
  ...(p.description ? { description: p.description } : {}),
  schema: p.schema ? toJsonSchema(p.schema) : { type: 'string' },
});

const unsupportedBody = (route: RouteDoc): ResponseDoc =>
  problemResponse(`the body is not ${acceptedMediaTypes(route).join(' or ')} in UTF-8`);

const operation = (route: RouteDoc) => {
  const listed = route.parameters ?? [];
  const implicit = pathParams(route.path)
    .filter((name) => !listed.some((p) => p.in === 'path' && p.name === name))
    .map((name): ParameterDoc => ({ name, in: 'path' }));
  const parameters = [...implicit, ...listed].map(parameter);
  return {
    operationId: operationId(route),
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(route.tags ? { tags: route.tags } : {}),
    security: route.security && route.security !== 'none' ? [{ [route.security]: [] }] : [],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.requestBody
      ? {
          requestBody: {
            required: route.requestBody.required !== false,
            ...(route.requestBody.description ? { description: route.requestBody.description } : {}),
            content: Object.fromEntries(
              acceptedMediaTypes(route).map((type) => [
                type,
                {
                  schema: toJsonSchema(route.requestBody!.schema),
                  ...(route.requestBody!.example !== undefined ? { example: route.requestBody!.example } : {}),
                  ...(route.requestBody!.examples ? { examples: route.requestBody!.examples } : {}),
                },
              ]),
            ),
          },
        }
      : {}),
    responses: Object.fromEntries(
      Object.entries(
        route.requestBody && !route.responses[415]
          ? { ...route.responses, 415: unsupportedBody(route) }
          : route.responses,
      ).map(([status, response]: [string, ResponseDoc]) => [
        status,
        {
          description: response.description,
          ...(response.schema
            ? {
                content: {
                  [response.contentType ?? 'application/json']: { schema: toJsonSchema(response.schema) },
                  ...Object.fromEntries(
                    (response.alternatives ?? []).map((other) => [
                      other.contentType,
                      { schema: toJsonSchema(other.schema) },
                    ]),
                  ),
                },
              }
            : {}),
        },
      ]),
    ),
  };
};

/** The OpenAPI 3.1 document of every registered route, sorted by path. */
export const openApiDocument = (registry: RouteRegistry, info: ApiInfo) => {
  const paths: Record<string, Record<string, unknown>> = {};
  const routes = [...registry.routes()].sort((a, b) => a.path.localeCompare(b.path));
  for (const route of routes) (paths[openApiPath(route.path)] ??= {})[route.method] = operation(route);
  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version, ...(info.description ? { description: info.description } : {}) },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    paths,
    components: { schemas: { Problem: problemSchema }, securitySchemes },
  };
};
