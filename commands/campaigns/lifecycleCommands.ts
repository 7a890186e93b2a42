import type { CommandContext } from '../commandContext.ts';
import type { ComplianceRules } from '../../domain/compliance/complianceRules.ts';
import { campaignHandler, type CampaignDeps } from './campaignHandler.ts';
import { launchFacts } from './launchFacts.ts';
import { foldCampaign } from './readCampaign.ts';
import { enrolmentContinuation } from './enrolment.ts';
import type { HandleResult } from '../handleCommand.ts';
import type { KnownStream } from '../handleStep.ts';
import { enrolmentUnfinished, type CampaignState } from '../../domain/campaign/state.ts';
import type { CampaignEvent } from '../../domain/campaign/events.ts';
import { expectedBy, type Target } from './campaignTarget.ts';

type Transition = 'PauseCampaign' | 'ResumeCampaign' | 'CompleteCampaign';

/** Launch, then pause, resume and complete: the campaign's life after its draft; launch checks slots against the configured calling hours. */
export const lifecycleCommands = (
  deps: CampaignDeps & { readonly compliance: Pick<ComplianceRules, 'callingHours'> },
) => {
  const handle = campaignHandler(deps);

  const continueEnrolment = enrolmentContinuation(deps);

  const ownUnfinished = (state: CampaignState, context: CommandContext): boolean =>
    state.status !== 'NONE' &&
    state.companyId === context.companyId &&
    state.status !== 'COMPLETED' &&
    enrolmentUnfinished(state);

  /**
   * The launch's answer once its enrolment is whole: the campaign as enrolment left it, carried on
   * from the state the caller holds. Its batches are not kept in the answer, so a launch's memory does
   * not follow its list; `newEvents` holds the launch's own event when this call recorded it.
   */
  const finished = async (
    campaignId: string,
    context: CommandContext,
    known: KnownStream<CampaignState> & { readonly position?: bigint },
    launched?: HandleResult<CampaignState, CampaignEvent>,
  ): Promise<HandleResult<CampaignState, CampaignEvent>> => {
    const enrolled = await continueEnrolment(campaignId, context, known);
    return {
      newEvents: launched?.newEvents ?? [],
      newState: enrolled.newState,
      position: enrolled.position ?? 0n,
      nextExpectedRevision: enrolled.nextExpectedRevision,
      repeated: launched?.repeated ?? false,
    };
  };

  const addressed = ({ campaignId }: Target, context: CommandContext) => ({
    campaignId,
    companyId: context.companyId,
    now: context.now.toISOString(),
  });

  const transition = (type: Transition) => (target: Target, reason: string | undefined, context: CommandContext) =>
    handle(
      { type, data: { ...addressed(target, context), ...(reason !== undefined ? { reason } : {}) } },
      context,
      expectedBy(target),
    );

  return {
    /**
     * Gathers the facts the draft names (list membership, form, agent, company hours), then decides.
     * The decider checks each fact is the one the draft names, so a draft edited meanwhile cannot launch on stale facts.
     */
    launch: async (target: Target, context: CommandContext): Promise<HandleResult<CampaignState, CampaignEvent>> => {
      const { state, last } = await foldCampaign(deps.eventStore, target.campaignId);
      // A launch that stopped midway through its enrolment is finished by launching again.
      if (ownUnfinished(state, context))
        return finished(target.campaignId, context, { state, revision: last?.revision, position: last?.position });
      const draft = state.status === 'NONE' ? {} : state.draft;
      const facts = await launchFacts(deps.eventStore, draft, context.companyId, {
        federalHours: deps.compliance.callingHours.federal,
        allowPrivateWebhooks: deps.allowPrivateWebhooks === true,
      });
      const launched = await handle(
        { type: 'LaunchCampaign', data: { ...addressed(target, context), facts } },
        context,
        expectedBy(target),
      );
      if (!enrolmentUnfinished(launched.newState)) return launched;
      const known = { state: launched.newState, revision: launched.nextExpectedRevision, position: launched.position };
      return finished(target.campaignId, context, known, launched);
    },
    pause: transition('PauseCampaign'),
    resume: transition('ResumeCampaign'),
    complete: transition('CompleteCampaign'),
  };
};
