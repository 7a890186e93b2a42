import { collection } from '../projections/collection.ts';
import { CAMPAIGN_PROGRESS, type CampaignProgressDoc } from '../projections/campaignContacts/campaignContactDocument.ts';
import type { ReadStore } from '../projections/readStore.ts';

/** Every campaign's progress in one status, read page by page. */
export const campaignsInStatus = async (readStore: ReadStore, status: CampaignProgressDoc['status']): Promise<CampaignProgressDoc[]> => {
  const progress = collection<CampaignProgressDoc>(readStore, CAMPAIGN_PROGRESS);
  const found: CampaignProgressDoc[] = [];
  let after: string | undefined;
  do {
    const page = await progress.find({ status }, { sort: [['status', 1]], limit: 500, ...(after ? { after } : {}) });
    found.push(...page.items);
    after = page.next ?? undefined;
  } while (after);
  return found;
};
