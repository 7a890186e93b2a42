import { expect } from 'chai';
import fc from 'fast-check';
import type { CallProgress } from '../../../commands/outreach/carrierReports.ts';
import {
  defaultTelephonyProfile,
  checkProfile,
  type TelephonyProfile,
} from '../../../adapters/telephony/simulated/simulationProfile.ts';
import { noNoise } from '../../../adapters/simulated/deliveryNoise.ts';
import { call, callTimelines, hour, simulatedCarrier } from './simulatedCarrierHarness.ts';

const quiet: TelephonyProfile = { ...defaultTelephonyProfile, noise: noNoise };
const noisy: TelephonyProfile = {
  ...defaultTelephonyProfile,
  noise: { jitterMs: { min: 0, max: 3000 }, late: 0.3, lateMs: { min: 10_000, max: 600_000 }, duplicate: 0.3 },
};
const only = (
  outcome: keyof TelephonyProfile['calls']['outcomes'],
  turn?: keyof TelephonyProfile['calls']['humanTurns'],
): TelephonyProfile => ({
  ...quiet,
  calls: {
    ...quiet.calls,
    outcomes: { human: 0, machine: 0, busy: 0, no_answer: 0, failed: 0, [outcome]: 1 },
    humanTurns: { talk: 0, transfer: 0, opt_out: 0, hang_up: 0, [turn ?? 'talk']: 1 },
  },
});

/** The paths a call may take, each from initiated to one terminal status. */
const validPaths: readonly (readonly CallProgress[])[] = [
  ['initiated', 'failed'],
  ['initiated', 'ringing', 'busy'],
  ['initiated', 'ringing', 'no_answer'],
  ['initiated', 'ringing', 'in_progress', 'completed'],
  ['initiated', 'canceled'],
  ['initiated', 'ringing', 'canceled'],
];

const playCampaign = async (seed: number, profile: TelephonyProfile, calls: number) => {
  const carrier = simulatedCarrier(seed, profile);
  for (let n = 0; n < calls; n += 1) {
    await carrier.telephony.placeCall(call(n));
    await carrier.clock.advance(7_000);
  }
  await carrier.clock.advance(24 * hour);
  return carrier;
};

describe('simulated telephony', () => {
  it('plays the same calls, reports and delivery times for the same seed, and others for another seed', async () => {
    const first = await playCampaign(42, noisy, 60);
    const second = await playCampaign(42, noisy, 60);
    const other = await playCampaign(43, noisy, 60);
    expect(first.deliveries.length).to.be.greaterThan(200);
    expect(second.deliveries).to.deep.equal(first.deliveries);
    expect(other.deliveries).not.to.deep.equal(first.deliveries);
  });

  it('decides what a call does by its seed and number alone, not by what was placed before it', async () => {
    const alone = simulatedCarrier(7, quiet);
    await alone.telephony.placeCall(call(5));
    const after = simulatedCarrier(7, quiet);
    for (const n of [1, 2, 3, 5]) await after.telephony.placeCall(call(n));
    expect(after.telephony.placedCalls()[3]?.script).to.deep.equal(alone.telephony.placedCalls()[0]?.script);
  });

  it('ends calls in each outcome about as often as the profile weighs it', async () => {
    const calls = 4000;
    const carrier = await playCampaign(2025, quiet, calls);
    const ends = { human: 0, machine: 0, busy: 0, no_answer: 0, failed: 0 };
    for (const timeline of callTimelines(carrier.deliveries).values()) {
      const answered = timeline.find((r) => r.progress === 'in_progress')?.answeredBy;
      const last = timeline.at(-1)?.progress;
      if (last === 'completed') ends[answered === 'machine' ? 'machine' : 'human'] += 1;
      else if (last === 'busy' || last === 'no_answer' || last === 'failed') ends[last] += 1;
    }
    const weights = quiet.calls.outcomes;
    const total = Object.values(weights).reduce((a, b) => a + b, 0);
    for (const outcome of Object.keys(ends) as (keyof typeof ends)[])
      expect(ends[outcome] / calls, outcome).to.be.closeTo(weights[outcome] / total, 0.03);
  });

  it('reports each call in a valid order under shuffled and duplicated delivery, agent reports while it is answered', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer(), async (seed) => {
        const carrier = await playCampaign(seed, noisy, 25);
        const timelines = callTimelines(carrier.deliveries);
        expect(timelines.size).to.equal(25);
        for (const [callId, timeline] of timelines) {
          expect(timeline.map((r) => r.sequence)).to.deep.equal(timeline.map((_, i) => i));
          expect(validPaths.map((p) => p.join())).to.include(timeline.map((r) => r.progress).join());
          const times = timeline.map((r) => Date.parse(r.reportedAt));
          expect(times).to.deep.equal([...times].sort((a, b) => a - b));
          const answeredAt = timeline.find((r) => r.progress === 'in_progress')?.reportedAt;
          const endedAt = timeline.at(-1)?.reportedAt ?? '';
          for (const d of carrier.deliveries)
            if (d.kind === 'agent' && d.report.callId === callId) {
              expect(answeredAt, 'agent spoke on an unanswered call').to.be.a('string');
              expect(d.report.reportedAt >= (answeredAt ?? '') && d.report.reportedAt <= endedAt).to.equal(true);
            }
        }
      }),
      { numRuns: 15 },
    );
  });

  it('does deliver some reports twice and some after later ones when the profile asks for noise', async () => {
    const carrier = await playCampaign(11, noisy, 40);
    const calls = carrier.deliveries.filter((d) => d.kind === 'call');
    const seen = new Set<string>();
    let duplicates = 0;
    let overtaken = 0;
    const latest = new Map<string, number>();
    for (const d of calls) {
      const key = `${d.report.callId}#${d.report.sequence}`;
      if (seen.has(key)) duplicates += 1;
      seen.add(key);
      if ((d.report.sequence ?? 0) < (latest.get(d.report.callId) ?? -1)) overtaken += 1;
      latest.set(d.report.callId, Math.max(d.report.sequence ?? 0, latest.get(d.report.callId) ?? -1));
    }
    expect(duplicates).to.be.greaterThan(0);
    expect(overtaken).to.be.greaterThan(0);
  });

  it('delivers nothing twice and nothing out of order without noise', async () => {
    const carrier = await playCampaign(11, quiet, 40);
    const calls = carrier.deliveries.filter((d) => d.kind === 'call');
    expect(calls.length).to.equal([...callTimelines(carrier.deliveries).values()].flat().length);
  });

  it('a human conversation: answered by a human, form answers, a summary, the agent ends it, completed with its duration and recording', async () => {
    const carrier = simulatedCarrier(3, {
      ...only('human', 'talk'),
      calls: { ...only('human', 'talk').calls, formAnswers: 1 },
    });
    await carrier.telephony.placeCall(call(1, { record: true }));
    await carrier.clock.advance(hour);
    const kinds = carrier.deliveries.map((d) =>
      d.kind === 'call' ? d.report.progress : d.kind === 'agent' ? d.report.kind : d.kind,
    );
    expect(kinds).to.deep.equal([
      'initiated',
      'ringing',
      'in_progress',
      'form_answers',
      'summary',
      'call_ended',
      'completed',
    ]);
    const [completed] = carrier.deliveries
      .filter((d) => d.kind === 'call' && d.report.progress === 'completed')
      .map((d) => d.report as { durationSeconds?: number; recordingUrl?: string });
    const answered = carrier.deliveries.find((d) => d.kind === 'call' && d.report.progress === 'in_progress');
    expect(answered?.kind === 'call' && answered.report.answeredBy).to.equal('human');
    expect(completed?.durationSeconds).to.be.within(40, 360);
    expect(completed?.recordingUrl).to.match(/^https:\/\/.+\.wav$/);
  });

  it('an opt-out: the agent reports what the person said, then ends the call as opted out', async () => {
    const carrier = simulatedCarrier(3, only('human', 'opt_out'));
    await carrier.telephony.placeCall(call(1));
    await carrier.clock.advance(hour);
    const agent = carrier.deliveries.flatMap((d) => (d.kind === 'agent' ? [d.report] : []));
    expect(agent.map((r) => r.kind)).to.deep.equal(['opt_out', 'call_ended']);
    expect(agent[0]?.kind === 'opt_out' && agent[0].utterance)
      .to.be.a('string')
      .and.not.equal('');
    expect(agent[1]?.kind === 'call_ended' && agent[1].reason).to.equal('opted_out');
  });

  it('a transfer request the engine acts on: the agent hands over, the call goes on with the firm, then completes', async () => {
    const carrier = simulatedCarrier(3, only('human', 'transfer'));
    const { carrierCallId } = await carrier.telephony.placeCall(call(1));
    while (!carrier.deliveries.some((d) => d.kind === 'agent' && d.report.kind === 'transfer_requested'))
      await carrier.clock.advance(1000);
    await carrier.telephony.transferCall(carrierCallId, '+12125559999');
    expect(await carrier.telephony.findCall('call-1')).to.deep.equal({ carrierCallId, status: 'in_progress' });
    await carrier.clock.advance(hour);
    const agent = carrier.deliveries.flatMap((d) =>
      d.kind === 'agent' ? [d.report.kind === 'call_ended' ? d.report.reason : d.report.kind] : [],
    );
    // The handoff note comes before the handoff: the agent is gone once the call is transferred.
    expect(agent.slice(-3)).to.deep.equal(['summary', 'transfer_requested', 'transferred']);
    const last = carrier.deliveries.at(-1);
    expect(last?.kind === 'call' && last.report.progress).to.equal('completed');
    expect(await carrier.telephony.findCall('call-1')).to.deep.equal({ carrierCallId, status: 'completed' });
  });

  it('a transfer request nobody acts on: the agent ends the call itself after waiting', async () => {
    const carrier = simulatedCarrier(3, only('human', 'transfer'));
    await carrier.telephony.placeCall(call(1));
    await carrier.clock.advance(hour);
    const agent = carrier.deliveries.flatMap((d) =>
      d.kind === 'agent' ? [d.report.kind === 'call_ended' ? d.report.reason : d.report.kind] : [],
    );
    expect(agent.slice(-3)).to.deep.equal(['summary', 'transfer_requested', 'completed']);
  });

  it('refuses to transfer a call that is not in progress', async () => {
    const carrier = simulatedCarrier(3, only('busy'));
    const { carrierCallId } = await carrier.telephony.placeCall(call(1));
    await carrier.clock.advance(hour);
    let error: unknown;
    await carrier.telephony.transferCall(carrierCallId, '+12125559999').catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(Error);
  });

  it('hanging up a ringing call cancels it; hanging up an answered machine completes it at once; both report nothing more', async () => {
    const ringing = simulatedCarrier(3, only('no_answer'));
    const first = await ringing.telephony.placeCall(call(1));
    await ringing.clock.advance(2000);
    await ringing.telephony.hangUp(first.carrierCallId);
    await ringing.clock.advance(hour);
    expect(ringing.deliveries.map((d) => d.kind === 'call' && d.report.progress)).to.deep.equal([
      'initiated',
      'ringing',
      'canceled',
    ]);

    const machine = simulatedCarrier(3, only('machine'));
    const second = await machine.telephony.placeCall(call(2));
    while (!machine.deliveries.some((d) => d.kind === 'call' && d.report.answeredBy === 'machine'))
      await machine.clock.advance(500);
    await machine.telephony.hangUp(second.carrierCallId);
    await machine.telephony.hangUp(second.carrierCallId);
    await machine.clock.advance(hour);
    expect(machine.deliveries.map((d) => d.kind === 'call' && d.report.progress)).to.deep.equal([
      'initiated',
      'ringing',
      'in_progress',
      'completed',
    ]);
    const last = machine.deliveries.at(-1);
    expect(last?.kind === 'call' && last.report.durationSeconds).to.equal(0);
  });

  it('says who answered only when answering-machine detection was asked for', async () => {
    const carrier = simulatedCarrier(3, only('machine'));
    await carrier.telephony.placeCall(call(1, { machineDetection: false }));
    await carrier.telephony.placeCall(call(2, { machineDetection: true }));
    await carrier.clock.advance(hour);
    const answered = carrier.deliveries.flatMap((d) =>
      d.kind === 'call' && d.report.progress === 'in_progress' ? [[d.report.callId, d.report.answeredBy]] : [],
    );
    expect(answered).to.deep.equal([
      ['call-1', undefined],
      ['call-2', 'machine'],
    ]);
  });

  it('rings no longer than the call timeout before reporting no answer', async () => {
    const carrier = simulatedCarrier(3, only('no_answer'));
    await carrier.telephony.placeCall(call(1, { timeoutSeconds: 20 }));
    await carrier.clock.advance(hour);
    const [ringing, noAnswer] = carrier.deliveries.filter(
      (d) => d.kind === 'call' && d.report.progress !== 'initiated',
    );
    expect(
      Date.parse((noAnswer?.report as { reportedAt: string }).reportedAt) -
        Date.parse((ringing?.report as { reportedAt: string }).reportedAt),
    ).to.equal(20_000);
  });

  it('knows the calls it placed by our id, and no others', async () => {
    const carrier = simulatedCarrier(3, quiet);
    const { carrierCallId } = await carrier.telephony.placeCall(call(1));
    expect(carrierCallId).to.match(/^CA[0-9a-f]{32}$/);
    expect(await carrier.telephony.findCall('call-1')).to.deep.equal({ carrierCallId, status: 'queued' });
    expect(await carrier.telephony.findCall('call-2')).to.equal(undefined);
  });

  it('answers where a call stands by its carrier id: live, then ended with its length and who answered; no other call', async () => {
    const carrier = simulatedCarrier(4, only('machine'));
    const { carrierCallId } = await carrier.telephony.placeCall(call(1));
    expect(await carrier.telephony.fetchCall(carrierCallId)).to.deep.equal({ progress: 'queued' });
    await carrier.clock.advance(hour);
    const final = carrier.deliveries.flatMap((d) =>
      d.kind === 'call' && d.report.progress === 'completed' ? [d.report] : [],
    )[0]!;
    expect(await carrier.telephony.fetchCall(carrierCallId)).to.deep.equal({
      progress: 'completed',
      endedAt: final.reportedAt,
      durationSeconds: final.durationSeconds,
      answeredBy: 'machine',
    });
    expect(await carrier.telephony.fetchCall('CA-never-placed')).to.equal(undefined);
  });

  it('refuses to place calls as often as the profile says its API fails', async () => {
    const carrier = simulatedCarrier(3, { ...quiet, calls: { ...quiet.calls, apiFailure: 1 } });
    let error: unknown;
    await carrier.telephony.placeCall(call(1)).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(Error);
    expect(carrier.telephony.placedCalls()).to.have.length(0);
  });

  it('refuses profiles no carrier could play', () => {
    expect(() =>
      checkProfile({
        ...quiet,
        calls: { ...quiet.calls, outcomes: { human: 0, machine: 0, busy: 0, no_answer: 0, failed: 0 } },
      }),
    ).to.throw(RangeError, /outcomes/);
    expect(() => checkProfile({ ...quiet, noise: { ...quiet.noise, duplicate: 1.5 } })).to.throw(
      RangeError,
      /duplicate/,
    );
    expect(() => checkProfile({ ...quiet, calls: { ...quiet.calls, talkMs: { min: 10, max: 5 } } })).to.throw(
      RangeError,
      /talkMs/,
    );
    expect(checkProfile(defaultTelephonyProfile)).to.equal(defaultTelephonyProfile);
  });
});
