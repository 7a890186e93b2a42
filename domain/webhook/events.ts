import * as t from 'io-ts';
import { WholeNumber } from '../values.ts';
import { eventDefinitions, type EventsOf } from '../events/eventCodecs.ts';

/**
 * What one attempt did to its delivery: `delivered`; `retrying` at `nextAttemptAt`; `given_up` (its
 * retries ran out); `failed` (an attempt on a delivery already delivered or given up, tried again by hand).
 */
export const AttemptOutcome = t.keyof({ delivered: null, retrying: null, given_up: null, failed: null });
export type AttemptOutcome = t.TypeOf<typeof AttemptOutcome>;

export const webhookEvents = {
  /** The campaign's signing secret (`whsec_<base64>`), kept in clear because every delivery is signed with it. */
  WebhookSecretRotated: t.type({ campaignId: t.string, secret: t.string, rotatedAt: t.string }),
  /**
   * One request to the campaign's webhook URL and what came of it. `resolves`: this attempt took the
   * delivery out of the campaign's queue (delivered or given up), so the next one may go.
   */
  WebhookDeliveryAttempted: t.intersection([
    t.type({
      campaignId: t.string,
      deliveryId: t.string,
      attempt: WholeNumber,
      at: t.string,
      latencyMs: WholeNumber,
      outcome: AttemptOutcome,
      resolves: t.boolean,
      manual: t.boolean,
    }),
    t.partial({ statusCode: WholeNumber, error: t.string, nextAttemptAt: t.string }),
  ]),
};

export type WebhookEvent = EventsOf<typeof webhookEvents>;

export const webhookEventDefinitions = eventDefinitions(webhookEvents);

/** The campaign's signing secret: a short stream, read in full before every delivery attempt. */
export const webhookStream = (campaignId: string): string => `webhook-${campaignId}`;

/** The attempts of one delivery: a stream of its own, so recording an attempt never folds a campaign's whole log. */
export const webhookDeliveryStream = (campaignId: string, deliveryId: string): string =>
  `webhookdelivery-${campaignId}.${deliveryId}`;
