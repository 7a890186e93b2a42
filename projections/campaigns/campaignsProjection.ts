import { campaignEvents, type CampaignEvent } from '../../domain/campaign/events.ts';
import { evolveCampaign, initialCampaignState } from '../../domain/campaign/state.ts';
import { handledAlike, projectionOf, type EventHandler } from '../projection.ts';
import { CAMPAIGNS, campaignDocument, campaignOfDocument } from './campaignDocument.ts';

/**
 * One document a campaign, folded by the decider's own `evolve`, so the list, the detail and `?asOf=`
 * can never disagree about what a campaign is. A deleted draft leaves no document.
 */
const folded: EventHandler<CampaignEvent> = (event) => [
  {
    collection: CAMPAIGNS,
    id: event.data.campaignId,
    apply: (current) => {
      const next = evolveCampaign(current ? campaignOfDocument(current) : initialCampaignState(), event);
      if (next.status === 'NONE' || next.status === 'DELETED') return null;
      return campaignDocument(next, event.metadata.occurredAt);
    },
  },
];

export const campaignsProjection = projectionOf<CampaignEvent>({
  name: 'campaigns',
  // 2: the folded campaign counts its enrolment batches.
  version: 2,
  collections: [
    {
      name: CAMPAIGNS,
      indexes: [
        {
          fields: [
            ['companyId', 1],
            ['_id', -1],
          ],
        },
        {
          fields: [
            ['companyId', 1],
            ['status', 1],
            ['_id', -1],
          ],
        },
      ],
    },
  ],
  handlers: handledAlike(Object.keys(campaignEvents) as CampaignEvent['type'][], folded),
});
