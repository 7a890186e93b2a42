import { collection } from '../projections/collection.ts';
import type { ReadStore } from '../projections/readStore.ts';
import { DISPATCHED_CALLS, type DispatchedCall } from '../projections/outreach/dispatchedCallsProjection.ts';
import { SENT_TEXTS, type SentText } from '../projections/outreach/sentTextsProjection.ts';
import type { RecentOutreach } from '../domain/workflow/plan.ts';

const day = 24 * 60 * 60_000;

/** No cap counts more than a handful, so a few dozen of the day's calls or texts answer every cap. */
const RECENT_LIMIT = 50;

/**
 * The calls and texts a company sent to one number within the last day, any campaign, for the
 * frequency caps: each a range read on (company, number, requested at), at most `RECENT_LIMIT` long.
 */
export const recentOutreachTo = (readStore: ReadStore) => {
  const requestedTo = async (name: string, companyId: string, to: string, now: Date): Promise<number[]> => {
    const since = new Date(now.getTime() - day).toISOString();
    const page = await collection<DispatchedCall | SentText>(readStore, name).find(
      { companyId, to, requestedAt: { $gt: since } },
      { sort: [['requestedAt', 1]], limit: RECENT_LIMIT },
    );
    return page.items.map((doc) => Date.parse(doc.requestedAt));
  };
  return async (companyId: string, to: string, now: Date): Promise<RecentOutreach> => {
    const [calls, texts] = await Promise.all([
      requestedTo(DISPATCHED_CALLS, companyId, to, now),
      requestedTo(SENT_TEXTS, companyId, to, now),
    ]);
    return { calls, texts };
  };
};
