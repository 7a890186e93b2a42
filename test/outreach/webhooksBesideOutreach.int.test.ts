import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResolveHost } from '../../adapters/webhooks/webhookSender.ts';
import type { RecordedEvent } from '../../domain/events/event.ts';
import { webhookNotificationOf, type NotifiedEvent } from '../../domain/webhook/notifications.ts';
import {
  WEBHOOK_CAMPAIGNS,
  WEBHOOK_DELIVERIES,
  type WebhookDeliveryDoc,
} from '../../projections/webhooks/webhookDocuments.ts';
import { outreachRig } from '../support/outreachRig.ts';
import { playedCampaign } from '../support/playedCampaign.ts';
import { verifiedAsSent, webhookReceiver, type Answering } from '../support/webhookReceiver.ts';

const start = new Date('2026-12-01T15:00:00.000Z');
const minutes = 40;
const host = 'hooks.hartley-vance.test';
const toLoopback: ResolveHost = async () => [{ address: '127.0.0.1', family: 4 }];
const MINUTE = 60_000;

/** Calls requested in each minute of the play, from the dispatcher's own events: its decisions, minute by minute. */
const decisionsPerMinute = (events: readonly RecordedEvent[]): number[] => {
  const counts = Array.from({ length: minutes + 1 }, () => 0);
  for (const event of events)
    if (event.type === 'CallRequested')
      counts[
        Math.floor((Date.parse((event.data as { requestedAt: string }).requestedAt) - start.getTime()) / MINUTE)
      ]! += 1;
  return counts;
};

/**
 * One campaign played minute by minute on the rig; with a receiver, its webhooks go there on their own
 * loop (the engine's, on the same virtual clock), and after the play time moves on until none is due.
 */
const play = async (receiver?: Awaited<ReturnType<typeof webhookReceiver>>) => {
  const dir = mkdtempSync(join(tmpdir(), 'webhooks-outreach-'));
  const rig = await outreachRig({ dir, start, seed: 17, webhooks: { allowPrivate: true, resolve: toLoopback } });
  try {
    let secret = '';
    const played = await playedCampaign(rig, {
      contacts: 12,
      minutes,
      ...(receiver
        ? { settings: { externalInvocation: { enabled: true, webhookUrl: `http://${host}:${receiver.port}/hooks` } } }
        : {}),
      afterLaunch: async ({ key, campaignId }) => {
        if (!receiver) return;
        secret = (await rig.client.post(`/v1/campaigns/${campaignId}/webhook-secret`, key)).secret;
        rig.outreach.webhooks.start();
      },
    });
    // After the timed play, the same in both runs: a contact completed by hand, a STOP text, the campaign paused and completed.
    const enrolled = played.events
      .filter((e) => e.type === 'ContactsEnrolled')
      .flatMap((e) => (e.data as { contacts: { contactId: string; phone: string }[] }).contacts);
    await rig.client.post(`/v1/campaigns/${played.campaignId}/contacts/complete`, played.key, {
      contactIds: [enrolled[0]!.contactId],
    });
    await rig.outreach.reports.telephony.inboundSms({
      carrierMessageId: 'SM-stop-1',
      from: enrolled[1]!.phone,
      to: '+13125550111',
      body: 'STOP',
      receivedAt: rig.clock.now().toISOString(),
    });
    await rig.client.post(`/v1/campaigns/${played.campaignId}/pause`, played.key);
    await rig.client.post(`/v1/campaigns/${played.campaignId}/complete`, played.key);
    await rig.settle();
    const events: RecordedEvent[] = [];
    for await (const event of rig.eventStore.readAll()) events.push(event);
    for (let round = 0; receiver && round < 120; round++) {
      await rig.settle();
      if (
        (await rig.readStore.count(WEBHOOK_CAMPAIGNS, { dueAt: { $ne: null } })) === 0 &&
        rig.outreach.webhooks.inFlight() === 0
      )
        break;
      await rig.clock.advance(MINUTE);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await rig.outreach.webhooks.stop();
    await rig.settle();
    const deliveries = (
      await rig.readStore.find(
        WEBHOOK_DELIVERIES,
        { campaignId: played.campaignId },
        { sort: [['position', 1]], limit: 1000 },
      )
    ).items as WebhookDeliveryDoc[];
    return { played, events, secret, deliveries };
  } finally {
    await rig.stop();
    rmSync(dir, { recursive: true, force: true });
  }
};

describe('campaign webhooks beside outreach', function () {
  this.timeout(300_000);

  it('given a receiver that fails, then answers slowly, then recovers, then every event arrives once in order, signed, and outreach kept its pace', async () => {
    // Three 500s, five answers 400 ms late, then prompt answers.
    const answering: Answering = (n) =>
      n <= 3 ? { status: 500 } : n <= 8 ? { status: 200, delayMs: 400 } : { status: 200 };
    const receiver = await webhookReceiver(answering);
    try {
      const without = await play();
      const withWebhooks = await play(receiver);

      const expected = withWebhooks.events
        .filter(
          (event) =>
            webhookNotificationOf(event as RecordedEvent<NotifiedEvent>)?.campaignId === withWebhooks.played.campaignId,
        )
        .map((event) => event.id);
      expect(expected.length, 'notifications of the campaign').to.be.greaterThan(15);
      const types = new Set(withWebhooks.deliveries.map((d) => d.type));
      for (const type of [
        'campaign.launched',
        'call.completed',
        'call.transferred',
        'form.submitted',
        'contact.completed',
        'contact.opted_out',
        'campaign.paused',
        'campaign.completed',
      ])
        if (!types.has(type as never)) expect.fail(`no ${type} among ${[...types].join(', ')}`);

      // In order: every request is for the first event not yet delivered, or repeats the one just delivered.
      const delivered: string[] = [];
      for (const request of receiver.received) {
        const id = String(request.headers['webhook-id']);
        expect(
          [expected[delivered.length], delivered.at(-1)],
          `request for ${id} after ${delivered.length} delivered`,
        ).to.include(id);
        if (request.status < 300 && id !== delivered.at(-1)) delivered.push(id);
        expect(verifiedAsSent(withWebhooks.secret, request)).to.deep.equal(JSON.parse(request.body));
      }
      expect(delivered).to.deep.equal(expected);
      expect(withWebhooks.deliveries.every((d) => d.status === 'delivered')).to.equal(true);
      expect(withWebhooks.deliveries[0]!.attempts.map((a) => a.statusCode)).to.deep.equal([500, 500, 500, 200]);

      const pace = decisionsPerMinute(without.played.events);
      expect(
        pace.reduce((a, b) => a + b, 0),
        'calls requested',
      ).to.be.greaterThan(12);
      expect(decisionsPerMinute(withWebhooks.played.events)).to.deep.equal(pace);
    } finally {
      await receiver.close();
    }
  });
});
