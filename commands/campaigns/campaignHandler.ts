import { campaignDecider } from '../../domain/campaign/decider.ts';
import { campaignStream } from '../../domain/campaign/events.ts';
import type { CampaignCommand } from '../../domain/campaign/commands.ts';
import type { CommandContext } from '../commandContext.ts';
import { handlerOf, type CommandWriter, type HandleOptions } from '../handleCommand.ts';

export type CampaignDeps = CommandWriter & {
  /** Launch accepts a webhook URL on a private or loopback address (`WEBHOOK_ALLOW_PRIVATE`). */
  readonly allowPrivateWebhooks?: boolean;
};

/** Handles a campaign command on its stream, at the revision the caller expects (If-Match) when it names one. */
export const campaignHandler = (deps: CampaignDeps) => {
  const handle = handlerOf(deps, campaignDecider);
  return (command: CampaignCommand, context: CommandContext, options?: HandleOptions) =>
    handle(campaignStream(command.data.campaignId), command, context, options);
};

export type CampaignHandler = ReturnType<typeof campaignHandler>;
