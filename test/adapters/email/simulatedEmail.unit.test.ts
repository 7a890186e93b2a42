import { expect } from 'chai';
import type { MessageStatusReport } from '../../../commands/outreach/carrierReports.ts';
import type { SendEmail } from '../../../commands/outreach/email.ts';
import { virtualClock } from '../../../adapters/clock/virtualClock.ts';
import { noNoise } from '../../../adapters/simulated/deliveryNoise.ts';
import type { UnsubscribeClick } from '../../../commands/outreach/carrierReports.ts';
import {
  defaultEmailProfile,
  oneClickLink,
  simulatedEmail,
  type EmailProfile,
} from '../../../adapters/email/simulated/simulatedEmail.ts';

const start = new Date('2025-11-03T14:00:00.000Z');
const day = 24 * 3_600_000;

const letter = (n: number): SendEmail => ({
  messageId: `message-${n}`,
  from: 'outreach@smith.example',
  to: `client${n}@example.com`,
  subject: 'Your claim',
  text: 'Hello',
  headers: {
    'List-Unsubscribe': `<https://engine.example/unsubscribe/t${n}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  },
});

const mailbox = async (seed: number, profile: EmailProfile, count: number, run = 'first run') => {
  const clock = virtualClock(start);
  const statuses: MessageStatusReport[] = [];
  const clicks: UnsubscribeClick[] = [];
  const email = simulatedEmail({
    seed,
    run,
    scheduler: clock,
    profile,
    reports: { messageStatus: async (r) => void statuses.push(r), unsubscribe: async (c) => void clicks.push(c) },
  });
  for (let n = 0; n < count; n += 1) await email.send(letter(n));
  await clock.advance(3 * day);
  return { email, statuses, clicks };
};

describe('simulated email', () => {
  it('plays the same deliveries, bounces and clicks for the same seed and run, and others for another seed', async () => {
    const first = await mailbox(1, defaultEmailProfile, 300);
    const second = await mailbox(1, defaultEmailProfile, 300);
    const other = await mailbox(2, defaultEmailProfile, 300);
    expect(second.statuses).to.deep.equal(first.statuses);
    expect(second.clicks).to.deep.equal(first.clicks);
    expect(other.statuses).not.to.deep.equal(first.statuses);
  });

  it('gives another run of the same seed the same plays under message ids of its own', async () => {
    const first = await mailbox(1, defaultEmailProfile, 100, 'first run');
    const restarted = await mailbox(1, defaultEmailProfile, 100, 'after a restart');
    const ids = (m: typeof first) => new Set(m.email.sentEmails().map((sent) => sent.providerMessageId));
    expect(restarted.email.sentEmails().map((sent) => sent.delivery)).to.deep.equal(
      first.email.sentEmails().map((sent) => sent.delivery),
    );
    expect(restarted.statuses.map(({ carrierMessageId: _, ...status }) => status)).to.deep.equal(
      first.statuses.map(({ carrierMessageId: _, ...status }) => status),
    );
    expect([...ids(restarted)].filter((id) => ids(first).has(id))).to.deep.equal([]);
  });

  it('reports each message sent, then delivered or bounced, about as often as the profile weighs them', async () => {
    const count = 3000;
    const { statuses } = await mailbox(
      9,
      { ...defaultEmailProfile, noise: noNoise, delivery: { delivered: 80, bounced: 20 } },
      count,
    );
    const byMessage = new Map<string, string[]>();
    for (const s of statuses) byMessage.set(s.messageId, [...(byMessage.get(s.messageId) ?? []), s.progress]);
    expect(byMessage.size).to.equal(count);
    for (const path of byMessage.values())
      expect([
        ['sent', 'delivered'],
        ['sent', 'undelivered'],
      ]).to.deep.include(path);
    const bounced = [...byMessage.values()].filter((p) => p[1] === 'undelivered').length;
    expect(bounced / count).to.be.closeTo(0.2, 0.03);
    expect(statuses.filter((s) => s.progress === 'undelivered').every((s) => s.errorCode === 'bounce')).to.equal(true);
  });

  it('unsubscribes through the one-click link of delivered messages only, as often as the profile says', async () => {
    const count = 2000;
    const { statuses, clicks } = await mailbox(5, { ...defaultEmailProfile, noise: noNoise, unsubscribe: 0.1 }, count);
    const delivered = new Set(statuses.filter((s) => s.progress === 'delivered').map((s) => s.messageId));
    expect(clicks.length / count).to.be.closeTo(0.1 * (delivered.size / count), 0.02);
    for (const click of clicks) {
      expect(delivered.has(click.messageId)).to.equal(true);
      expect(click.url).to.equal(`https://engine.example/unsubscribe/t${click.messageId.slice('message-'.length)}`);
      expect(click.to).to.equal(`client${click.messageId.slice('message-'.length)}@example.com`);
    }
  });

  it('finds the one-click link only where the message announces one-click and has an https link', () => {
    expect(oneClickLink(letter(1).headers)).to.equal('https://engine.example/unsubscribe/t1');
    expect(
      oneClickLink({
        'list-unsubscribe': '<mailto:u@x.example>, <https://x.example/u>',
        'list-unsubscribe-post': 'List-Unsubscribe=One-Click',
      }),
    ).to.equal('https://x.example/u');
    expect(oneClickLink({ 'List-Unsubscribe': '<https://x.example/u>' })).to.equal(undefined);
    expect(
      oneClickLink({
        'List-Unsubscribe': '<mailto:u@x.example>',
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      }),
    ).to.equal(undefined);
  });

  it('refuses a profile whose weights are all zero', () => {
    expect(() =>
      simulatedEmail({
        seed: 1,
        scheduler: virtualClock(start),
        profile: { ...defaultEmailProfile, delivery: { delivered: 0, bounced: 0 } },
        reports: { messageStatus: async () => {}, unsubscribe: async () => {} },
      }),
    ).to.throw(RangeError);
  });
});
