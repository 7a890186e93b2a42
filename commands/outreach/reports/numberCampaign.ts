import { AGENTS } from '../../../projections/agents/agentsProjection.ts';
import {
  CAMPAIGN_CONTACTS,
  type CampaignContactDoc,
} from '../../../projections/campaignContacts/campaignContactDocument.ts';
import { CAMPAIGNS } from '../../../projections/campaigns/campaignDocument.ts';
import { SENDER_NUMBERS, type SenderNumber } from '../../../projections/outreach/inboundRoutingProjection.ts';
import { collection } from '../../../projections/collection.ts';
import type { Doc, ReadStore } from '../../../projections/readStore.ts';

/** The companies whose agents call from `number`: more than one makes the number shared. */
export const numberCompaniesOf = async (readStore: ReadStore, number: string): Promise<readonly string[]> =>
  (await collection<SenderNumber>(readStore, SENDER_NUMBERS).get(number))?.companyIds ?? [];

type LaunchedCampaign = Doc & { status: string; launch?: { launchedAt: string } };

const rank = (campaign: LaunchedCampaign): string =>
  `${campaign.status === 'ACTIVE' ? 1 : 0}${campaign.launch?.launchedAt ?? ''}`;

/**
 * The launched campaign whose agent calls from `number`, among one company's: an active one before a
 * paused or completed one, the latest launched first.
 */
export const campaignOwningNumber = async (
  readStore: ReadStore,
  companyId: string,
  number: string,
): Promise<string | undefined> => {
  const agents = (await readStore.find(AGENTS, { companyId, callerNumber: number }, { limit: 100 })).items;
  if (agents.length === 0) return undefined;
  const found = await collection<LaunchedCampaign>(readStore, CAMPAIGNS).find(
    {
      companyId,
      'draft.agentId': { $in: agents.map((agent) => agent._id) },
      status: { $in: ['ACTIVE', 'PAUSED', 'COMPLETED'] },
    },
    { limit: 100 },
  );
  const campaigns = [...found.items].sort((a, b) => rank(b).localeCompare(rank(a)));
  return campaigns[0]?._id;
};

/** The campaign's contact with this phone number (the first enrolled, when the list has it twice). */
export const campaignContactByPhone = async (
  readStore: ReadStore,
  companyId: string,
  campaignId: string,
  phone: string,
): Promise<string | undefined> => {
  const found = await collection<CampaignContactDoc>(readStore, CAMPAIGN_CONTACTS).find(
    { companyId, campaignId, phone },
    { limit: 1 },
  );
  return found.items[0]?.contactId;
};
