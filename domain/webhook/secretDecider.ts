import type { Decider } from '../decider.ts';
import type { RotateWebhookSecret } from './commands.ts';
import type { WebhookEvent } from './events.ts';

type SecretEvent = Extract<WebhookEvent, { type: 'WebhookSecretRotated' }>;

/** A campaign's signing secret: the latest one rotated in, if any. */
export type WebhookSecretState = { readonly secret?: string };

/** The `webhook-<campaignId>` stream: every rotation replaces the secret deliveries are signed with. */
export const webhookSecretDecider: Decider<WebhookSecretState, RotateWebhookSecret, SecretEvent> = {
  decide: ({ data }) => ({
    type: 'WebhookSecretRotated',
    data: { campaignId: data.campaignId, secret: data.secret, rotatedAt: data.now },
  }),
  evolve: (_state, event) => ({ secret: event.data.secret }),
  initialState: () => ({}),
};
