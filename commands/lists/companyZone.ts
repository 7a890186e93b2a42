import { companyCampaignSettings } from '../company/loadCompany.ts';
import type { EventStore } from '../eventStore.ts';

/** The company's zone (the engine's default until it sets one): the last fallback of a contact's zone. */
export const companyZoneOf = async (eventStore: EventStore, companyId: string): Promise<string> =>
  (await companyCampaignSettings(eventStore, companyId)).timezone;
