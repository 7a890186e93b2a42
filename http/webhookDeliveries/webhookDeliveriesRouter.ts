import { Router } from 'express';
import * as t from 'io-ts';
import { rotateWebhookSecret } from '../../commands/webhooks/webhookSecrets.ts';
import { IllegalStateError, NotFoundError } from '../../domain/errors.ts';
import { collection } from '../../projections/collection.ts';
import { companyScope } from '../../projections/companyScope.ts';
import { CAMPAIGNS } from '../../projections/campaigns/campaignDocument.ts';
import {
  WEBHOOK_CAMPAIGNS,
  WEBHOOK_DELIVERIES,
  type WebhookCampaignDoc,
  type WebhookDeliveryDoc,
} from '../../projections/webhooks/webhookDocuments.ts';
import type { Attempted } from '../../schedulers/webhookDelivery.ts';
import { createdWithKey } from '../company/shownOnce.ts';
import { callerOf } from '../caller.ts';
import { commandContextOf } from '../commandContextOf.ts';
import { decodeQuery } from '../decodeBody.ts';
import type { EngineContext } from '../engineContext.ts';
import { problemResponse } from '../openapi.ts';
import { findOptionsOf, PageQuery, pageParameters, pageSchema } from '../pageQuery.ts';
import { pageJson, positionJson } from '../responses.ts';
import { documentedRoute } from '../routeRegistry.ts';
import { attemptSchema, deliverySchema, secretSchema } from './webhookDeliverySchemas.ts';
import { named } from '../../domain/namedValue.ts';

/** Sends one delivery again now; the engine's webhook scheduler does it. */
export type WebhookRetry = (delivery: WebhookDeliveryDoc, url: string) => Promise<Attempted>;

const tags = ['Webhooks'];
const unauthorized = problemResponse('no valid API key');
const missing = problemResponse('the company has no such campaign');

const DeliveriesQuery = t.intersection([
  PageQuery,
  t.partial({ status: t.keyof({ pending: null, delivered: null, given_up: null }, 'pending, delivered or given_up') }),
]);

const deliveryJson = (doc: WebhookDeliveryDoc) => {
  const { _id, type, occurredAt, campaignId, data, status, nextAttemptAt, attempts } = doc;
  return {
    id: _id,
    type,
    occurredAt,
    campaignId,
    data,
    status,
    nextAttemptAt: status === 'pending' ? nextAttemptAt : null,
    attempts,
  };
};

/** A campaign's outgoing webhooks: the delivery log, a retry by hand, and the signing secret's rotation. */
export const webhookDeliveriesRouter = (ctx: EngineContext, retry?: WebhookRetry): Router => {
  const router = Router();
  const rotate = rotateWebhookSecret(ctx);

  const requireCampaign = async (companyId: string, campaignId: string) => {
    if (!(await companyScope(ctx.readStore, companyId).get(CAMPAIGNS, campaignId)))
      throw new NotFoundError('CAMPAIGN.NOT_FOUND', `No campaign ${named(campaignId)}.`);
  };

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'get',
      path: '/v1/campaigns/:id/webhook-deliveries',
      summary: "The campaign's webhook deliveries, newest first, each with every attempt",
      description:
        "Every notification the campaign sent or is sending to its webhook URL (`externalInvocation.webhookUrl`), with each attempt: status code, latency, error, and when the next one is due. A campaign's deliveries go out in the order of their events, each retried with exponential backoff and full jitter until 24 h after its event, then given up. Nothing is sent before the first rotation of the secret.",
      tags,
      security: 'apiKey',
      parameters: [...pageParameters, { name: 'status', in: 'query', description: 'pending, delivered or given_up' }],
      responses: {
        200: { description: 'a page of deliveries', schema: pageSchema(deliverySchema) },
        400: problemResponse('bad query'),
        401: unauthorized,
        404: missing,
      },
    },
    async (req, res) => {
      const query = decodeQuery(DeliveriesQuery, req.query);
      const { companyId } = callerOf(req);
      const campaignId = String(req.params['id']);
      await requireCampaign(companyId, campaignId);
      const filter = { campaignId, ...(query.status ? { status: query.status } : {}) };
      pageJson(
        res,
        await collection<WebhookDeliveryDoc>(companyScope(ctx.readStore, companyId), WEBHOOK_DELIVERIES).find(filter, {
          ...findOptionsOf(query),
          sort: [['position', -1]],
        }),
        deliveryJson,
      );
    },
  );

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'post',
      path: '/v1/campaigns/:id/webhook-deliveries/:deliveryId/retry',
      summary: 'Send one delivery again, now',
      description:
        "One attempt right away, recorded in the delivery log: a delivery given up or already delivered is sent once more (it is not queued again), a waiting one that is next in its campaign's queue is tried now. A delivery waiting behind earlier ones answers 409, so the campaign's order holds.",
      tags,
      security: 'apiKey',
      responses: {
        200: {
          description: 'the attempt made',
          schema: {
            type: 'object',
            required: ['id', 'outcome', 'attempt', 'position'],
            properties: {
              id: { type: 'string' },
              outcome: { type: 'string' },
              attempt: attemptSchema,
              position: { type: 'string' },
            },
          },
        },
        401: unauthorized,
        404: problemResponse('the company has no such campaign, or the campaign no such delivery'),
        409: problemResponse('the delivery waits behind earlier ones, or the campaign has no secret to sign with yet'),
      },
    },
    async (req, res) => {
      const { companyId } = callerOf(req);
      const campaignId = String(req.params['id']);
      const scope = companyScope(ctx.readStore, companyId);
      const deliveries = collection<WebhookDeliveryDoc>(scope, WEBHOOK_DELIVERIES);
      const delivery = await deliveries.get(String(req.params['deliveryId']));
      if (!delivery || delivery.campaignId !== campaignId)
        throw new NotFoundError(
          'WEBHOOK_DELIVERY.NOT_FOUND',
          `Campaign ${named(campaignId)} has no webhook delivery ${named(String(req.params['deliveryId']))}.`,
        );
      const queue = await collection<WebhookCampaignDoc>(scope, WEBHOOK_CAMPAIGNS).get(campaignId);
      if (!queue?.signing || queue.url === null)
        throw new IllegalStateError(
          'WEBHOOK.NO_SECRET',
          `Campaign ${named(campaignId)} has no webhook secret yet; rotate one first.`,
        );
      if (delivery.status === 'pending') {
        const head = await deliveries.find({ campaignId, status: 'pending' }, { sort: [['position', 1]], limit: 1 });
        if (head.items[0]?._id !== delivery._id)
          throw new IllegalStateError(
            'WEBHOOK_DELIVERY.WAITING',
            `Delivery ${delivery._id} waits for the campaign's earlier deliveries; it goes out after them.`,
          );
      }
      if (!retry) throw new IllegalStateError('WEBHOOK.NOT_RUNNING', 'Webhook delivery does not run in this process.');
      const attempted = await retry(delivery, queue.url);
      res.json({
        id: delivery._id,
        outcome: attempted.outcome,
        attempt: attempted.attempt,
        position: positionJson(attempted.position),
      });
    },
  );

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'post',
      path: '/v1/campaigns/:id/webhook-secret',
      summary: "Rotate the campaign's webhook signing secret",
      description:
        'Makes a new Standard Webhooks secret (`whsec_` and the base64 of 32 random bytes) and answers it here only; no GET ever shows it. Deliveries from the next attempt on are signed with it, and nothing is sent before the first rotation. Works on drafts too, so a receiver can be ready before launch.',
      tags,
      security: 'apiKey',
      responses: {
        201: { description: 'the new secret, shown once', schema: secretSchema },
        401: unauthorized,
        404: missing,
        409: problemResponse('an earlier attempt of this request already showed its secret'),
      },
    },
    async (req, res) => {
      const campaignId = String(req.params['id']);
      const rotated = await rotate(campaignId, commandContextOf(req, ctx));
      createdWithKey(res, { campaignId, secret: rotated.secret }, 'secret', rotated.position);
    },
  );

  return router;
};
