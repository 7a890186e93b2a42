import type { Router } from 'express';
import { lifecycleCommands } from '../../commands/campaigns/lifecycleCommands.ts';
import { commandContextOf } from '../commandContextOf.ts';
import { decodeBody } from '../decodeBody.ts';
import type { EngineContext } from '../engineContext.ts';
import { problemResponse } from '../openapi.ts';
import { documentedRoute } from '../routeRegistry.ts';
import { LifecycleRequest } from './campaignRequests.ts';
import { campaignWithPosition } from './campaignSchemas.ts';
import { answerCampaign, ifMatchParameter, missing, stale, tags, targetOf, unauthorized } from './campaignAnswers.ts';

/** Launch, pause, resume, complete. */
export const campaignLifecycleRoutes = (router: Router, ctx: EngineContext): void => {
  const lifecycle = lifecycleCommands(ctx);

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'post',
      path: '/v1/campaigns/:id/launch',
      summary: 'Validate everything and launch',
      description:
        'Every problem is reported at once (422, `errors: [{path, message}]`). A launch freezes the settings, the report schedules, the CRM field mappings and the list membership, and enrols the list contacts in batches of up to 1,000, each recorded on its own after the launch; if it stopped midway (the campaign is ACTIVE with fewer contacts enrolled than `counts.contacts`), launching again finishes the enrolment from the membership the launch froze and answers 200, as the first launch would have.',
      tags,
      security: 'apiKey',
      parameters: [ifMatchParameter],
      responses: {
        200: { description: 'the launched campaign', schema: campaignWithPosition },
        401: unauthorized,
        404: missing,
        409: problemResponse('the campaign is not a draft, nor a launched campaign whose enrolment stopped midway'),
        412: stale,
        413: problemResponse(
          'one contact of the launch is larger than one append may hold (`EVENTSTORE_MAX_APPEND_BYTES`)',
        ),
        422: problemResponse('the draft cannot launch; `errors` lists every problem'),
      },
    },
    async (req, res) => {
      const context = commandContextOf(req, ctx);
      const result = await lifecycle.launch(targetOf(req), context);
      answerCampaign(res, result, context.now);
    },
  );

  const transitions = [
    { action: 'pause', summary: 'Pause an active campaign', refusal: 'the campaign is not active' },
    { action: 'resume', summary: 'Resume a paused campaign', refusal: 'the campaign is not paused' },
    {
      action: 'complete',
      summary: 'Complete an active or paused campaign',
      refusal: 'the campaign is a draft or already completed',
    },
  ] as const;

  for (const { action, summary, refusal } of transitions)
    documentedRoute(
      router,
      ctx.routes,
      {
        method: 'post',
        path: `/v1/campaigns/:id/${action}`,
        summary,
        tags,
        security: 'apiKey',
        parameters: [ifMatchParameter],
        requestBody: {
          required: false,
          schema: LifecycleRequest,
          description: 'optional: why',
          example: { reason: 'court holiday' },
        },
        responses: {
          200: { description: 'the campaign', schema: campaignWithPosition },
          400: problemResponse('the body is invalid'),
          401: unauthorized,
          404: missing,
          409: problemResponse(refusal),
          412: stale,
        },
      },
      async (req, res) => {
        const { reason } = decodeBody(LifecycleRequest, req.body ?? {});
        const context = commandContextOf(req, ctx);
        const result = await lifecycle[action](targetOf(req), reason, context);
        answerCampaign(res, result, context.now);
      },
    );
};
