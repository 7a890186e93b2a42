import { Router } from 'express';
import * as t from 'io-ts';
import { createForm } from '../../commands/forms/createForm.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { companyScope } from '../../projections/companyScope.ts';
import { FORMS } from '../../projections/forms/formsProjection.ts';
import { callerOf } from '../caller.ts';
import { commandContextOf } from '../commandContextOf.ts';
import { decodeBody, decodeQuery } from '../decodeBody.ts';
import type { EngineContext } from '../engineContext.ts';
import { problemResponse } from '../openapi.ts';
import { findOptionsOf, PageQuery, pageSchema, pageParameters } from '../pageQuery.ts';
import { created, pageJson, resource, withPosition } from '../responses.ts';
import { documentedRoute } from '../routeRegistry.ts';
import { CreateFormRequest, formSchema, FormsQuery } from './formRequests.ts';

const tags = ['Forms'];
const createdSchema = withPosition(formSchema);

/** `POST /v1/forms`, `GET /v1/forms`, `GET /v1/forms/:id`: the answers an agent collects for a case type. */
export const formsRouter = (ctx: EngineContext): Router => {
  const router = Router();
  const create = createForm(ctx);

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'post',
      path: '/v1/forms',
      summary: 'Create a form with its case type and fields',
      tags,
      security: 'apiKey',
      requestBody: {
        schema: CreateFormRequest,
        example: {
          name: 'Intake',
          caseType: 'personal injury',
          fields: [
            { key: 'treated', label: 'Did you see a doctor?', type: 'choice', required: true, options: ['yes', 'no'] },
          ],
        },
      },
      responses: {
        201: { description: 'the form, with the position written', schema: createdSchema },
        400: problemResponse('the body is invalid; `errors` names each path'),
        401: problemResponse('no valid API key'),
      },
    },
    async (req, res) => {
      const body = decodeBody(CreateFormRequest, req.body);
      const context = commandContextOf(req, ctx);
      const result = await create({ formId: ctx.newId(), ...body }, context);
      const form = result.newState;
      if (form.status !== 'created') throw new Error('a handled CreateForm leaves the form created');
      const { formId: id, name, caseType, fields } = form;
      created(
        res,
        { id, companyId: context.companyId, name, caseType, fields, createdAt: context.now.toISOString() },
        result.position,
      );
    },
  );

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'get',
      path: '/v1/forms',
      summary: "The company's forms, oldest first, a page at a time",
      tags,
      security: 'apiKey',
      parameters: [...pageParameters, { name: 'caseType', in: 'query', description: 'only forms of this case type' }],
      responses: {
        200: { description: 'a page of forms', schema: pageSchema(formSchema) },
        400: problemResponse('bad query'),
        401: problemResponse('no valid API key'),
      },
    },
    async (req, res) => {
      const query = decodeQuery(t.intersection([PageQuery, FormsQuery]), req.query);
      const filter = query.caseType === undefined ? {} : { caseType: query.caseType };
      pageJson(
        res,
        await companyScope(ctx.readStore, callerOf(req).companyId).find(FORMS, filter, findOptionsOf(query)),
      );
    },
  );

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'get',
      path: '/v1/forms/:id',
      summary: 'One form',
      tags,
      security: 'apiKey',
      responses: {
        200: { description: 'the form', schema: formSchema },
        401: problemResponse('no valid API key'),
        404: problemResponse('the company has no such form'),
      },
    },
    async (req, res) => {
      const doc = await companyScope(ctx.readStore, callerOf(req).companyId).get(FORMS, String(req.params['id']));
      if (!doc) throw new NotFoundError('FORM.NOT_FOUND', 'No such form.');
      res.json(resource(doc));
    },
  );

  return router;
};
