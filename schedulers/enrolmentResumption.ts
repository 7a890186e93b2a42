import { enrolmentContinuation } from '../commands/campaigns/enrolment.ts';
import type { CampaignProgressDoc } from '../projections/campaignContacts/campaignContactDocument.ts';
import type { CampaignCompletionOptions } from './campaignCompletion.ts';
import { campaignsInStatus } from './campaignsInStatus.ts';
import { tickLoop } from './tickLoop.ts';

/** Read and written as campaign completion reads and writes: the campaigns' progress, then their streams. */
export type EnrolmentResumptionOptions = CampaignCompletionOptions;

export type ResumptionTick = { readonly resumed: readonly string[] };

const unfinished = (campaign: CampaignProgressDoc): boolean => campaign.enrolled < campaign.contactCount;

/**
 * Finishes the launches that a stopped process recorded only in part: each running or paused
 * campaign whose read model counts fewer enrolled contacts than its launch froze is carried on from
 * its own stream, which alone decides what is left (nothing, for a launch the read model had not
 * caught up with). Its first tick comes `intervalMs` after the engine starts.
 */
export const enrolmentResumption = (options: EnrolmentResumptionOptions) => {
  const { readStore, eventStore, clock } = options;
  const carryOn = enrolmentContinuation({ eventStore, registry: options.registry, realTime: options.realTime });
  const onError = options.onError ?? (() => {});

  const candidates = async (): Promise<CampaignProgressDoc[]> => {
    const found: CampaignProgressDoc[] = [];
    for (const status of ['ACTIVE', 'PAUSED'] as const)
      found.push(...(await campaignsInStatus(readStore, status)).filter(unfinished));
    return found;
  };

  const tick = async (): Promise<ResumptionTick> => {
    if ((await candidates()).length === 0) return { resumed: [] };
    if (options.waitForReadModels) await options.waitForReadModels(await eventStore.headPosition());
    const resumed: string[] = [];
    for (const campaign of await candidates()) {
      try {
        const context = {
          commandId: `enrol/${campaign.campaignId}`,
          companyId: campaign.companyId,
          actor: 'enrolment',
          now: clock.now(),
        };
        const result = await carryOn(campaign.campaignId, context);
        if (result.batches > 0) resumed.push(campaign.campaignId);
      } catch (error) {
        onError(error, campaign.campaignId);
      }
    }
    return { resumed };
  };

  const loop = tickLoop({
    clock,
    intervalMs: options.intervalMs ?? 5000,
    tick,
    onError: (error) => onError(error, '*'),
  });
  return { tick, start: loop.start, stop: loop.stop };
};

export type EnrolmentResumption = ReturnType<typeof enrolmentResumption>;
