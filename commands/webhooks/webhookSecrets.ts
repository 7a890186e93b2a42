import { aggregateStream } from '../aggregateStream.ts';
import { randomBytes } from 'node:crypto';
import { IllegalStateError, NotFoundError } from '../../domain/errors.ts';
import { webhookStream } from '../../domain/webhook/events.ts';
import { webhookSecretDecider } from '../../domain/webhook/secretDecider.ts';
import { foldCampaign } from '../campaigns/readCampaign.ts';
import type { CommandContext } from '../commandContext.ts';
import type { EventStore } from '../eventStore.ts';
import { handlerOf, type CommandWriter } from '../handleCommand.ts';
import { named } from '../../domain/namedValue.ts';

type Deps = CommandWriter & { readonly random?: (size: number) => Buffer };

/** A Standard Webhooks secret: `whsec_` and the base64 of 32 random bytes, the HMAC key itself. */
export const newWebhookSecret = (random: (size: number) => Buffer = randomBytes): string =>
  `whsec_${random(32).toString('base64')}`;

/** The HMAC key of a `whsec_` secret: the bytes its base64 part stands for. */
export const signingKeyOf = (secret: string): Buffer => Buffer.from(secret.replace(/^whsec_/, ''), 'base64');

/** The secret deliveries of a campaign are signed with now, read from its stream; none until the first rotation. */
export const webhookSecretOf = async (eventStore: EventStore, campaignId: string): Promise<string | undefined> => {
  const { state } = await aggregateStream(eventStore, webhookSecretDecider, webhookStream(campaignId));
  return state.secret;
};

/**
 * Rotates a campaign's signing secret (draft or launched) and answers the new one, the only time it is
 * shown. Deliveries from then on are signed with it; until a campaign's first rotation nothing is sent.
 */
export const rotateWebhookSecret = (deps: Deps) => {
  const handle = handlerOf(deps, webhookSecretDecider);
  return async (campaignId: string, context: CommandContext): Promise<{ secret: string; position: bigint }> => {
    const { state } = await foldCampaign(deps.eventStore, campaignId);
    if (state.status === 'NONE' || state.status === 'DELETED' || state.companyId !== context.companyId)
      throw new NotFoundError('CAMPAIGN.NOT_FOUND', `No campaign ${named(campaignId)}.`);
    const secret = newWebhookSecret(deps.random);
    const result = await handle(
      webhookStream(campaignId),
      { type: 'RotateWebhookSecret', data: { campaignId, secret, now: context.now.toISOString() } },
      context,
    );
    // A repeated request finds its secret already rotated in; only the first answer ever showed it.
    if (result.repeated)
      throw new IllegalStateError(
        'WEBHOOK_SECRET.ALREADY_SHOWN',
        `The secret of campaign ${campaignId} was rotated by an earlier attempt of this request and is shown only once; rotate it again.`,
      );
    return { secret, position: result.position };
  };
};
