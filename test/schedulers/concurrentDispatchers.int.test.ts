import { expect } from 'chai';
import { dispatchHarness, companyId, contacts, type DispatchHarness } from './dispatchHarness.ts';

const campaignId = '01900000-0000-7000-8000-000000000201';
const outcomes = ['busy', 'no_answer', 'completed', 'failed'] as const;

describe('two dispatchers over one store', () => {
  let h: DispatchHarness;
  beforeEach(async () => {
    h = dispatchHarness();
    await h.start();
  });
  afterEach(() => h.dispose());

  it('never request or place the same attempt twice, tick after tick, with calls ending between ticks', async () => {
    await h.launch(campaignId, contacts(40), {
      concurrency: { limit: 12 },
      retry: { maxAttempts: 3, intervalMinutes: 5 },
    });
    await h.caughtUp();
    const [a, b] = [h.dispatcher(), h.dispatcher()];
    let ended = 0;
    for (let tick = 0; tick < 25; tick++) {
      // Both tick at the same instant, on the same read models.
      await Promise.all([a.tick(), b.tick()]);
      const open = h.telephony.placed.slice(ended);
      for (const [i, call] of open.entries()) {
        const progress = outcomes[(tick + i) % outcomes.length]!;
        await a.settlement.report(
          {
            callId: call.callId,
            carrierCallId: h.telephony.carrierCallIdOf(call.callId),
            progress,
            reportedAt: h.clock.current.toISOString(),
            ...(progress === 'completed' ? { answeredBy: 'human' as const } : {}),
          },
          { commandId: `report-${call.callId}`, companyId, actor: 'carrier', now: h.clock.current },
        );
      }
      ended = h.telephony.placed.length;
      await h.caughtUp();
      h.advance(3);
    }
    const requested = await h.eventsOf('CallRequested');
    expect(requested.length).to.be.greaterThan(60);
    const attempts = requested.map((e) => {
      const data = e.data as { contactId: string; run: number; attempt: number };
      return `${data.contactId}/${data.run}/${data.attempt}`;
    });
    expect(new Set(attempts).size, 'each attempt requested once').to.equal(attempts.length);
    const dialled = h.telephony.placed.map((c) => c.callId);
    expect(new Set(dialled).size, 'each call dialled once').to.equal(dialled.length);
    expect(dialled.length).to.equal(requested.length);
    expect(Math.max(...requested.map((e) => (e.data as { attempt: number }).attempt))).to.be.at.most(3);
  });
});
