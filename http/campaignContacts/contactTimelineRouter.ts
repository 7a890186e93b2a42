import { Router } from 'express';
import { NotFoundError } from '../../domain/errors.ts';
import {
  CAMPAIGN_CONTACTS,
  CAMPAIGN_PROGRESS,
  campaignContactId,
  campaignContactJson,
  type CampaignContactDoc,
  type CampaignProgressDoc,
} from '../../projections/campaignContacts/campaignContactDocument.ts';
import { collection } from '../../projections/collection.ts';
import { companyScope } from '../../projections/companyScope.ts';
import {
  CONTACT_ANSWERS,
  CONTACT_TIMELINE,
  TIMELINE_ENTRIES,
  timelineEntryJson,
  type ContactAnswersDoc,
  type TimelineEntry,
} from '../../projections/contactTimeline/timelineEntry.ts';
import { callerOf } from '../caller.ts';
import type { EngineContext } from '../engineContext.ts';
import { problemResponse } from '../openapi.ts';
import { documentedRoute } from '../routeRegistry.ts';
import { contactTimelineSchema } from './contactTimelineSchema.ts';
import { named } from '../../domain/namedValue.ts';

/** `GET /v1/campaigns/:id/contacts/:contactId`: one campaign contact, its answers and its timeline, from read models. */
export const contactTimelineRouter = (ctx: EngineContext): Router => {
  const router = Router();

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'get',
      path: '/v1/campaigns/:id/contacts/:contactId',
      summary: 'One campaign contact: status, case, form answers, and its timeline of calls, messages and consent',
      description:
        `The timeline holds, oldest first, the contact's calls (with their transfer, summary and in-call opt-out), the texts and emails sent with their last status, the texts received, the opt-outs and reopenings heard in this campaign, and changes of status. ` +
        `It shows the newest ${TIMELINE_ENTRIES} entries; \`timelineTruncated\` says when there are older ones (the campaign's history and the replay tool keep every event). ` +
        'An opt-out heard elsewhere shows here as the calls and messages it withheld.',
      tags: ['Campaign contacts'],
      security: 'apiKey',
      responses: {
        200: { description: 'the contact', schema: contactTimelineSchema },
        401: problemResponse('no valid API key'),
        404: problemResponse('the company has no such campaign, or the campaign no such contact'),
      },
    },
    async (req, res) => {
      const campaignId = String(req.params['id']);
      const contactId = String(req.params['contactId']);
      const scope = companyScope(ctx.readStore, callerOf(req).companyId);
      const contact = await collection<CampaignContactDoc>(scope, CAMPAIGN_CONTACTS).get(
        campaignContactId(campaignId, contactId),
      );
      if (!contact)
        throw new NotFoundError(
          'CONTACT.NOT_FOUND',
          `No contact ${named(contactId)} in campaign ${named(campaignId)}.`,
        );
      const [progress, answers, newest] = await Promise.all([
        collection<CampaignProgressDoc>(scope, CAMPAIGN_PROGRESS).get(campaignId),
        collection<ContactAnswersDoc>(scope, CONTACT_ANSWERS).get(campaignContactId(campaignId, contactId)),
        collection<TimelineEntry>(scope, CONTACT_TIMELINE).find(
          { campaignId, contactId },
          { sort: [['at', -1]], limit: TIMELINE_ENTRIES + 1 },
        ),
      ]);
      const entries = newest.items.slice(0, TIMELINE_ENTRIES);
      res.json({
        ...campaignContactJson(contact, progress?.calls ?? false),
        answers: answers?.answers ?? {},
        timeline: entries.reverse().map(timelineEntryJson),
        timelineTruncated: newest.items.length > TIMELINE_ENTRIES,
      });
    },
  );

  return router;
};
