import type { CommandContext } from '../commandContext.ts';
import type { ComplianceRules } from '../../domain/compliance/complianceRules.ts';
import { campaignHandler, type CampaignDeps } from './campaignHandler.ts';
import { launchFacts } from './launchFacts.ts';
import { foldCampaign } from './readCampaign.ts';

type Target = { readonly campaignId: string; readonly expectedRevision?: number };
type Transition = 'PauseCampaign' | 'ResumeCampaign' | 'CompleteCampaign';

/** Launch, then pause, resume and complete: the campaign's life after its draft; launch checks slots against the configured calling hours. */
export const lifecycleCommands = (deps: CampaignDeps & { readonly compliance: Pick<ComplianceRules, 'callingHours'> }) => {
  const handle = campaignHandler(deps);

  const addressed = ({ campaignId, expectedRevision }: Target, context: CommandContext) => ({
    campaignId,
    companyId: context.companyId,
    now: context.now.toISOString(),
    ...(expectedRevision !== undefined ? { expectedRevision } : {}),
  });

  const transition = (type: Transition) => (target: Target, reason: string | undefined, context: CommandContext) =>
    handle({ type, data: { ...addressed(target, context), ...(reason !== undefined ? { reason } : {}) } }, context);

  return {
    /**
     * Gathers the facts the draft names (list membership, form, agent, company hours), then decides.
     * The decider checks each fact is the one the draft names, so a draft edited meanwhile cannot launch on stale facts.
     */
    launch: async (target: Target, context: CommandContext) => {
      const { state } = await foldCampaign(deps.eventStore, target.campaignId);
      const draft = state.status === 'NONE' ? {} : state.draft;
      const facts = await launchFacts(deps.eventStore, draft, context.companyId, {
        federalHours: deps.compliance.callingHours.federal,
        allowPrivateWebhooks: deps.allowPrivateWebhooks === true,
      });
      return handle({ type: 'LaunchCampaign', data: { ...addressed(target, context), facts } }, context);
    },
    pause: transition('PauseCampaign'),
    resume: transition('ResumeCampaign'),
    complete: transition('CompleteCampaign'),
  };
};
