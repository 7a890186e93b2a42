import { dispatchCapacity } from '../../domain/dispatch/capacity.ts';
import { currentRun } from '../../domain/dispatch/currentRun.ts';
import type { DispatchCampaign } from '../../projections/outreach/dispatchCampaignsProjection.ts';
import type { DueContact } from '../../projections/outreach/dueQueueProjection.ts';
import type { DispatchAttempt, DispatchResult } from './dispatchContact.ts';
import type { DispatchReads } from './dispatchReads.ts';

/** Contacts read per call placed at most: room for those the window or consent turn away. */
const lookAhead = 4;

/** What one tick shares between campaigns: the carrier's allowance and each company's calls in flight. */
export type TickBudget = { carrierAllowance: number; readonly companies: Map<string, { inFlight: number }> };

/** One campaign's turn at a call: whether it placed one, and what became of each contact it tried. */
export type CampaignTurn = { readonly placed: boolean; readonly results: readonly DispatchResult[] };

/** Offers the campaign the next call of the tick. */
export type TakeTurn = () => Promise<CampaignTurn>;

export type CampaignTickDeps = {
  readonly reads: DispatchReads;
  readonly dispatchOne: (attempt: DispatchAttempt) => Promise<DispatchResult>;
};

const noCall: CampaignTurn = { placed: false, results: [] };

/**
 * One campaign's part in a tick: its capacity from the read models (plus what this tick already
 * placed, which they may not show yet), then one call per turn it is given, from the contacts an
 * invocation made due, then its earliest due contacts, one page at a time.
 */
export const campaignTick =
  ({ reads, dispatchOne }: CampaignTickDeps) =>
  async (campaign: DispatchCampaign, now: Date, tick: TickBudget): Promise<TakeTurn> => {
    const started = currentRun(campaign.voiceRuns, now);
    // Before the first run starts only invoked contacts are called: the invocation brought that run forward for them.
    const run = started ?? campaign.voiceRuns[0];
    const sources = started ? [reads.invokedContacts, reads.dueContacts] : [reads.invokedContacts];
    const callerNumber = run && (await reads.callerNumber(campaign.agentId));
    if (!run || !callerNumber) return async () => noCall;
    const { companyId, campaignId } = campaign;
    const lines = await reads.companyLines(companyId);
    // Read once per tick: the read model may catch up with this tick's own calls halfway through it.
    let company = tick.companies.get(companyId);
    if (!company) tick.companies.set(companyId, (company = { inFlight: await reads.inFlight(companyId) }));
    const inputs = {
      campaignLimit: campaign.concurrency.limit,
      campaignInFlight: await reads.inFlight(companyId, campaignId),
      outboundLines: lines.outboundLines,
      concurrencyRate: lines.concurrencyRate,
      pacingPerMinute: campaign.concurrency.pacingPerMinute,
      requestedLastMinute: await reads.requestedSince(companyId, campaignId, now),
    };
    let requested = 0;
    const capacityNow = () =>
      dispatchCapacity({
        ...inputs,
        campaignInFlight: inputs.campaignInFlight + requested,
        companyInFlight: company.inFlight,
        requestedLastMinute: inputs.requestedLastMinute + requested,
        carrierAllowance: tick.carrierAllowance,
      });
    const readLimit = lookAhead * capacityNow().available;
    let read = 0;
    let due: DueContact[] = [];
    let source = 0;
    let after: string | undefined;
    // An invoked contact is due in both sources: it is tried once a tick.
    const tried = new Set<string>();

    return async () => {
      const results: DispatchResult[] = [];
      const capacity = capacityNow();
      while (capacity.available > 0 && read < readLimit) {
        if (due.length === 0) {
          if (source >= sources.length) break;
          const page = await sources[source]!(campaign, now, capacity.available, after);
          due = page.items.filter((contact) => !tried.has(contact._id));
          if (page.next && page.items.length > 0) after = page.next;
          else [source, after] = [source + 1, undefined];
          continue;
        }
        read += 1;
        const contact = due.shift()!;
        tried.add(contact._id);
        const result = await dispatchOne({ campaign, run, contact, capacity, callerNumber, now });
        results.push(result);
        if (result !== 'requested') continue;
        requested += 1;
        tick.carrierAllowance -= 1;
        company.inFlight += 1;
        return { placed: true, results };
      }
      return { placed: false, results };
    };
  };
