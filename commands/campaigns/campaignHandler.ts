import { campaignDecider } from '../../domain/campaign/decider.ts';
import { campaignStream } from '../../domain/campaign/events.ts';
import type { CampaignCommand } from '../../domain/campaign/commands.ts';
import type { EventRegistry } from '../../domain/events/eventRegistry.ts';
import type { CommandContext } from '../commandContext.ts';
import type { EventStore } from '../eventStore.ts';
import { commandHandler, type HandleOptions } from '../handleCommand.ts';
import type { Scheduler } from '../scheduler.ts';

export type CampaignDeps = {
  readonly eventStore: EventStore;
  readonly registry: EventRegistry;
  /** Launch accepts a webhook URL on a private or loopback address (`WEBHOOK_ALLOW_PRIVATE`). */
  readonly allowPrivateWebhooks?: boolean;
  /** The clock a conflict's backoff waits on. */
  readonly realTime?: Scheduler;
};

/** Handles a campaign command on its stream, at the revision the caller expects (If-Match) when it names one. */
export const campaignHandler = ({ eventStore, registry, realTime }: CampaignDeps) => {
  const handle = commandHandler({ store: eventStore, registry, decider: campaignDecider, ...(realTime ? { realTime } : {}) });
  return (command: CampaignCommand, context: CommandContext, options?: HandleOptions) => handle(campaignStream(command.data.campaignId), command, context, options);
};

export type CampaignHandler = ReturnType<typeof campaignHandler>;
