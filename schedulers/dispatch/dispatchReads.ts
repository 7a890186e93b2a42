import { collection } from '../../projections/collection.ts';
import type { Doc, ReadStore } from '../../projections/readStore.ts';
import { DUE_QUEUE, type DueContact } from '../../projections/outreach/dueQueueProjection.ts';
import { DISPATCH_CAMPAIGNS, type DispatchCampaign } from '../../projections/outreach/dispatchCampaignsProjection.ts';
import { DISPATCHED_CALLS, type DispatchedCall } from '../../projections/outreach/dispatchedCallsProjection.ts';
import { COMPANY_SETTINGS } from '../../projections/company/companySettingsProjection.ts';
import { defaultCampaignSettings } from '../../domain/company/defaultSettings.ts';
import { AGENTS, type AgentDoc } from '../../projections/agents/agentsProjection.ts';
import { recentOutreachTo } from '../recentOutreach.ts';

const minute = 60_000;

/** What the dispatcher reads of a company's settings. */
type CompanyLines = Doc & { campaigns?: { outboundLines: number; concurrencyRate: number } };

/** One campaign's due queue up to now by one of its due times, earliest first, `limit` long. */
const queuePage =
  (readStore: ReadStore, dueField: 'dueAt' | 'invokedDueAt') =>
  async (
    campaign: DispatchCampaign,
    now: Date,
    limit: number,
    after?: string,
  ): Promise<{ items: DueContact[]; next: string | null }> => {
    const page = await collection<DueContact>(readStore, DUE_QUEUE).find(
      { companyId: campaign.companyId, campaignId: campaign.campaignId, [dueField]: { $lte: now.toISOString() } },
      { sort: [[dueField, 1]], limit, ...(after ? { after } : {}) },
    );
    return { items: [...page.items], next: page.next };
  };

/** The read models the dispatcher decides from; each question is one indexed read. */
export const dispatchReads = (readStore: ReadStore) => {
  const campaigns = collection<DispatchCampaign>(readStore, DISPATCH_CAMPAIGNS);
  const calls = collection<DispatchedCall>(readStore, DISPATCHED_CALLS);
  return {
    activeCampaigns: (): Promise<DispatchCampaign[]> => campaigns.findAll({ status: 'ACTIVE' }, [['status', 1]]),

    campaign: (campaignId: string): Promise<DispatchCampaign | null> => campaigns.get(campaignId),

    /** The earliest due contacts of one campaign: a range read on (company, campaign, dueAt), `limit` long. */
    dueContacts: queuePage(readStore, 'dueAt'),

    /** Contacts an external invocation made due, earliest first: a range read on (campaign, invokedDueAt). */
    invokedContacts: queuePage(readStore, 'invokedDueAt'),

    companyLines: async (companyId: string): Promise<{ outboundLines: number; concurrencyRate: number }> => {
      const doc = await collection<CompanyLines>(readStore, COMPANY_SETTINGS).get(companyId);
      const settings = doc?.campaigns ?? defaultCampaignSettings;
      return { outboundLines: settings.outboundLines, concurrencyRate: settings.concurrencyRate };
    },

    inFlight: (companyId: string, campaignId?: string): Promise<number> =>
      calls.count({ companyId, open: true, ...(campaignId ? { campaignId } : {}) }),

    requestedSince: (companyId: string, campaignId: string, now: Date): Promise<number> =>
      calls.count({ companyId, campaignId, requestedAt: { $gt: new Date(now.getTime() - minute).toISOString() } }),

    /** Calls and texts to one number within the last day, any campaign of the company, for the frequency caps. */
    recentOutreachTo: recentOutreachTo(readStore),

    /** Requests older than `before` the carrier never acknowledged: what a crash leaves behind. */
    unplacedBefore: async (before: Date, limit: number): Promise<DispatchedCall[]> => [
      ...(
        await calls.find(
          { open: true, placed: false, requestedAt: { $lt: before.toISOString() } },
          { sort: [['requestedAt', 1]], limit },
        )
      ).items,
    ],

    /** Calls the carrier took before `before` whose contact has no outcome yet: a final report that never came. */
    unsettledPlacedBefore: async (before: Date, limit: number): Promise<DispatchedCall[]> => [
      ...(
        await calls.find(
          { placed: true, settled: false, placedAt: { $lt: before.toISOString() } },
          { sort: [['placedAt', 1]], limit },
        )
      ).items,
    ],

    callerNumber: async (agentId: string | undefined): Promise<string | undefined> => {
      if (!agentId) return undefined;
      const agent = await collection<AgentDoc>(readStore, AGENTS).get(agentId);
      return agent?.callerNumber;
    },
  };
};

export type DispatchReads = ReturnType<typeof dispatchReads>;
