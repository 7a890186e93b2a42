import type { SaveDraft } from '../../domain/campaign/commands.ts';
import type { BuilderStep, DraftChanges } from '../../domain/campaign/draft.ts';
import type { CommandContext } from '../commandContext.ts';
import { campaignHandler, type CampaignDeps } from './campaignHandler.ts';
import { readAgentFacts, readCompanySettings } from './campaignFacts.ts';

type Target = { readonly campaignId: string; readonly expectedRevision?: number };

const addressed = ({ campaignId, expectedRevision }: Target, context: CommandContext) => ({
  campaignId,
  companyId: context.companyId,
  ...(expectedRevision !== undefined ? { expectedRevision } : {}),
});

/** Starting, autosaving, remembering the builder step and deleting drafts. */
export const draftCommands = (deps: CampaignDeps) => {
  const handle = campaignHandler(deps);

  /** What the draft copies from elsewhere: the company's hours for "company times", the form of a pre-built agent. */
  const copied = async (changes: DraftChanges, companyId: string): Promise<Pick<SaveDraft['data'], 'companyHours' | 'agentForm'>> => {
    const settings = changes.schedule?.mode === 'company' ? await readCompanySettings(deps.eventStore, companyId) : undefined;
    const agent = typeof changes.agentId === 'string' ? await readAgentFacts(deps.eventStore, changes.agentId, companyId) : undefined;
    return {
      ...(settings ? { companyHours: settings.defaultBusinessHours } : {}),
      ...(agent?.formId !== undefined ? { agentForm: { agentId: agent.agentId, formId: agent.formId } } : {}),
    };
  };

  return {
    start: (campaignId: string, name: string, context: CommandContext) =>
      handle({ type: 'StartDraft', data: { campaignId, companyId: context.companyId, name, now: context.now.toISOString() } }, context),

    save: async (target: Target, changes: DraftChanges, context: CommandContext) =>
      handle({ type: 'SaveDraft', data: { ...addressed(target, context), changes, ...(await copied(changes, context.companyId)) } }, context),

    changeStep: (target: Target, step: BuilderStep, context: CommandContext) =>
      handle({ type: 'ChangeStep', data: { ...addressed(target, context), step } }, context),

    remove: (target: Target, context: CommandContext) =>
      handle({ type: 'DeleteCampaign', data: { ...addressed(target, context), now: context.now.toISOString() } }, context),
  };
};
