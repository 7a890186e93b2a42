import { dispatchCapacity } from '../../domain/dispatch/capacity.ts';
import { currentRun } from '../../domain/dispatch/currentRun.ts';
import type { DispatchCampaign } from '../../projections/outreach/dispatchCampaignsProjection.ts';
import type { DispatchAttempt, DispatchResult } from './dispatchContact.ts';
import type { DispatchReads } from './dispatchReads.ts';

/** Contacts read per call placed at most: room for those the window or consent turn away. */
const lookAhead = 4;

/** What one tick shares between campaigns: the carrier's allowance and each company's calls in flight. */
export type TickBudget = { carrierAllowance: number; readonly companies: Map<string, { inFlight: number }> };

export type CampaignTickDeps = {
  readonly reads: DispatchReads;
  readonly dispatchOne: (attempt: DispatchAttempt) => Promise<DispatchResult>;
};

/**
 * One campaign's share of a tick: its capacity from the read models (plus what this tick already
 * placed, which they may not show yet), then its earliest due contacts, one page at a time.
 */
export const campaignTick = ({ reads, dispatchOne }: CampaignTickDeps) =>
  async (campaign: DispatchCampaign, now: Date, tick: TickBudget): Promise<DispatchResult[]> => {
    const run = currentRun(campaign.voiceRuns, now);
    if (!run) return [];
    const callerNumber = await reads.callerNumber(campaign.agentId);
    if (!callerNumber) return [];
    const { companyId, campaignId } = campaign;
    const lines = await reads.companyLines(companyId);
    // Read once per tick: the read model may catch up with this tick's own calls halfway through it.
    let company = tick.companies.get(companyId);
    if (!company) tick.companies.set(companyId, (company = { inFlight: await reads.inFlight(companyId) }));
    const companyInFlight = company.inFlight;
    const inputs = {
      campaignLimit: campaign.concurrency.limit,
      campaignInFlight: await reads.inFlight(companyId, campaignId),
      outboundLines: lines.outboundLines,
      concurrencyRate: lines.concurrencyRate,
      companyInFlight,
      pacingPerMinute: campaign.concurrency.pacingPerMinute,
      requestedLastMinute: await reads.requestedSince(companyId, campaignId, now),
      carrierAllowance: tick.carrierAllowance,
    };
    let capacity = dispatchCapacity(inputs);
    const results: DispatchResult[] = [];
    let requested = 0;
    let read = 0;
    const readLimit = lookAhead * capacity.available;
    let after: string | undefined;
    while (capacity.available > 0 && read < readLimit) {
      const page = await reads.dueContacts(campaign, now, capacity.available, after);
      for (const contact of page.items) {
        if (capacity.available <= 0) break;
        read += 1;
        const result = await dispatchOne({ campaign, run, contact, capacity, callerNumber, now });
        results.push(result);
        if (result !== 'requested') continue;
        requested += 1;
        tick.carrierAllowance -= 1;
        company.inFlight += 1;
        capacity = dispatchCapacity({ ...inputs, campaignInFlight: inputs.campaignInFlight + requested, companyInFlight: company.inFlight, requestedLastMinute: inputs.requestedLastMinute + requested, carrierAllowance: tick.carrierAllowance });
      }
      if (!page.next || page.items.length === 0) break;
      after = page.next;
    }
    return results;
  };
