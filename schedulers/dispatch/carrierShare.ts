import { afterTurn, nextTurn, tickTurns, type Rotation } from '../../domain/dispatch/carrierTurns.ts';
import type { DispatchCampaign } from '../../projections/outreach/dispatchCampaignsProjection.ts';
import type { DispatchResult } from './dispatchContact.ts';
import type { TakeTurn, TickBudget } from './campaignTick.ts';

type CampaignTurns = (campaign: DispatchCampaign, now: Date, tick: TickBudget) => Promise<TakeTurn>;

/**
 * The carrier allowance of one tick, handed out one call at a time in the turns `carrierTurns`
 * decides; a campaign's capacity is read only once it is first offered a call.
 */
export const carrierShare =
  (campaignTurns: CampaignTurns) =>
  async (
    campaigns: readonly DispatchCampaign[],
    now: Date,
    tick: TickBudget,
    rotation: Rotation,
  ): Promise<{ results: DispatchResult[]; rotation: Rotation }> => {
    const byId = new Map(campaigns.map((campaign) => [campaign.campaignId, campaign]));
    const started = new Map<string, TakeTurn>();
    const results: DispatchResult[] = [];
    let turns = tickTurns(tick.carrierAllowance, campaigns, rotation);
    for (let turn = nextTurn(turns); turn; turn = nextTurn(turns)) {
      let take = started.get(turn.campaignId);
      if (!take) started.set(turn.campaignId, (take = await campaignTurns(byId.get(turn.campaignId)!, now, tick)));
      const { placed, results: tried } = await take();
      results.push(...tried);
      turns = afterTurn(turns, turn, placed);
    }
    return { results, rotation: turns.rotation };
  };
