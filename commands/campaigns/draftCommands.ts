import type { SaveDraft } from '../../domain/campaign/commands.ts';
import type { BuilderStep, DraftChanges } from '../../domain/campaign/draft.ts';
import { ValidationError } from '../../domain/errors.ts';
import type { CommandContext } from '../commandContext.ts';
import { webhookUrlProblems } from '../webhooks/webhookAddresses.ts';
import { campaignHandler, type CampaignDeps } from './campaignHandler.ts';
import { readAgentFacts, readCompanySettings } from './campaignFacts.ts';
import { expectedBy, type Target } from './campaignTarget.ts';

const addressed = ({ campaignId }: Target, context: CommandContext) => ({ campaignId, companyId: context.companyId });

/**
 * A webhook URL that is whole but not one a webhook may reach (another scheme, credentials, a
 * private address) is refused as it is saved; one still being typed waits for launch like any part.
 */
const refuseUnreachableWebhook = (changes: DraftChanges, allowPrivate: boolean): void => {
  const url = changes.externalInvocation?.webhookUrl;
  if (url === undefined || !URL.canParse(url)) return;
  const problems = webhookUrlProblems('externalInvocation.webhookUrl', url, allowPrivate);
  if (problems.length > 0)
    throw new ValidationError('CAMPAIGN.WEBHOOK_URL_REFUSED', 'The webhook URL cannot receive webhooks.', problems);
};

/** Starting, autosaving, remembering the builder step and deleting drafts. */
export const draftCommands = (deps: CampaignDeps) => {
  const handle = campaignHandler(deps);

  /** What the draft copies from elsewhere: the company's hours for "company times", the form of a pre-built agent. */
  const copied = async (
    changes: DraftChanges,
    companyId: string,
  ): Promise<Pick<SaveDraft['data'], 'companyHours' | 'agentForm'>> => {
    const settings =
      changes.schedule?.mode === 'company' ? await readCompanySettings(deps.eventStore, companyId) : undefined;
    const agent =
      typeof changes.agentId === 'string'
        ? await readAgentFacts(deps.eventStore, changes.agentId, companyId)
        : undefined;
    return {
      ...(settings ? { companyHours: settings.defaultBusinessHours } : {}),
      ...(agent?.formId !== undefined ? { agentForm: { agentId: agent.agentId, formId: agent.formId } } : {}),
    };
  };

  return {
    start: (campaignId: string, name: string, context: CommandContext) =>
      handle(
        {
          type: 'StartDraft',
          data: { campaignId, companyId: context.companyId, name, now: context.now.toISOString() },
        },
        context,
      ),

    save: async (target: Target, changes: DraftChanges, context: CommandContext) => {
      refuseUnreachableWebhook(changes, deps.allowPrivateWebhooks === true);
      return handle(
        {
          type: 'SaveDraft',
          data: { ...addressed(target, context), changes, ...(await copied(changes, context.companyId)) },
        },
        context,
        expectedBy(target),
      );
    },

    changeStep: (target: Target, step: BuilderStep, context: CommandContext) =>
      handle({ type: 'ChangeStep', data: { ...addressed(target, context), step } }, context, expectedBy(target)),

    remove: (target: Target, context: CommandContext) =>
      handle(
        { type: 'DeleteCampaign', data: { ...addressed(target, context), now: context.now.toISOString() } },
        context,
        expectedBy(target),
      ),
  };
};
