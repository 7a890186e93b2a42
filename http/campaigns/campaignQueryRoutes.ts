import type { Router } from 'express';
import { campaignHistory } from '../../commands/campaigns/campaignHistory.ts';
import { foldCampaign } from '../../commands/campaigns/readCampaign.ts';
import { NotFoundError } from '../../domain/errors.ts';
import {
  CAMPAIGNS,
  type CampaignDoc,
  campaignDocument,
  campaignJson,
  campaignSummaryJson,
} from '../../projections/campaigns/campaignDocument.ts';
import { collection } from '../../projections/collection.ts';
import { companyScope } from '../../projections/companyScope.ts';
import type { Filter } from '../../projections/readStore.ts';
import { callerOf } from '../caller.ts';
import { decodeQuery } from '../decodeBody.ts';
import type { EngineContext } from '../engineContext.ts';
import { problemResponse } from '../openapi.ts';
import { DEFAULT_PAGE_SIZE } from '../pageQuery.ts';
import { positionJson } from '../responses.ts';
import { documentedRoute } from '../routeRegistry.ts';
import { missing, tags, unauthorized } from './campaignAnswers.ts';
import { asOfPoint, CampaignQuery, CampaignsQuery, campaignStatuses, HistoryQuery } from './campaignRequests.ts';
import { asOfSchema, campaignListSchema, historySchema } from './campaignSchemas.ts';
import { setRevisionTag } from './ifMatch.ts';
import { pageParameters } from '../pageQuery.ts';
import { named } from '../../domain/namedValue.ts';

const notFound = (id: string) => new NotFoundError('CAMPAIGN.NOT_FOUND', `No campaign ${named(id)}.`);

/** The campaigns list, one campaign now or as of a past point, and its history for auditors. */
export const campaignQueryRoutes = (router: Router, ctx: EngineContext): void => {
  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'get',
      path: '/v1/campaigns',
      summary: "The company's campaigns, newest first, with the number of active campaigns",
      description: 'Drafts are listed with status DRAFT and never count as active.',
      tags,
      security: 'apiKey',
      parameters: [
        ...pageParameters,
        {
          name: 'status',
          in: 'query',
          description: 'one or more of DRAFT, ACTIVE, PAUSED, COMPLETED, comma-separated',
        },
      ],
      responses: {
        200: { description: 'a page of campaigns', schema: campaignListSchema },
        400: problemResponse('bad query'),
        401: unauthorized,
      },
    },
    async (req, res) => {
      const query = decodeQuery(CampaignsQuery, req.query);
      const campaigns = collection<CampaignDoc>(companyScope(ctx.readStore, callerOf(req).companyId), CAMPAIGNS);
      const filter: Filter = query.status ? { status: { $in: query.status } } : {};
      const [page, ...counts] = await Promise.all([
        campaigns.find(filter, {
          sort: [['_id', -1]],
          limit: query.limit ?? DEFAULT_PAGE_SIZE,
          ...(query.after ? { after: query.after } : {}),
        }),
        ...campaignStatuses.map((status) => campaigns.count({ status })),
      ]);
      const countsByStatus = Object.fromEntries(campaignStatuses.map((status, i) => [status, counts[i]!]));
      res.json({
        items: page.items.map(campaignSummaryJson),
        next: page.next,
        activeCampaigns: countsByStatus['ACTIVE'],
        countsByStatus,
      });
    },
  );

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'get',
      path: '/v1/campaigns/:id',
      summary: 'One campaign: its state and builder step, now or as of a past point',
      description:
        '`?asOf=` folds the campaign stream up to a global position (digits) or an ISO-8601 time, from the events alone.',
      tags,
      security: 'apiKey',
      parameters: [{ name: 'asOf', in: 'query', description: 'a global position, or an ISO-8601 time' }],
      responses: {
        200: { description: 'the campaign', schema: asOfSchema },
        400: problemResponse('bad asOf'),
        401: unauthorized,
        404: missing,
      },
    },
    async (req, res) => {
      const id = String(req.params['id']);
      const { asOf } = decodeQuery(CampaignQuery, req.query);
      const { companyId } = callerOf(req);
      if (asOf === undefined) {
        const doc = await collection<CampaignDoc>(companyScope(ctx.readStore, companyId), CAMPAIGNS).get(id);
        if (!doc) throw notFound(id);
        setRevisionTag(res, doc.revision);
        res.json(campaignJson(doc));
        return;
      }
      const { state, last } = await foldCampaign(ctx.eventStore, id, asOfPoint(asOf));
      if (state.status === 'NONE' || state.status === 'DELETED' || state.companyId !== companyId || !last)
        throw notFound(id);
      res.json({
        ...campaignJson(campaignDocument(state, last.metadata.occurredAt)),
        asOf: { requested: asOf, position: positionJson(last.position) },
      });
    },
  );

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'get',
      path: '/v1/campaigns/:id/history',
      summary: "The campaign's events in order, for auditors",
      description:
        'Each event with its revision, global position, time and actor. `?after=` takes the `next` of the previous page (a revision).',
      tags,
      security: 'apiKey',
      parameters: [
        { name: 'after', in: 'query', description: 'the revision after which to continue' },
        {
          name: 'limit',
          in: 'query',
          description: 'events per page, 1 to 100 (50)',
          schema: { type: 'integer', minimum: 1, maximum: 100 },
        },
      ],
      responses: {
        200: { description: 'a page of events', schema: historySchema },
        400: problemResponse('bad query'),
        401: unauthorized,
        404: missing,
      },
    },
    async (req, res) => {
      const id = String(req.params['id']);
      const query = decodeQuery(HistoryQuery, req.query);
      const page = await campaignHistory(ctx.eventStore, id, callerOf(req).companyId, {
        limit: query.limit ?? DEFAULT_PAGE_SIZE,
        ...(query.after !== undefined ? { after: BigInt(query.after) } : {}),
      });
      if (!page) throw notFound(id);
      res.json({
        items: page.events.map((event) => ({
          revision: Number(event.revision),
          position: positionJson(event.position),
          type: event.type,
          data: event.data,
          occurredAt: event.metadata.occurredAt,
          actor: event.metadata.actor,
          commandId: event.metadata.commandId,
        })),
        next: page.next === null ? null : String(page.next),
      });
    },
  );
};
