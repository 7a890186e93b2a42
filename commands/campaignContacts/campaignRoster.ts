import { campaignDecider } from '../../domain/campaign/decider.ts';
import { rosterOf, type Roster } from '../../domain/campaign/campaignContacts.ts';
import { campaignStream, type CampaignEvent, type EnrolledContact } from '../../domain/campaign/events.ts';
import type { CampaignState } from '../../domain/campaign/state.ts';
import type { EventStore } from '../eventStore.ts';

export type CampaignRoster = { readonly state: CampaignState; readonly roster: Roster; readonly position: bigint };

/**
 * The campaign and the contacts it enrolled, read from its own stream: a contact is the campaign's the
 * moment it is enrolled, with no read model in between.
 */
export const campaignRoster = async (eventStore: EventStore, campaignId: string): Promise<CampaignRoster> => {
  let state = campaignDecider.initialState();
  let position = 0n;
  const batches: EnrolledContact[][] = [];
  for await (const event of eventStore.readStream(campaignStream(campaignId))) {
    const campaignEvent = event as unknown as CampaignEvent;
    state = campaignDecider.evolve(state, campaignEvent);
    if (campaignEvent.type === 'ContactsEnrolled') batches.push(campaignEvent.data.contacts);
    position = event.position;
  }
  return { state, roster: rosterOf(batches), position };
};
