import { Router, type Request } from 'express';
import { campaignContactCommands } from '../../commands/campaignContacts/campaignContactCommands.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import { CAMPAIGNS } from '../../projections/campaigns/campaignDocument.ts';
import {
  CAMPAIGN_CONTACTS,
  CAMPAIGN_PROGRESS,
  campaignContactJson,
  campaignContactsOf,
  type CampaignContactDoc,
  type CampaignProgressDoc,
} from '../../projections/campaignContacts/campaignContactDocument.ts';
import { contactSearchFilter } from '../../projections/campaignContacts/contactSearch.ts';
import { collection } from '../../projections/collection.ts';
import { companyScope } from '../../projections/companyScope.ts';
import type { Filter } from '../../projections/readStore.ts';
import { callerOf } from '../caller.ts';
import { commandContextOf } from '../commandContextOf.ts';
import { decodeBody, decodeQuery } from '../decodeBody.ts';
import type { EngineContext } from '../engineContext.ts';
import { problemResponse } from '../openapi.ts';
import { findOptionsOf, pageParameters, pageSchema } from '../pageQuery.ts';
import { commandDone, pageJson } from '../responses.ts';
import { documentedRoute } from '../routeRegistry.ts';
import {
  campaignContactSchema,
  ContactIdsRequest,
  ContactsQuery,
  contactsAnswerSchema,
  importAnswerSchema,
  MAX_CONTACTS_PER_REQUEST,
} from './campaignContactRequests.ts';
import { named } from '../../domain/namedValue.ts';

const tags = ['Campaign contacts'];
const unauthorized = problemResponse('no valid API key');
const refusedStatus = problemResponse('the campaign is a draft (no contacts yet) or completed (final)');

const campaignIdOf = (req: Request): string => String(req.params['id']);

/** `/v1/campaigns/:id/contacts`: find a campaign's contacts, and complete or resume them. */
export const campaignContactsRouter = (ctx: EngineContext): Router => {
  const router = Router();
  const commands = campaignContactCommands(ctx);

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'get',
      path: '/v1/campaigns/:id/contacts',
      summary: "A campaign's contacts with their outreach status, a page at a time",
      description:
        '`status` filters by `active`, `completed` or `completed_all_calls`. `search` matches by prefix, ignoring letter case: the name or its last word, the external id, the phone digits (with or without the country code 1), or the whole email address. Pages follow contact ids in enrolment order.',
      tags,
      security: 'apiKey',
      parameters: [
        ...pageParameters,
        { name: 'status', in: 'query', description: 'active, completed or completed_all_calls' },
        {
          name: 'search',
          in: 'query',
          description: 'a prefix of the name, last name, external id or phone, or an email address',
        },
      ],
      responses: {
        200: { description: 'a page of contacts', schema: pageSchema(campaignContactSchema) },
        400: problemResponse('bad query'),
        401: unauthorized,
        404: problemResponse('the company has no such campaign'),
      },
    },
    async (req, res) => {
      const query = decodeQuery(ContactsQuery, req.query);
      const campaignId = campaignIdOf(req);
      const scope = companyScope(ctx.readStore, callerOf(req).companyId);
      const progress = await collection<CampaignProgressDoc>(scope, CAMPAIGN_PROGRESS).get(campaignId);
      // A draft has no contacts yet: an empty page, as for any campaign of the caller's.
      if (!progress && !(await scope.get(CAMPAIGNS, campaignId)))
        throw new NotFoundError('CAMPAIGN.NOT_FOUND', `No campaign ${named(campaignId)}.`);
      const filters: Filter[] = [campaignContactsOf(campaignId, query.status)];
      if (query.search) filters.push(contactSearchFilter(query.search));
      const page = await collection<CampaignContactDoc>(scope, CAMPAIGN_CONTACTS).find(
        { $and: filters },
        findOptionsOf(query),
      );
      pageJson(res, page, (doc) => campaignContactJson(doc, progress?.calls ?? false));
    },
  );

  const actions = [
    {
      path: 'complete',
      run: commands.complete,
      summary: 'Mark contacts Completed: nothing more at all goes to them',
    },
    {
      path: 'resume',
      run: commands.resume,
      summary: 'Resume outreach to contacts: completed ones become active, and calls withheld are planned again',
    },
    {
      path: 'complete-all-calls',
      run: commands.completeAllCalls,
      summary: 'Mark contacts Completed (All Calls): no more calls, while their messages go on',
    },
  ] as const;

  for (const { path, run, summary } of actions)
    documentedRoute(
      router,
      ctx.routes,
      {
        method: 'post',
        path: `/v1/campaigns/:id/contacts/${path}`,
        summary,
        description: `1 to ${MAX_CONTACTS_PER_REQUEST} contact ids of the campaign, each changed on its own enrollment stream; a contact already so is left as it is. Any id that is not a contact of the campaign refuses the whole request (404 naming each one), with nothing changed.`,
        tags,
        security: 'apiKey',
        requestBody: {
          schema: ContactIdsRequest,
          example: {
            contactIds: ['01937a3c-5d2e-7a10-8b1c-4e5f6a7b8c9d', '01937a3c-5d2e-7a10-8b1c-4e5f6a7b8c9e'],
            reason: 'settled by phone',
          },
        },
        responses: {
          200: { description: 'each contact with its status now', schema: contactsAnswerSchema },
          400: problemResponse('the body is invalid'),
          401: unauthorized,
          404: problemResponse(
            'the company has no such campaign, or the campaign no such contact (`errors` names each)',
          ),
          409: refusedStatus,
        },
      },
      async (req, res) => {
        const { contactIds, reason } = decodeBody(ContactIdsRequest, req.body);
        const { position, ...answer } = await run(campaignIdOf(req), contactIds, reason, commandContextOf(req, ctx));
        commandDone(res, position, answer);
      },
    );

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'post',
      path: '/v1/campaigns/:id/contacts/import-external-ids',
      summary: 'Mark Completed the contacts named by external id in a CSV, one id a line',
      description:
        'A first line `externalId` is a header and skipped; extra columns are ignored. An id matching exactly one contact of the campaign completes it; an id matching none is skipped as `no_match`, one matching several contacts (a case with several contacts) as `ambiguous`.',
      tags,
      security: 'apiKey',
      requestBody: {
        contentType: 'text/csv',
        schema: { type: 'string', description: 'one external id a line, header optional' },
        example: 'externalId\nPI-2024-0117\nPI-2024-0342\n',
      },
      responses: {
        200: { description: 'how many were completed, and which ids were skipped and why', schema: importAnswerSchema },
        400: problemResponse('not a text/csv body, or more than 100,000 ids'),
        401: unauthorized,
        404: problemResponse('the company has no such campaign'),
        409: refusedStatus,
        413: problemResponse('the file is larger than the CSV body limit'),
      },
    },
    async (req, res) => {
      if (typeof req.body !== 'string')
        throw new ValidationError('IMPORT.NOT_CSV', 'Send the file as the body with Content-Type: text/csv.', [
          { path: '(root)', message: 'expected a text/csv body' },
        ]);
      const { position, ...answer } = await commands.importExternalIds(
        campaignIdOf(req),
        req.body,
        commandContextOf(req, ctx),
      );
      commandDone(res, position, answer);
    },
  );

  return router;
};
