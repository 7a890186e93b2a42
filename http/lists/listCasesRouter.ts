import { Router } from 'express';
import { addClientCases } from '../../commands/lists/addClientCases.ts';
import { importCases } from '../../commands/lists/importCases.ts';
import { ValidationError } from '../../domain/errors.ts';
import { companyScope } from '../../projections/companyScope.ts';
import { LIST_CASES } from '../../projections/lists/listCasesProjection.ts';
import { callerOf } from '../caller.ts';
import { commandContextOf } from '../commandContextOf.ts';
import { decodeBody, decodeQuery } from '../decodeBody.ts';
import type { EngineContext } from '../engineContext.ts';
import { problemResponse } from '../openapi.ts';
import { findOptionsOf, PageQuery, pageSchema, pageParameters } from '../pageQuery.ts';
import { commandDone, pageJson } from '../responses.ts';
import { documentedRoute } from '../routeRegistry.ts';
import { listIdOf, listOfCaller } from './listOfCaller.ts';
import {
  AddCasesRequest,
  addCasesAnswerSchema,
  addCasesBodySchema,
  caseSchema,
  importAnswerSchema,
  importBodySchema,
} from './listRequests.ts';

const tags = ['Lists'];

/** `POST /v1/lists/:id/cases`, `POST /v1/lists/:id/cases/import`, `GET /v1/lists/:id/cases`. */
export const listCasesRouter = (ctx: EngineContext): Router => {
  const router = Router();
  const addCases = addClientCases(ctx);
  const importCsv = importCases(ctx);

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'post',
      path: '/v1/lists/:id/cases',
      summary: 'Add cases; good cases are kept and bad ones named with their reason',
      description:
        'Each case is checked on its own: a case whose type differs from the list, whose externalId the list already holds, or with a contact that cannot be called is refused and named by its index; the rest are added.',
      tags,
      security: 'apiKey',
      requestBody: {
        schema: addCasesBodySchema,
        example: {
          cases: [
            {
              externalId: 'PI-2024-0117',
              caseType: 'personal injury',
              contacts: [{ name: 'Jane Roe', phone: '+13125550111', email: 'jane@example.com', state: 'IL' }],
            },
          ],
        },
      },
      responses: {
        200: { description: 'what was added and what was refused', schema: addCasesAnswerSchema },
        400: problemResponse('the body is not `{cases: [...]}` with 1 to 1000 cases'),
        401: problemResponse('no valid API key'),
        404: problemResponse('the company has no such list'),
      },
    },
    async (req, res) => {
      const listId = listIdOf(req);
      const body = decodeBody(AddCasesRequest, req.body);
      const { position, ...answer } = await addCases({ listId, cases: body.cases }, commandContextOf(req, ctx));
      commandDone(res, position, answer);
    },
  );

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'post',
      path: '/v1/lists/:id/cases/import',
      summary: 'Import cases from CSV, one contact a row; good rows are kept and bad ones named',
      tags,
      security: 'apiKey',
      requestBody: {
        contentType: 'text/csv',
        schema: importBodySchema,
        example:
          'externalId,caseType,name,phone,email\nPI-2024-0117,personal injury,Jane Roe,+13125550111,jane@example.com\n',
      },
      responses: {
        200: { description: 'what was added and which rows were refused', schema: importAnswerSchema },
        400: problemResponse('not a text/csv body, a header without the required columns, or more than 100,000 rows'),
        401: problemResponse('no valid API key'),
        404: problemResponse('the company has no such list'),
        413: problemResponse('the file is larger than the CSV body limit'),
      },
    },
    async (req, res) => {
      const listId = listIdOf(req);
      if (typeof req.body !== 'string')
        throw new ValidationError('IMPORT.NOT_CSV', 'Send the file as the body with Content-Type: text/csv.', [
          { path: '(root)', message: 'expected a text/csv body' },
        ]);
      const { position, ...answer } = await importCsv({ listId, csv: req.body }, commandContextOf(req, ctx));
      commandDone(res, position, answer);
    },
  );

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'get',
      path: '/v1/lists/:id/cases',
      summary: "A list's cases with their contacts, by externalId, a page at a time",
      tags,
      security: 'apiKey',
      parameters: [...pageParameters],
      responses: {
        200: { description: 'a page of cases', schema: pageSchema(caseSchema) },
        400: problemResponse('bad query'),
        401: problemResponse('no valid API key'),
        404: problemResponse('the company has no such list'),
      },
    },
    async (req, res) => {
      const query = decodeQuery(PageQuery, req.query);
      const list = await listOfCaller(ctx, req);
      const scope = companyScope(ctx.readStore, callerOf(req).companyId);
      pageJson(
        res,
        await scope.find(LIST_CASES, { listId: list._id }, { ...findOptionsOf(query), sort: [['externalId', 1]] }),
      );
    },
  );

  return router;
};
