import { Router } from 'express';
import * as t from 'io-ts';
import { issueApiKey } from '../../commands/company/issueApiKey.ts';
import { revokeApiKey } from '../../commands/company/revokeApiKey.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { Id, NonEmptyString } from '../../domain/values.ts';
import { API_KEYS } from '../../projections/company/apiKeysProjection.ts';
import { companyScope } from '../../projections/companyScope.ts';
import type { ResourceRouter } from '../engineContext.ts';
import { callerOf } from '../caller.ts';
import { commandContextOf } from '../commandContextOf.ts';
import { decodeBody, decodeParams, decodeQuery } from '../decodeBody.ts';
import { problemResponse } from '../openapi.ts';
import { findOptionsOf, pageParameters } from '../pageQuery.ts';
import { commandDone } from '../responses.ts';
import { documentedRoute } from '../routeRegistry.ts';
import { apiKeyJson } from './apiKeyJson.ts';
import { ApiKeysQuery } from './apiKeysQuery.ts';
import { createdWithKey } from './shownOnce.ts';
import { named } from '../../domain/namedValue.ts';

const IssueApiKeyBody = t.type({ name: NonEmptyString });
const KeyParams = t.type({ id: Id });

const ApiKeyAnswer = t.type({
  id: t.string,
  name: t.string,
  status: t.keyof({ active: null, revoked: null }),
  createdAt: t.string,
  createdBy: t.string,
  revokedAt: t.union([t.string, t.null]),
  revokedBy: t.union([t.string, t.null]),
});

const tags = ['API keys'];
const unauthorized = problemResponse('No API key, or a revoked one');

/** Issue, list and revoke the caller's company's API keys. */
export const apiKeysRouter: ResourceRouter = (ctx) => {
  const router = Router();
  const deps = { store: ctx.eventStore, registry: ctx.registry };
  const issue = issueApiKey(deps);
  const revoke = revokeApiKey(deps);

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'post',
      path: '/v1/api-keys',
      summary: 'Issue an API key',
      description:
        '`apiKey` is shown in this answer only; the engine keeps a hash of it (an Idempotency-Key replay answers `apiKey: null`). A company holds at most 100 active keys.',
      tags,
      security: 'apiKey',
      requestBody: { schema: IssueApiKeyBody, example: { name: 'CRM sync' } },
      responses: {
        201: {
          description: 'The key, shown once',
          schema: t.intersection([ApiKeyAnswer, t.type({ apiKey: t.union([t.string, t.null]), position: t.string })]),
        },
        400: problemResponse('The body names a problem at each path'),
        401: unauthorized,
        409: problemResponse('Too many active keys'),
      },
    },
    async (req, res) => {
      const body = decodeBody(IssueApiKeyBody, req.body);
      const context = commandContextOf(req, ctx);
      const key = await issue({ keyId: ctx.newId(), name: body.name }, context);
      createdWithKey(
        res,
        {
          id: key.keyId,
          name: key.name,
          status: 'active',
          createdAt: context.now.toISOString(),
          createdBy: context.actor,
          revokedAt: null,
          revokedBy: null,
          apiKey: key.apiKey,
        },
        'apiKey',
        key.position,
      );
    },
  );

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'get',
      path: '/v1/api-keys',
      summary: "List the company's API keys, oldest first",
      description: 'Secrets and their hashes are never shown.',
      tags,
      security: 'apiKey',
      parameters: [
        ...pageParameters,
        {
          name: 'status',
          in: 'query',
          description: 'Only active or only revoked keys',
          schema: { enum: ['active', 'revoked'] },
        },
      ],
      responses: {
        200: {
          description: 'A page of keys',
          schema: t.type({ items: t.array(ApiKeyAnswer), next: t.union([t.string, t.null]) }),
        },
        400: problemResponse('A query parameter is invalid'),
        401: unauthorized,
      },
    },
    async (req, res) => {
      const query = decodeQuery(ApiKeysQuery, req.query);
      const scope = companyScope(ctx.readStore, callerOf(req).companyId);
      const filter =
        query.status === undefined ? {} : { revokedAt: query.status === 'active' ? { $eq: null } : { $ne: null } };
      const page = await scope.find(API_KEYS, filter, findOptionsOf(query));
      res.json({ items: page.items.map(apiKeyJson), next: page.next });
    },
  );

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'get',
      path: '/v1/api-keys/:id',
      summary: 'One API key (without its secret)',
      tags,
      security: 'apiKey',
      responses: {
        200: { description: 'The key', schema: ApiKeyAnswer },
        401: unauthorized,
        404: problemResponse('No such key in this company'),
      },
    },
    async (req, res) => {
      const { id } = decodeParams(KeyParams, req.params);
      const doc = await companyScope(ctx.readStore, callerOf(req).companyId).get(API_KEYS, id);
      if (!doc) throw new NotFoundError('API_KEY.NOT_FOUND', `No API key ${named(id)}.`);
      res.json(apiKeyJson(doc));
    },
  );

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'delete',
      path: '/v1/api-keys/:id',
      summary: 'Revoke an API key',
      description:
        'The key answers 401 from the next request on. Revoking a revoked key changes nothing. The last active key cannot be revoked (409): issue another first.',
      tags,
      security: 'apiKey',
      responses: {
        200: {
          description: 'Revoked',
          schema: t.type({ id: t.string, status: t.literal('revoked'), position: t.string }),
        },
        401: unauthorized,
        404: problemResponse('No such key in this company'),
        409: problemResponse("The company's last active key"),
      },
    },
    async (req, res) => {
      const { id } = decodeParams(KeyParams, req.params);
      const { position } = await revoke(id, commandContextOf(req, ctx));
      commandDone(res, position, { id, status: 'revoked' });
    },
  );

  return router;
};
