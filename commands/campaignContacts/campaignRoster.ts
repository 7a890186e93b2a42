import { NO_ROSTER, withEnrolled, type Roster } from '../../domain/campaign/campaignContacts.ts';
import { campaignStream, type CampaignEvent } from '../../domain/campaign/events.ts';
import { evolveCampaign, initialCampaignState, type CampaignState } from '../../domain/campaign/state.ts';
import type { Evolver } from '../aggregateStream.ts';
import type { EventStore } from '../eventStore.ts';
import { streamStatesOf } from '../streamStates.ts';

export type CampaignRoster = { readonly state: CampaignState; readonly roster: Roster; readonly position: bigint };

type RosterState = { readonly campaign: CampaignState; readonly roster: Roster };

/** The campaign and whom it enrolled, folded together from its stream. */
const rosterEvolver: Evolver<RosterState, CampaignEvent> = {
  initialState: () => ({ campaign: initialCampaignState(), roster: NO_ROSTER }),
  evolve: (state, event) => ({
    campaign: evolveCampaign(state.campaign, event),
    roster: event.type === 'ContactsEnrolled' ? withEnrolled(state.roster, event.data.contacts) : state.roster,
  }),
};

/**
 * The campaign and the contacts it enrolled, read from its own stream: a contact is the campaign's the
 * moment it is enrolled, with no read model in between. The fold is kept between reads (streamStates.ts),
 * so a campaign of 100,000 contacts is read whole once, and then only for what was appended since.
 */
export const campaignRoster = async (eventStore: EventStore, campaignId: string): Promise<CampaignRoster> => {
  const { state, position } = await streamStatesOf(eventStore).fold(rosterEvolver, campaignStream(campaignId));
  return { state: state.campaign, roster: state.roster, position: position ?? 0n };
};
