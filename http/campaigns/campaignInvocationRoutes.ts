import type { Router } from 'express';
import { campaignInvocation } from '../../commands/campaignContacts/campaignInvocation.ts';
import { ValidationError } from '../../domain/errors.ts';
import { commandContextOf } from '../commandContextOf.ts';
import { decodeBody } from '../decodeBody.ts';
import type { EngineContext } from '../engineContext.ts';
import { problemResponse } from '../openapi.ts';
import { commandDone } from '../responses.ts';
import { documentedRoute } from '../routeRegistry.ts';
import { tags, unauthorized } from './campaignAnswers.ts';
import { invocationAnswerSchema, invocationExamples, InvocationRequest } from './invocationRequest.ts';

const keyRequired = () =>
  new ValidationError(
    'INVOCATION.IDEMPOTENCY_KEY_REQUIRED',
    'An invocation needs an Idempotency-Key header, so a retried request starts outreach once.',
    [{ path: 'Idempotency-Key', message: 'required: 1 to 255 printable characters, new for each invocation' }],
  );

/** External invocation: another system starts a campaign's outreach now. */
export const campaignInvocationRoutes = (router: Router, ctx: EngineContext): void => {
  const invoke = campaignInvocation(ctx);

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'post',
      path: '/v1/campaigns/:id/invocations',
      summary: 'Start outreach now for every contact of the campaign, or for the contacts or cases named',
      description:
        'Only for a campaign launched with `externalInvocation.enabled` and ACTIVE. Each contact named is made due now (before the first run starts too: its call belongs to the first run); the dispatcher still calls it only inside its calling window, with consent and within capacity. Contacts whose own record stands in the way are `skipped` with the reason. Any unknown id refuses the whole request, each named in `errors` (`contactIds.3`). `Idempotency-Key` is required: the same invocation repeated with it starts outreach once and gets the same answer.',
      tags,
      security: 'apiKey',
      parameters: [
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          description: 'new for each invocation; a retry with the same key and body replays the first answer',
        },
      ],
      requestBody: {
        required: false,
        schema: InvocationRequest,
        examples: invocationExamples,
        description:
          'contactIds, externalIds (case external ids: every contact of the case), both, or neither for every contact; any other field is refused',
      },
      responses: {
        202: {
          description: 'how many contacts are due now, and who was skipped and why',
          schema: invocationAnswerSchema,
        },
        400: problemResponse('no Idempotency-Key, or the body is invalid'),
        401: unauthorized,
        404: problemResponse(
          'the company has no such campaign, or the campaign no such contact or case (`errors` names each)',
        ),
        409: problemResponse('the campaign is not ACTIVE (a draft, paused or completed; `detail` names its status)'),
        422: problemResponse(
          'the campaign was launched without external invocation (`errors` names `externalInvocation.enabled`) or places no calls (`runs`), or the Idempotency-Key was used with another request',
        ),
      },
    },
    async (req, res) => {
      if (req.get('idempotency-key') === undefined) throw keyRequired();
      const target = decodeBody(InvocationRequest, req.body ?? {});
      const { position, ...answer } = await invoke(String(req.params['id']), target, commandContextOf(req, ctx));
      commandDone(res, position, answer, 202);
    },
  );
};
