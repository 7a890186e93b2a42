import { expect } from 'chai';
import fc from 'fast-check';
import { dispatchHarness, companyId, contacts, type DispatchHarness } from './dispatchHarness.ts';
import type { CallReport } from '../../domain/call/reports.ts';

const campaignId = '01900000-0000-7000-8000-000000000401';

describe('call status reports over the store', () => {
  let h: DispatchHarness;
  beforeEach(async () => {
    h = dispatchHarness();
    await h.start();
  });
  afterEach(() => h.dispose());

  it('end a call once, whatever order and however often they arrive, and move its contact on once', async () => {
    await h.launch(campaignId, contacts(1), { retry: { maxAttempts: 2, intervalMinutes: 10 } });
    await h.caughtUp();
    const d = h.dispatcher();
    await d.tick();
    const { callId } = h.telephony.placed[0]!;
    const report = (progress: CallReport['progress'], extra: Partial<CallReport> = {}): CallReport => ({
      callId,
      carrierCallId: h.telephony.carrierCallIdOf(callId),
      progress,
      reportedAt: '2026-03-02T15:02:00.000Z',
      ...extra,
    });
    const reports = [
      report('initiated'),
      report('ringing'),
      report('in_progress'),
      report('completed', { answeredBy: 'machine', durationSeconds: 20, recordingUrl: 'https://rec/1' }),
    ];
    const order = fc.sample(fc.shuffledSubarray([...reports, ...reports], { minLength: 8, maxLength: 8 }), {
      numRuns: 1,
      seed: 42,
    })[0]!;
    let n = 0;
    await Promise.all(
      order.map((r) =>
        d.settlement.report(r, { commandId: `cb-${n++}`, companyId, actor: 'carrier', now: h.clock.current }),
      ),
    );
    const callEvents = [];
    for await (const e of h.stores.eventStore.readStream(`call-${callId}`)) callEvents.push(e.type);
    expect(callEvents.filter((t) => t === 'CallCompleted')).to.have.length(1);
    expect(callEvents.filter((t) => t === 'RecordingAvailable')).to.have.length(1);
    expect(callEvents.indexOf('CallCompleted')).to.equal(callEvents.length - 2);
    const enrollment = [];
    for await (const e of h.stores.eventStore.readStream(`enrollment-${campaignId}.contact-0`)) enrollment.push(e);
    expect(enrollment.map((e) => e.type)).to.deep.equal(['CallRequested', 'CallAttemptEnded', 'NextAttemptScheduled']);
    expect(enrollment[1]!.data).to.deep.include({ outcome: 'voicemail', endedAt: '2026-03-02T15:02:00.000Z' });
    expect(enrollment[2]!.data).to.deep.include({ at: '2026-03-02T15:12:00.000Z', reason: 'retry_after_voicemail' });
  });
});
