import { Router } from 'express';
import * as t from 'io-ts';
import { createCompany } from '../../commands/company/createCompany.ts';
import { NonEmptyString } from '../../domain/values.ts';
import type { AdminRouter } from '../engineContext.ts';
import { requireAdminToken } from '../auth.ts';
import { decodeBody } from '../decodeBody.ts';
import { idempotentCommandId } from '../idempotency/idempotentCommandId.ts';
import { problemResponse } from '../openapi.ts';
import { documentedRoute } from '../routeRegistry.ts';
import { createdWithKey } from './shownOnce.ts';

const CreateCompanyBody = t.intersection([t.type({ name: NonEmptyString }), t.partial({ apiKeyName: NonEmptyString })]);

const CreatedCompanyAnswer = t.type({
  company: t.type({ id: t.string, name: t.string }),
  apiKey: t.union([t.string, t.null]),
  apiKeyId: t.string,
  position: t.string,
});

export const FIRST_API_KEY_NAME = 'Initial key';

/** `POST /v1/companies`: the platform admin opens a company and receives its first API key. */
export const companiesRouter: AdminRouter = (ctx, adminToken) => {
  const router = Router();
  const create = createCompany({ store: ctx.eventStore, registry: ctx.registry });
  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'post',
      path: '/v1/companies',
      summary: 'Create a company and its first API key',
      description:
        'The API key is shown in this answer only; the engine keeps a hash of it. An Idempotency-Key replay answers `apiKey: null`.',
      tags: ['Company'],
      security: 'adminToken',
      requestBody: { schema: CreateCompanyBody, example: { name: 'Hartley & Vance LLP' } },
      responses: {
        201: {
          description: 'The company, its first API key (shown once) and the position written',
          schema: CreatedCompanyAnswer,
        },
        400: problemResponse('The body names a problem at each path'),
        401: problemResponse('No or wrong admin token'),
      },
    },
    requireAdminToken(adminToken),
    async (req, res) => {
      const body = decodeBody(CreateCompanyBody, req.body);
      const companyId = ctx.newId();
      const context = {
        commandId: idempotentCommandId(req) ?? ctx.newId(),
        companyId,
        actor: 'admin',
        now: ctx.clock(),
      };
      const company = await create(
        { companyId, name: body.name, keyId: ctx.newId(), apiKeyName: body.apiKeyName ?? FIRST_API_KEY_NAME },
        context,
      );
      createdWithKey(
        res,
        { company: { id: company.companyId, name: company.name }, apiKey: company.apiKey, apiKeyId: company.keyId },
        'apiKey',
        company.position,
      );
    },
  );
  return router;
};
