import { expect } from 'chai';
import { DateTime } from 'luxon';
import { dispatchHarness, companyId, contacts, monday9am, type DispatchHarness } from './dispatchHarness.ts';
import { virtualClock } from '../../adapters/clock/virtualClock.ts';
import { simulatedTelephony } from '../../adapters/telephony/simulated/simulatedTelephony.ts';
import { callHandler } from '../../commands/outreach/enrollmentHandler.ts';
import { engineRegistry } from '../../domain/engineEvents.ts';
import type { Dispatcher } from '../../schedulers/dispatcher.ts';

const campaignId = '01900000-0000-7000-8000-000000000601';

describe('a campaign played out on the simulated carrier', () => {
  let h: DispatchHarness;
  beforeEach(async () => {
    h = dispatchHarness();
    await h.start();
  });
  afterEach(() => h.dispose());

  it('calls every contact inside its window, each attempt once, until the day ends with no call left open', async () => {
    const clock = virtualClock(monday9am);
    const context = (commandId: string) => ({ commandId, companyId, actor: 'carrier', now: clock.now() });
    const calls = callHandler({ eventStore: h.stores.eventStore, registry: engineRegistry });
    let d: Dispatcher | undefined;
    let reports = 0;
    const telephony = simulatedTelephony({
      seed: 11,
      scheduler: clock,
      reports: {
        callStatus: async (report) => {
          await d!.settlement.report(report, context(`status-${report.callId}-${report.progress}-${reports++}`));
        },
        agent: async (report) => {
          if (report.kind === 'transfer_requested')
            await calls(
              { type: 'RecordTransfer', data: { callId: report.callId, at: report.reportedAt } },
              context(`transfer-${report.callId}`),
            );
          if (report.kind === 'opt_out')
            await calls(
              { type: 'RecordInCallOptOut', data: { callId: report.callId, at: report.reportedAt } },
              context(`optout-${report.callId}`),
            );
        },
        messageStatus: async () => {},
        inboundSms: async () => {},
      },
    });
    d = h.dispatcher({
      telephony,
      clock: { now: () => clock.now(), after: () => ({ cancel: () => {} }) },
      carrierCallsPerSecond: 1,
      tickIntervalMs: 60_000,
    });
    await h.launch(campaignId, contacts(25), {
      concurrency: { limit: 4 },
      retry: { maxAttempts: 3, intervalMinutes: 20 },
    });
    await h.caughtUp();
    // 09:00 to 19:00 in Chicago, a tick a minute: the campaign's slot closes at 17:00.
    for (let minute = 0; minute < 600; minute++) {
      await d.tick();
      await h.caughtUp();
      await clock.advance(60_000);
    }
    await h.caughtUp();

    const placed = telephony.placedCalls();
    expect(placed.length).to.be.greaterThan(25);
    expect(new Set(placed.map((c) => c.callId)).size, 'each call dialled once').to.equal(placed.length);
    const requested = await h.eventsOf('CallRequested');
    expect(requested.length).to.equal(placed.length);
    const attempts = requested.map((e) => {
      const data = e.data as { contactId: string; attempt: number };
      return `${data.contactId}/${data.attempt}`;
    });
    expect(new Set(attempts).size, 'each attempt once').to.equal(attempts.length);
    expect(
      new Set(requested.map((e) => (e.data as { contactId: string }).contactId)).size,
      'every contact called',
    ).to.equal(25);
    for (const event of requested) {
      const local = DateTime.fromISO((event.data as { requestedAt: string }).requestedAt, { zone: 'America/Chicago' });
      expect(local.hour, 'inside the 09:00-17:00 slot').to.be.within(9, 16);
    }
    const ended = await h.eventsOf('CallAttemptEnded');
    expect(ended.length, 'every call ended and reached its contact').to.equal(requested.length);
    expect(await h.stores.readStore.count('dispatched_calls', { open: true })).to.equal(0);
  });
});
