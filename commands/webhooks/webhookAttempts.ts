import type { RecordWebhookAttempt } from '../../domain/webhook/commands.ts';
import { webhookDeliveryDecider } from '../../domain/webhook/deliveryDecider.ts';
import { webhookDeliveryStream } from '../../domain/webhook/events.ts';
import type { CommandContext } from '../commandContext.ts';
import { handlerOf, type CommandWriter } from '../handleCommand.ts';

/** Records one attempt on the delivery's own stream; attempts made side by side are each recorded, in turn. */
export const webhookAttempts = (deps: CommandWriter) => {
  const handle = handlerOf(deps, webhookDeliveryDecider);
  return (command: RecordWebhookAttempt, context: CommandContext) =>
    handle(webhookDeliveryStream(command.data.campaignId, command.data.deliveryId), command, context);
};

export type WebhookAttempts = ReturnType<typeof webhookAttempts>;
