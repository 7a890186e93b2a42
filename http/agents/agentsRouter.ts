import { Router } from 'express';
import * as t from 'io-ts';
import { createAgent } from '../../commands/agents/createAgent.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { AGENTS } from '../../projections/agents/agentsProjection.ts';
import { companyScope } from '../../projections/companyScope.ts';
import { callerOf } from '../caller.ts';
import { commandContextOf } from '../commandContextOf.ts';
import { decodeBody, decodeQuery } from '../decodeBody.ts';
import type { EngineContext } from '../engineContext.ts';
import { problemResponse } from '../openapi.ts';
import { findOptionsOf, PageQuery, pageSchema, pageParameters } from '../pageQuery.ts';
import { created, pageJson, resource, withPosition } from '../responses.ts';
import { documentedRoute } from '../routeRegistry.ts';
import { AgentsQuery, agentSchema, CreateAgentRequest } from './agentRequests.ts';
import { EXAMPLE_PHONE } from '../../domain/values.ts';

const tags = ['Agents'];
const createdSchema = withPosition(agentSchema);

/** `POST /v1/agents`, `GET /v1/agents`, `GET /v1/agents/:id`: AI voice agents, optionally pre-built with a form. */
export const agentsRouter = (ctx: EngineContext): Router => {
  const router = Router();
  const create = createAgent(ctx);

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'post',
      path: '/v1/agents',
      summary: 'Create an AI agent; a linked form makes it a pre-built agent',
      description:
        'callerNumber is normalised to E.164 (national numbers are read as US). formId must name a form of the same company, or the answer is 400 naming `formId`.',
      tags,
      security: 'apiKey',
      requestBody: {
        schema: CreateAgentRequest,
        example: {
          name: 'Intake agent',
          voice: 'alloy',
          streamUrl: 'wss://voice.example.com/stream',
          callerNumber: EXAMPLE_PHONE,
        },
      },
      responses: {
        201: { description: 'the agent, with the position written', schema: createdSchema },
        400: problemResponse('the body is invalid, or formId is not a form of this company; `errors` names each path'),
        401: problemResponse('no valid API key'),
      },
    },
    async (req, res) => {
      const body = decodeBody(CreateAgentRequest, req.body);
      const context = commandContextOf(req, ctx);
      const result = await create({ agentId: ctx.newId(), ...body }, context);
      const agent = result.newState;
      if (agent.status !== 'created') throw new Error('a handled CreateAgent leaves the agent created');
      const { status: _status, agentId: id, ...settings } = agent;
      created(
        res,
        { id, companyId: context.companyId, ...settings, createdAt: context.now.toISOString() },
        result.position,
      );
    },
  );

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'get',
      path: '/v1/agents',
      summary: "The company's AI agents, oldest first, a page at a time",
      tags,
      security: 'apiKey',
      parameters: [...pageParameters, { name: 'formId', in: 'query', description: 'only agents linked to this form' }],
      responses: {
        200: { description: 'a page of agents', schema: pageSchema(agentSchema) },
        400: problemResponse('bad query'),
        401: problemResponse('no valid API key'),
      },
    },
    async (req, res) => {
      const query = decodeQuery(t.intersection([PageQuery, AgentsQuery]), req.query);
      const filter = query.formId === undefined ? {} : { formId: query.formId };
      pageJson(
        res,
        await companyScope(ctx.readStore, callerOf(req).companyId).find(AGENTS, filter, findOptionsOf(query)),
      );
    },
  );

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'get',
      path: '/v1/agents/:id',
      summary: 'One AI agent',
      tags,
      security: 'apiKey',
      responses: {
        200: { description: 'the agent', schema: agentSchema },
        401: problemResponse('no valid API key'),
        404: problemResponse('the company has no such agent'),
      },
    },
    async (req, res) => {
      const doc = await companyScope(ctx.readStore, callerOf(req).companyId).get(AGENTS, String(req.params['id']));
      if (!doc) throw new NotFoundError('AGENT.NOT_FOUND', 'No such agent.');
      res.json(resource(doc));
    },
  );

  return router;
};
