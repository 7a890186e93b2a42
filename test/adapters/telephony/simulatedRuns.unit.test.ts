import { expect } from 'chai';
import fc from 'fast-check';
import {
  defaultTelephonyProfile,
  type TelephonyProfile,
} from '../../../adapters/telephony/simulated/simulationProfile.ts';
import { noNoise } from '../../../adapters/simulated/deliveryNoise.ts';
import { virtualClock } from '../../../adapters/clock/virtualClock.ts';
import { simulatedTelephony } from '../../../adapters/telephony/simulated/simulatedTelephony.ts';
import { call, campaignStart, hour, simulatedCarrier, type Delivery } from './simulatedCarrierHarness.ts';

const chatty: TelephonyProfile = {
  ...defaultTelephonyProfile,
  noise: noNoise,
  sms: {
    ...defaultTelephonyProfile.sms,
    replies: { none: 20, stop: 30, help: 10, stop_in_words: 10, free_text: 10, yes: 20 },
  },
};

/** One run of the carrier: the same numbers called and texted twice each, as two companies' campaigns would. */
const playRun = async (seed: number, run: string) => {
  const carrier = simulatedCarrier(seed, chatty, run);
  for (let n = 0; n < 40; n += 1) {
    const to = call(n).to;
    await carrier.telephony.placeCall(call(n));
    await carrier.telephony.placeCall(call(n, { callId: `again-${n}` }));
    await carrier.telephony.sendSms({
      messageId: `sms-${n}`,
      to,
      from: '+12125550000',
      body: 'Reply STOP to opt out.',
      statusCallbackUrl: 'https://engine.example/webhooks/twilio/sms/status',
    });
    await carrier.telephony.sendSms({
      messageId: `sms-again-${n}`,
      to,
      from: '+12125550000',
      body: 'Reply STOP to opt out.',
      statusCallbackUrl: 'https://engine.example/webhooks/twilio/sms/status',
    });
  }
  await carrier.clock.advance(48 * hour);
  const inbound = carrier.deliveries.flatMap((d) => (d.kind === 'inbound' ? [d.report] : []));
  return {
    ids: [
      ...carrier.telephony.placedCalls().map((c) => c.carrierCallId),
      ...carrier.telephony.sentMessages().map((m) => m.carrierMessageId),
      ...inbound.map((sms) => sms.carrierMessageId),
    ],
    plays: {
      calls: carrier.telephony.placedCalls().map((c) => c.script),
      texts: carrier.telephony.sentMessages().map((m) => m.script),
      // What the carrier reported, and when, with its own ids left out.
      deliveries: carrier.deliveries.map(withoutCarrierIds),
    },
    replies: inbound.length,
  };
};

const withoutCarrierIds = (d: Delivery) => {
  if (d.kind === 'call')
    return { ...d, report: { ...d.report, carrierCallId: '', ...(d.report.recordingUrl ? { recordingUrl: '' } : {}) } };
  if (d.kind === 'message' || d.kind === 'inbound') return { ...d, report: { ...d.report, carrierMessageId: '' } };
  return d;
};

describe('simulated carrier runs', () => {
  it('plays a second run exactly as the first, under carrier ids (calls, texts, replies) the first never gave', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer(),
        fc.tuple(fc.string(), fc.string()).filter(([a, b]) => a !== b),
        async (seed, [firstRun, secondRun]) => {
          const first = await playRun(seed, firstRun);
          const second = await playRun(seed, secondRun);
          expect(first.replies).to.be.greaterThan(0);
          expect(second.plays).to.deep.equal(first.plays);
          const earlier = new Set(first.ids);
          expect(second.ids.filter((id) => earlier.has(id))).to.deep.equal([]);
        },
      ),
      { numRuns: 5 },
    );
  });

  it('never gives one id twice within a run, though the same numbers are called and texted again', async () => {
    const { ids } = await playRun(5, 'one run');
    expect(new Set(ids).size).to.equal(ids.length);
  });

  it('starts each carrier on a run of its own unless told one', async () => {
    const quiet = async () => undefined;
    const carrier = () =>
      simulatedTelephony({
        seed: 1,
        scheduler: virtualClock(campaignStart),
        reports: { callStatus: quiet, agent: quiet, messageStatus: quiet, inboundSms: quiet },
      });
    const [a, b] = [carrier(), carrier()];
    expect((await a.placeCall(call(1))).carrierCallId).not.to.equal((await b.placeCall(call(1))).carrierCallId);
  });
});
