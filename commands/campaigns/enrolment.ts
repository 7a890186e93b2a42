import type { CampaignEvent } from '../../domain/campaign/events.ts';
import { enrolmentUnfinished, type Campaign, type CampaignState } from '../../domain/campaign/state.ts';
import { ConcurrencyError, IllegalStateError } from '../../domain/errors.ts';
import { named } from '../../domain/namedValue.ts';
import type { CommandContext } from '../commandContext.ts';
import type { HandleResult } from '../handleCommand.ts';
import { campaignHandler, type CampaignDeps } from './campaignHandler.ts';
import { readListFacts } from './listFacts.ts';
import { foldCampaign } from './readCampaign.ts';

/** Tries in a row that may find another writer ahead before enrolment gives up for now. */
const CONFLICTS_IN_A_ROW = 5;

/**
 * Finishes the enrolment of a campaign whose launch was recorded in parts and stopped midway: the
 * batches not yet recorded, from the list read up to the revision the launch froze. Each step is
 * named by the batches already enrolled, so two processes carrying on from the same point record it
 * once. Answers the last step, or undefined when the campaign's enrolment was already whole.
 */
export const enrolmentContinuation = (deps: CampaignDeps) => {
  const handle = campaignHandler(deps);

  const step = async (campaignId: string, state: Campaign, context: CommandContext) => {
    const frozen = state.launch!.list;
    const list = await readListFacts(deps.eventStore, frozen.listId, state.companyId, frozen.listRevision);
    if (!list)
      throw new IllegalStateError(
        'CAMPAIGN.ENROLMENT_LIST_MISSING',
        `The list ${named(frozen.listId)} the campaign launched with is gone.`,
      );
    return handle(
      { type: 'ContinueEnrolment', data: { campaignId, companyId: state.companyId, list } },
      { ...context, companyId: state.companyId, commandId: `enrol/${campaignId}/${state.enrolledBatches}` },
    );
  };

  return async (
    campaignId: string,
    context: CommandContext,
  ): Promise<HandleResult<CampaignState, CampaignEvent> | undefined> => {
    let last: HandleResult<CampaignState, CampaignEvent> | undefined;
    for (let conflicts = 0; ;) {
      const { state } = await foldCampaign(deps.eventStore, campaignId);
      // A completed campaign is final: its contacts stay as it left them.
      if (state.status === 'NONE' || state.status === 'COMPLETED' || !enrolmentUnfinished(state)) return last;
      try {
        last = await step(campaignId, state, context);
        // A step that recorded nothing cannot be helped by another.
        if (last.newEvents.length === 0) return last;
        conflicts = 0;
      } catch (error) {
        // A writer that got ahead, even midway through a step, leaves a state to carry on from.
        if (!(error instanceof ConcurrencyError) || ++conflicts >= CONFLICTS_IN_A_ROW) throw error;
      }
    }
  };
};

export type EnrolmentContinuation = ReturnType<typeof enrolmentContinuation>;
