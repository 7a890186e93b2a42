import { expect } from 'chai';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { virtualClock } from '../../../adapters/clock/virtualClock.ts';
import { simulatedTelephony } from '../../../adapters/telephony/simulated/simulatedTelephony.ts';
import type { CallStatusReport } from '../../../commands/outreach/carrierReports.ts';
import { call, campaignStart } from './simulatedCarrierHarness.ts';

const terminal = ['completed', 'busy', 'no_answer', 'failed', 'canceled'];

describe('the simulated carrier with a placed-call log', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'call-log-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const carrier = (clock = virtualClock(campaignStart)) => {
    const reports: CallStatusReport[] = [];
    const telephony = simulatedTelephony({
      seed: 5,
      scheduler: clock,
      callLog: join(dir, 'calls.jsonl'),
      reports: {
        callStatus: async (report) => void reports.push(report),
        agent: async () => {},
        messageStatus: async () => {},
        inboundSms: async () => {},
      },
    });
    return { clock, telephony, reports };
  };

  it('writes each call before it plays, and a restarted carrier finds it and plays it to its end', async () => {
    const first = carrier();
    const { carrierCallId } = await first.telephony.placeCall(call(1));
    const logged = readFileSync(join(dir, 'calls.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(logged).to.have.length(1);
    expect(logged[0].call.callId).to.equal('call-1');

    // The process dies before any report: a new carrier on the same log, later.
    const again = carrier(virtualClock(new Date(campaignStart.getTime() + 5_000)));
    expect(await again.telephony.findCall('call-1')).to.include({ carrierCallId });
    expect(await again.telephony.findCall('call-2')).to.equal(undefined);
    await again.clock.runUntilIdle(3_600_000);
    expect(terminal).to.include((await again.telephony.fetchCall(carrierCallId))!.progress);
    expect(again.telephony.placedCalls()).to.have.length(1);
  });

  it('reports nothing of what happened while it was down, but knows how the call ended', async () => {
    const first = carrier();
    const { carrierCallId } = await first.telephony.placeCall(call(1));
    const { script, placedAt } = first.telephony.placedCalls()[0]!;
    const end = script.steps.findLast((step) => 'status' in step && terminal.includes(step.status))!;

    // The process dies at once; a carrier restarted on the same log an hour later, after the call's end.
    const again = carrier(virtualClock(new Date(Date.parse(placedAt) + 3_600_000)));
    await again.clock.runUntilIdle(3_600_000);
    expect(again.reports, 'callbacks while the engine was down are lost').to.deep.equal([]);
    expect(await again.telephony.fetchCall(carrierCallId)).to.deep.include({
      progress: 'status' in end ? end.status : undefined,
      endedAt: new Date(Date.parse(placedAt) + end.atMs).toISOString(),
    });
  });

  it('does not play again a call whose end was taken in, and keeps numbering calls to a number where it left off', async () => {
    const first = carrier();
    const one = await first.telephony.placeCall(call(1));
    await first.clock.runUntilIdle(3_600_000);
    const ends = first.reports.filter((report) => terminal.includes(report.progress));
    expect(ends.length).to.be.greaterThan(0);

    const again = carrier(virtualClock(first.clock.now()));
    expect(await again.telephony.findCall('call-1')).to.deep.equal({
      carrierCallId: one.carrierCallId,
      status: ends[0]!.progress,
    });
    await again.clock.runUntilIdle(3_600_000);
    expect(again.reports, 'nothing replayed').to.have.length(0);
    const two = await again.telephony.placeCall(call(1, { callId: 'call-1b' }));
    expect(two.carrierCallId, 'a second call to the number gets a carrier id of its own').to.not.equal(
      one.carrierCallId,
    );
  });

  it('drops a line torn by a crash mid-write', async () => {
    const first = carrier();
    await first.telephony.placeCall(call(1));
    appendFileSync(join(dir, 'calls.jsonl'), '{"kind":"placed","call":{"callId":"cal');
    const again = carrier();
    expect(again.telephony.placedCalls().map((c) => c.callId)).to.deep.equal(['call-1']);
    await again.telephony.placeCall(call(2));
    const third = carrier();
    expect(third.telephony.placedCalls().map((c) => c.callId)).to.deep.equal(['call-1', 'call-2']);
  });
});
