import type { Router } from 'express';
import { draftCommands } from '../../commands/campaigns/draftCommands.ts';
import { commandContextOf } from '../commandContextOf.ts';
import { decodeBody } from '../decodeBody.ts';
import type { EngineContext } from '../engineContext.ts';
import { problemResponse } from '../openapi.ts';
import { positionJson } from '../responses.ts';
import { documentedRoute } from '../routeRegistry.ts';
import { ChangeStepRequest, CreateCampaignRequest, SaveDraftRequest, unknownDraftParts } from './campaignRequests.ts';
import { campaignWithPosition } from './campaignSchemas.ts';
import { answerCampaign, ifMatchParameter, missing, tags, targetOf, unauthorized } from './campaignAnswers.ts';

/** Drafts: start, autosave, remember the builder step, delete. */
export const campaignDraftRoutes = (router: Router, ctx: EngineContext): void => {
  const drafts = draftCommands(ctx);

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'post',
      path: '/v1/campaigns',
      summary: 'Start a draft campaign with its name',
      tags,
      security: 'apiKey',
      requestBody: { schema: CreateCampaignRequest, example: { name: 'Spring intake calls' } },
      responses: {
        201: { description: 'the new draft', schema: campaignWithPosition },
        400: problemResponse('the body is invalid'),
        401: unauthorized,
      },
    },
    async (req, res) => {
      const { name } = decodeBody(CreateCampaignRequest, req.body);
      const context = commandContextOf(req, ctx);
      const result = await drafts.start(ctx.newId(), name, context);
      answerCampaign(res, result, context.now, 201);
    },
  );

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'patch',
      path: '/v1/campaigns/:id',
      summary: 'Autosave any subset of a draft',
      description:
        'No launch validation: only the shape of each part is checked. `null` clears a part. A schedule in `company` mode copies the company default business hours; choosing an agent with a linked form links that form too (unless the same save names a form). `crmFieldMappings` write form answers onto case fields; `completeOnFormComplete` completes a contact once its form is complete.',
      tags,
      security: 'apiKey',
      parameters: [ifMatchParameter],
      requestBody: {
        schema: SaveDraftRequest,
        example: {
          description: 'Calls every new intake',
          type: 'voice',
          listId: '01937a3c-5d2e-7a10-8b1c-4e5f6a7b8c9d',
          concurrency: { limit: 5, pacingPerMinute: 10 },
        },
      },
      responses: {
        200: { description: 'the draft with its new revision', schema: campaignWithPosition },
        400: problemResponse('the body is invalid; `errors` names each path'),
        401: unauthorized,
        404: missing,
        409: problemResponse('the campaign is no longer a draft'),
        412: problemResponse('If-Match names a stale revision'),
      },
    },
    async (req, res) => {
      unknownDraftParts(req.body);
      const changes = decodeBody(SaveDraftRequest, req.body);
      const context = commandContextOf(req, ctx);
      const result = await drafts.save(targetOf(req), changes, context);
      answerCampaign(res, result, context.now);
    },
  );

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'put',
      path: '/v1/campaigns/:id/step',
      summary: 'Remember the builder step a draft is on',
      tags,
      security: 'apiKey',
      parameters: [ifMatchParameter],
      requestBody: { schema: ChangeStepRequest, example: { step: 'list' } },
      responses: {
        200: { description: 'the draft', schema: campaignWithPosition },
        400: problemResponse('not a builder step'),
        401: unauthorized,
        404: missing,
        409: problemResponse('the campaign is no longer a draft'),
        412: problemResponse('If-Match names a stale revision'),
      },
    },
    async (req, res) => {
      const { step } = decodeBody(ChangeStepRequest, req.body);
      const context = commandContextOf(req, ctx);
      const result = await drafts.changeStep(targetOf(req), step, context);
      answerCampaign(res, result, context.now);
    },
  );

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'delete',
      path: '/v1/campaigns/:id',
      summary: 'Delete a draft',
      description: 'Only drafts can be deleted; its history stays readable at /history.',
      tags,
      security: 'apiKey',
      parameters: [ifMatchParameter],
      responses: {
        200: {
          description: 'deleted',
          schema: {
            type: 'object',
            properties: { id: { type: 'string' }, deleted: { const: true }, position: { type: 'string' } },
          },
        },
        401: unauthorized,
        404: missing,
        409: problemResponse('the campaign is not a draft'),
        412: problemResponse('If-Match names a stale revision'),
      },
    },
    async (req, res) => {
      const target = targetOf(req);
      const result = await drafts.remove(target, commandContextOf(req, ctx));
      res.json({ id: target.campaignId, deleted: true, position: positionJson(result.position) });
    },
  );
};
