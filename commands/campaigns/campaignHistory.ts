import { campaignStream } from '../../domain/campaign/events.ts';
import type { RecordedEvent } from '../../domain/events/event.ts';
import type { EventStore } from '../eventStore.ts';

export type HistoryPage = { readonly events: readonly RecordedEvent[]; readonly next: bigint | null };

/**
 * A page of the campaign's own events in revision order, after `after` when given; undefined when the
 * campaign does not exist for this company (its first event says whose it is).
 */
export const campaignHistory = async (
  eventStore: EventStore,
  campaignId: string,
  companyId: string,
  page: { after?: bigint; limit: number },
): Promise<HistoryPage | undefined> => {
  const stream = campaignStream(campaignId);
  for await (const first of eventStore.readStream(stream, { maxCount: 1 })) {
    if (first.metadata.companyId !== companyId) return undefined;
    const events: RecordedEvent[] = [];
    const fromRevision = page.after === undefined ? 0n : page.after + 1n;
    for await (const event of eventStore.readStream(stream, { fromRevision, maxCount: page.limit + 1 }))
      events.push(event);
    const more = events.length > page.limit;
    const shown = events.slice(0, page.limit);
    return { events: shown, next: more ? shown[shown.length - 1]!.revision : null };
  }
  return undefined;
};
