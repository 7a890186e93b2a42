import type { Campaign } from '../../domain/campaign/state.ts';
import type { Doc } from '../readStore.ts';

export const CAMPAIGNS = 'campaigns';

/** Fields the document adds to the campaign's state for readers; folding strips them again. */
type Presented = { _id: string; updatedAt: string; counts: { cases: number; contacts: number; enrolled: number } };

/** A campaign's document as the campaigns read model holds it. */
export type CampaignDoc = Doc & Campaign & Presented;

/** A campaign's read-model document: its folded state as it is, plus counts and the time of its last change. */
export const campaignDocument = (campaign: Campaign, updatedAt: string): CampaignDoc => {
  const presented: Presented = {
    _id: campaign.campaignId,
    updatedAt,
    counts: {
      cases: campaign.launch?.list.caseCount ?? 0,
      contacts: campaign.launch?.list.contactCount ?? 0,
      enrolled: campaign.enrolledContacts,
    },
  };
  return { ...campaign, ...presented };
};

/** The state a document was made from, for the next fold. */
export const campaignOfDocument = (doc: Doc): Campaign => {
  const { _id, updatedAt: _updatedAt, counts: _counts, ...campaign } = doc as unknown as Campaign & Presented;
  return campaign;
};

/** A campaign as clients read it: `id` first, no store fields. */
export const campaignJson = (doc: CampaignDoc): Record<string, unknown> => {
  const { _id, campaignId: _campaignId, ...rest } = doc;
  return { id: _id, ...rest };
};

/** A campaign in the list: what a dashboard row shows. */
export const campaignSummaryJson = (campaign: CampaignDoc): Record<string, unknown> => {
  return {
    id: campaign._id,
    name: campaign.name,
    status: campaign.status,
    type: campaign.draft.type ?? null,
    step: campaign.step ?? null,
    counts: campaign.counts,
    createdAt: campaign.createdAt,
    launchedAt: campaign.launch?.launchedAt ?? null,
    updatedAt: campaign.updatedAt,
    revision: campaign.revision,
  };
};
