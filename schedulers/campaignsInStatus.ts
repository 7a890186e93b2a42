import { collection } from '../projections/collection.ts';
import {
  CAMPAIGN_PROGRESS,
  type CampaignProgressDoc,
} from '../projections/campaignContacts/campaignContactDocument.ts';
import type { ReadStore } from '../projections/readStore.ts';

/** Every campaign's progress in one status. */
export const campaignsInStatus = (
  readStore: ReadStore,
  status: CampaignProgressDoc['status'],
): Promise<CampaignProgressDoc[]> =>
  collection<CampaignProgressDoc>(readStore, CAMPAIGN_PROGRESS).findAll({ status }, [['status', 1]]);
