import { Router } from 'express';
import { createList } from '../../commands/lists/createList.ts';
import { companyScope } from '../../projections/companyScope.ts';
import { LISTS } from '../../projections/lists/listsProjection.ts';
import { callerOf } from '../caller.ts';
import { commandContextOf } from '../commandContextOf.ts';
import { decodeBody, decodeQuery } from '../decodeBody.ts';
import type { EngineContext } from '../engineContext.ts';
import { problemResponse } from '../openapi.ts';
import { findOptionsOf, PageQuery, pageSchema, pageParameters } from '../pageQuery.ts';
import { created, pageJson, resource, withPosition } from '../responses.ts';
import { documentedRoute } from '../routeRegistry.ts';
import { listOfCaller } from './listOfCaller.ts';
import { CreateListRequest, listSchema } from './listRequests.ts';

const tags = ['Lists'];
const createdSchema = withPosition(listSchema);

/** `POST /v1/lists`, `GET /v1/lists`, `GET /v1/lists/:id`: lists of cases of one case type. */
export const listsRouter = (ctx: EngineContext): Router => {
  const router = Router();
  const create = createList(ctx);

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'post',
      path: '/v1/lists',
      summary: 'Create a list of cases of one case type',
      tags,
      security: 'apiKey',
      requestBody: { schema: CreateListRequest, example: { name: 'Spring intake', caseType: 'personal injury' } },
      responses: {
        201: { description: 'the list, with the position written', schema: createdSchema },
        400: problemResponse('the body is invalid; `errors` names each path'),
        401: problemResponse('no valid API key'),
      },
    },
    async (req, res) => {
      const body = decodeBody(CreateListRequest, req.body);
      const context = commandContextOf(req, ctx);
      const listId = ctx.newId();
      const result = await create({ listId, companyId: context.companyId, ...body }, context);
      const at = context.now.toISOString();
      created(
        res,
        {
          id: listId,
          companyId: context.companyId,
          ...body,
          counts: { cases: 0, contacts: 0 },
          createdAt: at,
          updatedAt: at,
        },
        result.position,
      );
    },
  );

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'get',
      path: '/v1/lists',
      summary: "The company's lists with their counts, oldest first, a page at a time",
      tags,
      security: 'apiKey',
      parameters: [...pageParameters],
      responses: {
        200: { description: 'a page of lists', schema: pageSchema(listSchema) },
        400: problemResponse('bad query'),
        401: problemResponse('no valid API key'),
      },
    },
    async (req, res) => {
      const query = decodeQuery(PageQuery, req.query);
      pageJson(res, await companyScope(ctx.readStore, callerOf(req).companyId).find(LISTS, {}, findOptionsOf(query)));
    },
  );

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'get',
      path: '/v1/lists/:id',
      summary: 'One list with how many cases and contacts it holds',
      tags,
      security: 'apiKey',
      responses: {
        200: { description: 'the list', schema: listSchema },
        401: problemResponse('no valid API key'),
        404: problemResponse('the company has no such list'),
      },
    },
    async (req, res) => {
      res.json(resource(await listOfCaller(ctx, req)));
    },
  );

  return router;
};
