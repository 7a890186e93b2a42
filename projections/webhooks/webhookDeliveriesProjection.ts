import type { RecordedEvent } from '../../domain/events/event.ts';
import type { WebhookEvent } from '../../domain/webhook/events.ts';
import {
  notifiedEventTypes,
  webhookNotificationOf,
  type NotifiedEvent,
  type WebhookNotification,
} from '../../domain/webhook/notifications.ts';
import { handledAlike, projectionOf, type DocumentUpdate, type EventHandler } from '../projection.ts';
import {
  WEBHOOK_CAMPAIGNS,
  WEBHOOK_DELIVERIES,
  withDueAt,
  type WebhookAttempt,
  type WebhookQueue,
  type WebhookDeliveryDoc,
} from './webhookDocuments.ts';

type Notified = Extract<NotifiedEvent, { type: (typeof notifiedEventTypes)[number] }>;
type Fed = Notified | WebhookEvent;

const emptyCampaign = (companyId: string, campaignId: string): WebhookQueue => ({
  _id: campaignId,
  companyId,
  campaignId,
  url: null,
  signing: false,
  pending: 0,
  nextAt: null,
});

const campaign = (
  event: RecordedEvent<Fed>,
  campaignId: string,
  change: (doc: WebhookQueue) => WebhookQueue,
  creates = false,
): DocumentUpdate => ({
  collection: WEBHOOK_CAMPAIGNS,
  id: campaignId,
  apply: (current) => {
    if (!current && !creates) return null;
    return withDueAt(
      change((current as WebhookQueue | undefined) ?? emptyCampaign(event.metadata.companyId, campaignId)),
    );
  },
});

/** A notification joins its campaign's queue, only where the campaign launched with a webhook URL. */
const queued = (event: RecordedEvent<Fed>, notice: WebhookNotification): DocumentUpdate[] => {
  const delivery: WebhookDeliveryDoc = {
    _id: event.id,
    companyId: event.metadata.companyId,
    campaignId: notice.campaignId,
    position: Number(event.position),
    type: notice.type,
    occurredAt: notice.occurredAt,
    data: { ...notice.data },
    status: 'pending',
    nextAttemptAt: notice.occurredAt,
    attempts: [],
  };
  const launch = event.type === 'CampaignLaunched' ? event.data.settings.externalInvocation : undefined;
  const url = launch?.enabled && launch.webhookUrl !== undefined ? launch.webhookUrl : undefined;
  if (event.type === 'CampaignLaunched' && url === undefined) return [];
  const counted = campaign(
    event,
    notice.campaignId,
    (doc) =>
      (url ?? doc.url) === null
        ? doc
        : {
            ...doc,
            url: url ?? doc.url,
            pending: doc.pending + 1,
            nextAt: doc.pending === 0 ? notice.occurredAt : doc.nextAt,
          },
    url !== undefined,
  );
  return [
    counted,
    {
      collection: WEBHOOK_DELIVERIES,
      id: delivery._id,
      reads: { collection: WEBHOOK_CAMPAIGNS, id: notice.campaignId },
      apply: (current, read) => current ?? (read?.['url'] ? delivery : null),
    },
  ];
};

type AttemptData = Extract<WebhookEvent, { type: 'WebhookDeliveryAttempted' }>['data'];

/** An attempt as the delivery log shows it. */
export const attemptOf = (data: AttemptData): WebhookAttempt => ({
  attempt: data.attempt,
  at: data.at,
  latencyMs: data.latencyMs,
  outcome: data.outcome,
  manual: data.manual,
  statusCode: data.statusCode ?? null,
  error: data.error ?? null,
  nextAttemptAt: data.nextAttemptAt ?? null,
});

const attempted = (event: RecordedEvent<Fed> & { type: 'WebhookDeliveryAttempted' }): DocumentUpdate[] => {
  const { campaignId, deliveryId, at, outcome, resolves } = event.data;
  const record = attemptOf(event.data);
  const status = outcome === 'delivered' ? 'delivered' : outcome === 'given_up' ? 'given_up' : undefined;
  return [
    {
      collection: WEBHOOK_DELIVERIES,
      id: deliveryId,
      apply: (current) =>
        current
          ? {
              ...current,
              attempts: [...(current['attempts'] as unknown[]), record],
              ...(status ? { status } : {}),
              nextAttemptAt: record.nextAttemptAt,
            }
          : null,
    },
    campaign(event, campaignId, (doc) =>
      resolves
        ? { ...doc, pending: Math.max(0, doc.pending - 1), nextAt: at }
        : outcome === 'retrying'
          ? { ...doc, nextAt: record.nextAttemptAt }
          : doc,
    ),
  ];
};

/**
 * The outbox of campaign webhooks: one document per notification, with its attempts, and one per
 * campaign saying when its queue is next due. A campaign's deliveries are tried in the order of their
 * events; the next waits until the one before is delivered or given up.
 */
/** A domain event a webhook tells of joins its campaign's queue. */
const notified: EventHandler<Notified> = (event) => {
  const notice = webhookNotificationOf(event);
  return notice ? queued(event, notice) : [];
};

export const webhookDeliveriesProjection = projectionOf<Fed>({
  name: 'webhook_deliveries',
  version: 1,
  collections: [
    { name: WEBHOOK_CAMPAIGNS, indexes: [{ fields: [['dueAt', 1]] }] },
    {
      name: WEBHOOK_DELIVERIES,
      indexes: [
        {
          fields: [
            ['companyId', 1],
            ['campaignId', 1],
            ['status', 1],
            ['position', 1],
          ],
        },
        {
          fields: [
            ['companyId', 1],
            ['campaignId', 1],
            ['position', 1],
          ],
        },
      ],
    },
  ],
  handlers: {
    ...handledAlike(notifiedEventTypes, notified),
    // A secret may come before the launch: the campaign's queue exists from then, without a URL.
    WebhookSecretRotated: (event) => [
      campaign(
        event,
        event.data.campaignId,
        (doc) => ({ ...doc, signing: true, nextAt: doc.nextAt ?? event.data.rotatedAt }),
        true,
      ),
    ],
    WebhookDeliveryAttempted: attempted,
  },
});
