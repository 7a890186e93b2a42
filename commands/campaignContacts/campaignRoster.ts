import { campaignDecider } from '../../domain/campaign/decider.ts';
import { rosterOf, type Roster } from '../../domain/campaign/campaignContacts.ts';
import { campaignStream, type CampaignEvent, type EnrolledContact } from '../../domain/campaign/events.ts';
import type { CampaignState } from '../../domain/campaign/state.ts';
import type { EventStore } from '../eventStore.ts';
import { aggregateStream } from '../aggregateStream.ts';

export type CampaignRoster = { readonly state: CampaignState; readonly roster: Roster; readonly position: bigint };

/**
 * The campaign and the contacts it enrolled, read from its own stream: a contact is the campaign's the
 * moment it is enrolled, with no read model in between.
 */
export const campaignRoster = async (eventStore: EventStore, campaignId: string): Promise<CampaignRoster> => {
  const batches: EnrolledContact[][] = [];
  const enrolled = (event: CampaignEvent) => {
    if (event.type === 'ContactsEnrolled') batches.push(event.data.contacts);
  };
  const { state, position } = await aggregateStream(eventStore, campaignDecider, campaignStream(campaignId), {
    each: enrolled,
  });
  return { state, roster: rosterOf(batches), position: position ?? 0n };
};
