import type { CommandContext } from '../commandContext.ts';
import type { ComplianceRules } from '../../domain/compliance/complianceRules.ts';
import { campaignHandler, type CampaignDeps } from './campaignHandler.ts';
import { launchFacts } from './launchFacts.ts';
import { foldCampaign } from './readCampaign.ts';
import { enrolmentContinuation } from './enrolment.ts';
import type { HandleResult } from '../handleCommand.ts';
import { enrolmentUnfinished, type CampaignState } from '../../domain/campaign/state.ts';
import { campaignStream, type CampaignEvent } from '../../domain/campaign/events.ts';
import { ConcurrencyError } from '../../domain/errors.ts';
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

  /** The launch's answer once its enrolment is whole: the campaign as enrolment left it. */
  const finished = async (
    campaignId: string,
    context: CommandContext,
    launched: HandleResult<CampaignState, CampaignEvent> | undefined,
  ) => {
    const enrolled = await continueEnrolment(campaignId, context);
    if (!enrolled) return launched ?? (await current(campaignId));
    return launched ? { ...enrolled, newEvents: [...launched.newEvents, ...enrolled.newEvents] } : enrolled;
  };

  /** Whether the command recorded any event on the campaign's stream. */
  const recordedBy = async (campaignId: string, commandId: string): Promise<boolean> => {
    for await (const event of deps.eventStore.readStream(campaignStream(campaignId)))
      if (event.metadata.commandId === commandId) return true;
    return false;
  };

  /** The campaign as it stands, answered as a command that changed nothing. */
  const current = async (campaignId: string): Promise<HandleResult<CampaignState, CampaignEvent>> => {
    const { state, last } = await foldCampaign(deps.eventStore, campaignId);
    return {
      newEvents: [],
      newState: state,
      position: last?.position ?? 0n,
      nextExpectedRevision: last?.revision,
      repeated: false,
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
      const { state } = await foldCampaign(deps.eventStore, target.campaignId);
      // A launch recorded in parts that stopped midway is finished by launching again.
      if (ownUnfinished(state, context)) return finished(target.campaignId, context, undefined);
      const draft = state.status === 'NONE' ? {} : state.draft;
      const facts = await launchFacts(deps.eventStore, draft, context.companyId, {
        federalHours: deps.compliance.callingHours.federal,
        allowPrivateWebhooks: deps.allowPrivateWebhooks === true,
      });
      let launched: HandleResult<CampaignState, CampaignEvent>;
      try {
        launched = await handle(
          { type: 'LaunchCampaign', data: { ...addressed(target, context), facts } },
          context,
          expectedBy(target),
        );
      } catch (error) {
        // Another writer between two parts of this launch: what was recorded is carried on from, if anything is left.
        if (error instanceof ConcurrencyError && (await recordedBy(target.campaignId, context.commandId)))
          return finished(target.campaignId, context, undefined);
        throw error;
      }
      return enrolmentUnfinished(launched.newState) ? finished(target.campaignId, context, launched) : launched;
    },
    pause: transition('PauseCampaign'),
    resume: transition('ResumeCampaign'),
    complete: transition('CompleteCampaign'),
  };
};
