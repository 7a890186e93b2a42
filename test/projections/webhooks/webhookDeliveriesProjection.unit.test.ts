import { expect } from 'chai';
import type { Event } from '../../../domain/events/event.ts';
import { applyUpdates, projectedUpdates, type LoadDocuments } from '../../../projections/applyBatch.ts';
import type { Projection } from '../../../projections/projection.ts';
import type { Doc } from '../../../projections/readStore.ts';
import { webhookDeliveriesProjection } from '../../../projections/webhooks/webhookDeliveriesProjection.ts';
import { WEBHOOK_CAMPAIGNS, WEBHOOK_DELIVERIES } from '../../../projections/webhooks/webhookDocuments.ts';
import { recordedEvent } from '../../support/recordedEvent.ts';
import { projectionSpecification } from '../../support/projectionSpecification.ts';
import { launchableDraft } from '../../domain/campaign/campaignFixtures.ts';
import {
  answersRecorded,
  campaignCompleted,
  campaignResumed,
  completedAllCalls,
  launched as launchedWith,
  launchedAt,
  markedCompleted,
  optedOut,
  phone,
} from '../outreachEvents.ts';

const list = { listId: 'l1', caseType: 'intake', listRevision: 0, caseCount: 2, contactCount: 2 };
const launched = (campaignId: string, webhookUrl?: string): Event => ({
  type: 'CampaignLaunched',
  data: {
    campaignId,
    launchedAt: '2026-03-02T15:00:00.000Z',
    name: 'Spring intake',
    settings: webhookUrl ? { externalInvocation: { enabled: true, webhookUrl } } : {},
    list,
  },
});
const ended = (campaignId: string, contactId: string): Event => ({
  type: 'CallAttemptEnded',
  data: {
    campaignId,
    contactId,
    callId: `call-${contactId}`,
    attempt: 1,
    run: 0,
    outcome: 'answered',
    endedAt: '2026-03-02T15:03:00.000Z',
  },
});
const attempt = (
  deliveryId: string,
  n: number,
  outcome: string,
  at: string,
  extra: Record<string, unknown> = {},
): Event => ({
  type: 'WebhookDeliveryAttempted',
  data: {
    campaignId: 'c1',
    deliveryId,
    attempt: n,
    at,
    latencyMs: 12,
    outcome,
    resolves: outcome === 'delivered' || outcome === 'given_up',
    manual: false,
    ...extra,
  },
});

/** The read model after `events`, projected one batch at a time as the runner would. */
const projectAll = async (events: readonly Event[]) => {
  const store = new Map<string, { doc: Doc; position: bigint }>();
  const load: LoadDocuments = async (collection, ids) =>
    new Map(
      ids.flatMap((id) => (store.has(`${collection}/${id}`) ? [[id, store.get(`${collection}/${id}`)!] as const] : [])),
    );
  const recorded = events.map((event, i) => recordedEvent(event, i, `2026-03-02T15:0${Math.min(i, 9)}:00.000Z`));
  for (const batch of [recorded.slice(0, 3), recorded.slice(3)]) {
    for (const change of await applyUpdates(load, projectedUpdates(webhookDeliveriesProjection as Projection, batch))) {
      if (change.op === 'upsert')
        store.set(`${change.collection}/${change.doc._id}`, { doc: change.doc, position: change.position });
      else store.delete(`${change.collection}/${change.id}`);
    }
  }
  const all = (collection: string) =>
    [...store.entries()].filter(([key]) => key.startsWith(`${collection}/`)).map(([, v]) => v.doc);
  return { queues: all(WEBHOOK_CAMPAIGNS), deliveries: all(WEBHOOK_DELIVERIES) };
};

describe('the webhook deliveries read model', () => {
  it('given a campaign launched without a webhook URL, then its events leave no document at all', async () => {
    const { queues, deliveries } = await projectAll([
      launched('c2'),
      ended('c2', 'p1'),
      { type: 'CampaignPaused', data: { campaignId: 'c2', at: '2026-03-02T15:05:00.000Z' } },
    ]);
    expect(queues).to.deep.equal([]);
    expect(deliveries).to.deep.equal([]);
  });

  it('given a launch with a URL but no secret yet, then its deliveries wait and the queue is not due', async () => {
    const { queues, deliveries } = await projectAll([
      launched('c1', 'https://hooks.example.com/in'),
      ended('c1', 'p1'),
    ]);
    expect(deliveries.map((d) => [d['type'], d['status'], d['position']])).to.deep.equal([
      ['campaign.launched', 'pending', 1],
      ['call.completed', 'pending', 2],
    ]);
    expect(queues).to.deep.equal([
      {
        _id: 'c1',
        companyId: 'company-1',
        campaignId: 'c1',
        url: 'https://hooks.example.com/in',
        signing: false,
        pending: 2,
        nextAt: '2026-03-02T15:00:00.000Z',
        dueAt: null,
      },
    ]);
  });

  it('given a secret rotated on the draft, then the launch makes the queue due at once, with each notification and its small data', async () => {
    const { queues, deliveries } = await projectAll([
      {
        type: 'WebhookSecretRotated',
        data: { campaignId: 'c1', secret: 'whsec_c2VjcmV0', rotatedAt: '2026-03-02T14:00:00.000Z' },
      },
      launched('c1', 'https://hooks.example.com/in'),
      ended('c1', 'p1'),
      { type: 'CallTransferred', data: { callId: 'call-x', at: '2026-03-02T15:04:00.000Z' } },
      {
        type: 'CallTransferred',
        data: {
          callId: 'call-p2',
          campaignId: 'c1',
          contactId: 'p2',
          at: '2026-03-02T15:04:00.000Z',
          to: '+13125550199',
        },
      },
    ]);
    expect(queues[0]).to.include({ signing: true, pending: 3, dueAt: '2026-03-02T15:01:00.000Z' });
    expect(queues[0]).to.not.have.property('secret');
    expect(deliveries.map((d) => [d['type'], d['data']])).to.deep.equal([
      [
        'campaign.launched',
        { name: 'Spring intake', launchedAt: '2026-03-02T15:00:00.000Z', listId: 'l1', caseCount: 2, contactCount: 2 },
      ],
      [
        'call.completed',
        { callId: 'call-p1', contactId: 'p1', attempt: 1, outcome: 'answered', endedAt: '2026-03-02T15:03:00.000Z' },
      ],
      ['call.transferred', { callId: 'call-p2', contactId: 'p2', at: '2026-03-02T15:04:00.000Z', to: '+13125550199' }],
    ]);
  });

  it('given attempts, then the delivery keeps each one, and the queue is due at the retry, then at once for the next delivery', async () => {
    const secret: Event = {
      type: 'WebhookSecretRotated',
      data: { campaignId: 'c1', secret: 'whsec_c2VjcmV0', rotatedAt: '2026-03-02T14:00:00.000Z' },
    };
    const events = [secret, launched('c1', 'https://hooks.example.com/in'), ended('c1', 'p1')];
    const first = 'e1';
    const retrying = await projectAll([
      ...events,
      attempt(first, 1, 'retrying', '2026-03-02T15:10:00.000Z', {
        statusCode: 500,
        nextAttemptAt: '2026-03-02T15:10:20.000Z',
      }),
    ]);
    expect(retrying.queues[0]).to.include({ pending: 2, dueAt: '2026-03-02T15:10:20.000Z' });
    expect(retrying.deliveries.find((d) => d._id === first)).to.include({
      status: 'pending',
      nextAttemptAt: '2026-03-02T15:10:20.000Z',
    });

    const delivered = await projectAll([
      ...events,
      attempt(first, 1, 'retrying', '2026-03-02T15:10:00.000Z', {
        statusCode: 500,
        nextAttemptAt: '2026-03-02T15:10:20.000Z',
      }),
      attempt(first, 2, 'delivered', '2026-03-02T15:10:21.000Z', { statusCode: 200 }),
    ]);
    expect(delivered.queues[0]).to.include({ pending: 1, dueAt: '2026-03-02T15:10:21.000Z' });
    const doc = delivered.deliveries.find((d) => d._id === first)!;
    expect(doc).to.include({ status: 'delivered', nextAttemptAt: null });
    expect(doc['attempts']).to.deep.equal([
      {
        attempt: 1,
        at: '2026-03-02T15:10:00.000Z',
        latencyMs: 12,
        outcome: 'retrying',
        manual: false,
        statusCode: 500,
        error: null,
        nextAttemptAt: '2026-03-02T15:10:20.000Z',
      },
      {
        attempt: 2,
        at: '2026-03-02T15:10:21.000Z',
        latencyMs: 12,
        outcome: 'delivered',
        manual: false,
        statusCode: 200,
        error: null,
        nextAttemptAt: null,
      },
    ]);

    const drained = await projectAll([
      ...events,
      attempt(first, 1, 'delivered', '2026-03-02T15:10:00.000Z', { statusCode: 200 }),
      attempt('e2', 1, 'given_up', '2026-03-03T15:10:00.000Z', { error: 'timed out after 10000 ms' }),
    ]);
    expect(drained.queues[0]).to.include({ pending: 0, dueAt: null });
  });

  const at = '2026-03-02T15:05:00.000Z';
  const withUrl = launchedWith({
    ...launchableDraft,
    externalInvocation: { enabled: true, webhookUrl: 'https://hooks.example.com/in' },
  });
  const spec = projectionSpecification(webhookDeliveriesProjection);

  it('given a launch with a URL, when every other event a webhook tells of arrives, then the queue counts one delivery each; an opt-out heard in no campaign is none', () =>
    spec
      .given([withUrl])
      .when([
        campaignResumed(at),
        optedOut(phone, 'all', at, { campaignId: 'campaign-1', contactId: 'contact-1' }),
        optedOut(phone, 'sms', at),
        answersRecorded('call-1', { wants_callback: true }, at),
        markedCompleted(at),
        completedAllCalls(at),
        {
          type: 'ScheduledReportSent',
          data: {
            campaignId: 'campaign-1',
            reportId: 'r1',
            runId: 'run-1',
            sentAt: at,
            rows: 3,
            recipients: ['partner@example.com'],
            messageIds: ['msg-1'],
          },
        },
        campaignCompleted(at),
      ])
      .thenDocument(WEBHOOK_CAMPAIGNS, 'campaign-1', {
        url: 'https://hooks.example.com/in',
        pending: 8,
        nextAt: launchedAt,
      }));

  it('given a launch with a URL, when its contact completes and then the campaign, then a pending delivery each, in the order of their events', () => {
    const delivery = (position: number, type: string, data: object) => ({
      _id: `e${position}`,
      companyId: 'company-1',
      campaignId: 'campaign-1',
      position,
      type,
      occurredAt: launchedAt,
      data,
      status: 'pending',
      nextAttemptAt: launchedAt,
      attempts: [],
    });
    return spec
      .given([withUrl])
      .when([markedCompleted(at), completedAllCalls(at), campaignCompleted(at)])
      .then({
        [WEBHOOK_DELIVERIES]: [
          delivery(1, 'campaign.launched', {
            name: 'Spring intake',
            launchedAt,
            listId: 'list-1',
            caseCount: 1,
            contactCount: 2,
          }),
          delivery(2, 'contact.completed', { contactId: 'contact-1', at, allCalls: false }),
          delivery(3, 'contact.completed', { contactId: 'contact-1', at, allCalls: true }),
          delivery(4, 'campaign.completed', { at }),
        ],
      });
  });
});
