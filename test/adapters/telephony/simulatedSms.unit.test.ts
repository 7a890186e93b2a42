import { expect } from 'chai';
import type { SendSms } from '../../../commands/outreach/telephony.ts';
import { noNoise } from '../../../adapters/simulated/deliveryNoise.ts';
import {
  defaultTelephonyProfile,
  type TelephonyProfile,
} from '../../../adapters/telephony/simulated/simulationProfile.ts';
import { hour, simulatedCarrier } from './simulatedCarrierHarness.ts';

const quiet: TelephonyProfile = { ...defaultTelephonyProfile, noise: noNoise };
const text = (n: number): SendSms => ({
  messageId: `sms-${n}`,
  to: `+1305555${String(n).padStart(4, '0')}`,
  from: '+13055550000',
  body: 'Hello from Smith & Partners. Reply STOP to opt out.',
  statusCallbackUrl: 'https://engine.example/webhooks/twilio/sms/status',
});

const sendMany = async (profile: TelephonyProfile, count: number, seed = 17) => {
  const carrier = simulatedCarrier(seed, profile);
  for (let n = 0; n < count; n += 1) await carrier.telephony.sendSms(text(n));
  await carrier.clock.advance(24 * hour);
  return carrier;
};

describe('simulated text messages', () => {
  it('reports sent then delivered, undelivered or failed, with Twilio error codes for the last two', async () => {
    const carrier = await sendMany(quiet, 1500);
    const paths = new Map<string, string[]>();
    for (const d of carrier.deliveries)
      if (d.kind === 'message')
        paths.set(d.report.messageId, [
          ...(paths.get(d.report.messageId) ?? []),
          `${d.report.progress}${d.report.errorCode ? `:${d.report.errorCode}` : ''}`,
        ]);
    expect(paths.size).to.equal(1500);
    for (const path of paths.values())
      expect([['sent', 'delivered'], ['sent', 'undelivered:30003'], ['failed:30008']]).to.deep.include(path);
    const delivered = [...paths.values()].filter((p) => p[1] === 'delivered').length;
    expect(delivered / 1500).to.be.closeTo(0.95, 0.03);
  });

  it('has contacts reply from their number to ours, only to delivered messages, in the mix the profile asks for', async () => {
    const profile: TelephonyProfile = {
      ...quiet,
      sms: { ...quiet.sms, replies: { none: 40, stop: 20, help: 10, stop_in_words: 10, free_text: 10, yes: 10 } },
    };
    const carrier = await sendMany(profile, 2000);
    const sent = carrier.telephony.sentMessages();
    const delivered = new Set(
      carrier.deliveries.flatMap((d) =>
        d.kind === 'message' && d.report.progress === 'delivered' ? [d.report.messageId] : [],
      ),
    );
    const replies = carrier.deliveries.flatMap((d) => (d.kind === 'inbound' ? [d.report] : []));
    for (const reply of replies) {
      const original = sent.find((m) => m.to === reply.from);
      expect(original, reply.from).not.to.equal(undefined);
      expect(reply.to).to.equal('+13055550000');
      expect(delivered.has(original?.messageId ?? '')).to.equal(true);
      expect(reply.carrierMessageId)
        .to.match(/^SM[0-9a-f]{32}$/)
        .and.not.equal(original?.carrierMessageId);
    }
    const keywords = replies.filter((r) =>
      /^(stop|stopall|unsubscribe|cancel|end|quit|revoke|optout)$/i.test(r.body.trim()),
    ).length;
    const help = replies.filter((r) => /^(help|info)$/i.test(r.body.trim())).length;
    expect(keywords / delivered.size).to.be.closeTo(0.2, 0.03);
    expect(help / delivered.size).to.be.closeTo(0.1, 0.03);
    expect(replies.some((r) => /please|again/i.test(r.body) && /stop|text/i.test(r.body))).to.equal(true);
    expect(replies.some((r) => /^yes$/i.test(r.body))).to.equal(true);
  });

  it('sends nothing back to a message that never arrived', async () => {
    const profile: TelephonyProfile = {
      ...quiet,
      sms: {
        ...quiet.sms,
        delivery: { delivered: 0, undelivered: 1, failed: 1 },
        replies: { none: 0, stop: 1, help: 0, stop_in_words: 0, free_text: 0, yes: 0 },
      },
    };
    const carrier = await sendMany(profile, 200);
    expect(carrier.deliveries.filter((d) => d.kind === 'inbound')).to.have.length(0);
  });
});
