import { campaignDecider } from '../../domain/campaign/decider.ts';
import { campaignStream } from '../../domain/campaign/events.ts';
import type { CampaignCommand } from '../../domain/campaign/commands.ts';
import type { EventRegistry } from '../../domain/events/eventRegistry.ts';
import type { CommandContext } from '../commandContext.ts';
import type { EventStore } from '../eventStore.ts';
import { commandHandler } from '../handleCommand.ts';

export type CampaignDeps = {
  readonly eventStore: EventStore;
  readonly registry: EventRegistry;
  /** Launch accepts a webhook URL on a private or loopback address (`WEBHOOK_ALLOW_PRIVATE`). */
  readonly allowPrivateWebhooks?: boolean;
};

/**
 * Handles a campaign command on its stream. A command that names the revision it expects (If-Match)
 * is tried once: a conflict means the caller's view is stale, which retrying cannot mend.
 */
export const campaignHandler = ({ eventStore, registry }: CampaignDeps) => {
  const retrying = commandHandler({ store: eventStore, registry, decider: campaignDecider });
  const once = commandHandler({ store: eventStore, registry, decider: campaignDecider, retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 } });
  return (command: CampaignCommand, context: CommandContext) =>
    (command.data.expectedRevision === undefined ? retrying : once)(campaignStream(command.data.campaignId), command, context);
};

export type CampaignHandler = ReturnType<typeof campaignHandler>;
