import { Counter, Gauge, type Registry } from 'prom-client';
import { collection } from '../../projections/collection.ts';
import type { ReadStore } from '../../projections/readStore.ts';
import { DISPATCH_CAMPAIGNS, type DispatchCampaign } from '../../projections/outreach/dispatchCampaignsProjection.ts';
import { DUE_QUEUE } from '../../projections/outreach/dueQueueProjection.ts';
import {
  CAMPAIGN_CONTACTS,
  campaignContactsOf,
  type CampaignContactStatus,
} from '../../projections/campaignContacts/campaignContactDocument.ts';
import { OTHER_CAMPAIGNS, type CampaignSeries } from './campaignSeries.ts';
import { counterLabels, counterNames, type CounterKey, type OutreachCount } from './outreachCounts.ts';

const help: Record<CounterKey, string> = {
  calls: 'Call attempts ended, by outcome',
  messages: 'Messages sent (outbound) and received (inbound), by channel',
  optOuts: 'Opt-outs recorded, by channel and where they were heard',
  decisions: 'Dispatcher decisions on due contacts: called, rescheduled to the next window, withheld; by reason',
};

const statuses: readonly CampaignContactStatus[] = ['active', 'completed', 'completed_all_calls'];

export type OutreachMetricsOptions = {
  readonly registry: Registry;
  readonly readStore: ReadStore;
  readonly series: CampaignSeries;
  readonly now: () => number;
  /** Read-model gauges are counted at most this often, whatever the scrape interval. */
  readonly gaugeEveryMs?: number;
  /** A count of the read models failed: scrapes show no gauges until the next count. */
  readonly onError?: (error: unknown) => void;
};

type CampaignCounts = {
  readonly company: string;
  readonly campaign: string;
  readonly contacts: Record<CampaignContactStatus, number>;
  readonly due: number;
};

/** Active and paused campaigns, a page at a time: the only ones whose read models still change. */
const liveCampaigns = async (readStore: ReadStore): Promise<DispatchCampaign[]> => {
  const campaigns = collection<DispatchCampaign>(readStore, DISPATCH_CAMPAIGNS);
  const found: DispatchCampaign[] = [];
  for (const status of ['ACTIVE', 'PAUSED']) found.push(...(await campaigns.findAll({ status }, [['status', 1]])));
  return found;
};

/**
 * The outreach metrics: counters of what this process appended, and gauges of contacts by status and
 * of the due queue, counted from the read models for live campaigns with series of their own.
 */
export const outreachMetrics = (options: OutreachMetricsOptions) => {
  const { registry, readStore, series } = options;
  // Each scrape first counts the read models and releases the series of campaigns long over, so none is shown stale.
  const scraped = () => campaignCounts();
  const counters = Object.fromEntries(
    (Object.keys(counterNames) as CounterKey[]).map((key) => [
      key,
      new Counter({
        name: counterNames[key],
        help: help[key],
        labelNames: ['company', 'campaign', ...counterLabels[key]],
        registers: [registry],
        collect: async () => void (await scraped()),
      }),
    ]),
  ) as Record<CounterKey, Counter<string>>;

  // The label sets each campaign's counters were given, to remove them with it (reading them back would scrape).
  const written = new Map<string, Map<string, { counter: Counter<string>; labels: Record<string, string> }>>();
  const release = (now: number) => {
    for (const { campaignId } of series.released(now)) {
      for (const { counter, labels } of written.get(campaignId)?.values() ?? []) counter.remove(labels);
      written.delete(campaignId);
    }
  };

  const countCampaigns = async (): Promise<CampaignCounts[]> => {
    const now = options.now();
    const counted: CampaignCounts[] = [];
    for (const campaign of await liveCampaigns(readStore)) {
      const { companyId, campaignId } = campaign;
      const labels = series.labels(companyId, campaignId, now);
      // Campaigns past the cap get no gauges: their counts would cost a query each and say nothing apart.
      if (labels.campaign === OTHER_CAMPAIGNS) continue;
      const contacts = {} as Record<CampaignContactStatus, number>;
      for (const status of statuses)
        contacts[status] = await readStore.count(CAMPAIGN_CONTACTS, {
          companyId,
          ...campaignContactsOf(campaignId, status),
        });
      const due = await readStore.count(DUE_QUEUE, {
        companyId,
        campaignId,
        dueAt: { $lte: new Date(now).toISOString() },
      });
      counted.push({ ...labels, contacts, due });
    }
    release(now);
    return counted;
  };

  // One count of the read models serves every gauge of a scrape, and scrapes closer than `gaugeEveryMs`.
  let last: { at: number; counts: Promise<CampaignCounts[]> } | undefined;
  const campaignCounts = (): Promise<CampaignCounts[]> => {
    const at = options.now();
    if (!last || at - last.at >= (options.gaugeEveryMs ?? 10_000)) {
      const counts = countCampaigns().catch((error: unknown) => {
        options.onError?.(error);
        return [];
      });
      last = { at, counts };
    }
    return last.counts;
  };

  new Gauge({
    name: 'outreach_contacts',
    help: 'Contacts of each live campaign, by status',
    labelNames: ['company', 'campaign', 'status'],
    registers: [registry],
    async collect() {
      const counts = await campaignCounts();
      this.reset();
      for (const { company, campaign, contacts } of counts)
        for (const status of statuses) this.set({ company, campaign, status }, contacts[status]);
    },
  });
  new Gauge({
    name: 'outreach_due_contacts',
    help: 'Contacts of each live campaign due for a call now (the dispatcher has not taken them yet)',
    labelNames: ['company', 'campaign'],
    registers: [registry],
    async collect() {
      const counts = await campaignCounts();
      this.reset();
      for (const { company, campaign, due } of counts) this.set({ company, campaign }, due);
    },
  });

  return {
    /** Adds an appended event's counts, about `companyId`. */
    count: (companyId: string, counts: readonly OutreachCount[]) => {
      for (const count of counts) {
        const labels = { ...series.labels(companyId, count.campaignId, options.now()), ...count.labels };
        counters[count.counter].inc(labels);
        if (!count.campaignId || labels.campaign !== count.campaignId) continue;
        const sets = written.get(count.campaignId) ?? new Map();
        sets.set(`${count.counter} ${JSON.stringify(labels)}`, { counter: counters[count.counter], labels });
        written.set(count.campaignId, sets);
      }
    },
  };
};
