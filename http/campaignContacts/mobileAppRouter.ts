import { Router, type Request } from 'express';
import { mobileAppCommands } from '../../commands/mobileApp/mobileAppCommands.ts';
import { CLOCK_SKEW_MS } from '../../domain/mobileApp/decider.ts';
import { commandContextOf } from '../commandContextOf.ts';
import { decodeBody } from '../decodeBody.ts';
import type { EngineContext } from '../engineContext.ts';
import { problemResponse } from '../openapi.ts';
import { commandDone, created } from '../responses.ts';
import { documentedRoute } from '../routeRegistry.ts';
import {
  InAppMessageRequest,
  inAppMessageSchema,
  MAX_IN_APP_BODY,
  MobileAppStatusRequest,
  mobileAppStatusSchema,
} from './mobileAppRequests.ts';

const tags = ['Campaign contacts'];
const notFound = problemResponse('the company has no such campaign, or the campaign no such contact');
const draft = problemResponse('the campaign is a draft: it has no contacts yet');

const contactOf = (req: Request) => ({
  campaignId: String(req.params['id']),
  contactId: String(req.params['contactId']),
});

/** What the client's mobile app reports about one campaign contact: in-app messages, and the app's status. */
export const mobileAppRouter = (ctx: EngineContext): Router => {
  const router = Router();
  const commands = mobileAppCommands(ctx);

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'post',
      path: '/v1/campaigns/:id/contacts/:contactId/messages',
      summary: 'Record a message of the in-app conversation with a campaign contact',
      description: `\`direction\` is \`sent\` (by the company) or \`received\` (from the client); \`body\` 1 to ${MAX_IN_APP_BODY} characters; \`at\` the app's ISO-8601 time with offset, no more than ${CLOCK_SKEW_MS / 60_000} minutes ahead of the engine's clock (now when absent). Counted in the engagement report's in-app columns.`,
      tags,
      security: 'apiKey',
      requestBody: {
        schema: InAppMessageRequest,
        example: { direction: 'received', body: 'When is my hearing?', at: '2026-03-02T15:04:05Z' },
      },
      responses: {
        201: { description: 'the message as recorded', schema: inAppMessageSchema },
        400: problemResponse('the body is invalid (`errors` names each field)'),
        401: problemResponse('no valid API key'),
        404: notFound,
        409: draft,
      },
    },
    async (req, res) => {
      const body = decodeBody(InAppMessageRequest, req.body);
      const context = commandContextOf(req, ctx);
      const { message, position } = await commands.recordMessage(
        { ...contactOf(req), ...body, messageId: ctx.newId() },
        context,
      );
      created(res, { ...message }, position);
    },
  );

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'put',
      path: '/v1/campaigns/:id/contacts/:contactId/mobile-app-status',
      summary: "Set where the company's mobile app stands with a campaign contact",
      description:
        '`status`: `not_invited`, `invited` (a link to install it went out), `installed` or `uninstalled`. The same status again records nothing.',
      tags,
      security: 'apiKey',
      requestBody: { schema: MobileAppStatusRequest, example: { status: 'installed' } },
      responses: {
        200: { description: 'the status now', schema: mobileAppStatusSchema },
        400: problemResponse('the body is invalid (`errors` names `status`)'),
        401: problemResponse('no valid API key'),
        404: notFound,
        409: draft,
      },
    },
    async (req, res) => {
      const { status } = decodeBody(MobileAppStatusRequest, req.body);
      const { position, ...answer } = await commands.reportStatus(
        { ...contactOf(req), status },
        commandContextOf(req, ctx),
      );
      commandDone(res, position, answer);
    },
  );

  return router;
};
