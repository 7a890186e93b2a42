import { campaignDecider } from '../../domain/campaign/decider.ts';
import { campaignStream, type CampaignEvent } from '../../domain/campaign/events.ts';
import type { CampaignState } from '../../domain/campaign/state.ts';
import type { RecordedEvent } from '../../domain/events/event.ts';
import type { EventStore } from '../eventStore.ts';
import { aggregateStream } from '../aggregateStream.ts';

/** Where a fold stops: at a global position, or at a moment (events that occurred at or before it). */
export type AsOf = { readonly position: bigint } | { readonly time: Date };

/** True when the event is at or before the point (every event when there is none). */
export const within = (event: RecordedEvent, asOf: AsOf | undefined): boolean => {
  if (!asOf) return true;
  if ('position' in asOf) return event.position <= asOf.position;
  return Date.parse(event.metadata.occurredAt) <= asOf.time.getTime();
};

export type FoldedCampaign = { readonly state: CampaignState; readonly last: RecordedEvent<CampaignEvent> | undefined };

/** The campaign folded from its events alone, up to `asOf` when given: what an auditor sees. */
export const foldCampaign = async (eventStore: EventStore, campaignId: string, asOf?: AsOf): Promise<FoldedCampaign> =>
  // Revisions are in position order, and times follow commands: the first event past the point ends the fold.
  aggregateStream(eventStore, campaignDecider, campaignStream(campaignId), { until: (event) => !within(event, asOf) });
