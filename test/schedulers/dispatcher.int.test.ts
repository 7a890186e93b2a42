import { expect } from 'chai';
import { dispatchHarness, companyId, contacts, callerNumber, type DispatchHarness } from './dispatchHarness.ts';
import { consentCommands } from '../../commands/consent/consentCommands.ts';
import { engineRegistry } from '../../domain/engineEvents.ts';

const campaignId = '01900000-0000-7000-8000-000000000101';

describe('dispatcher', () => {
  let h: DispatchHarness;
  beforeEach(async () => {
    h = dispatchHarness();
    await h.start();
  });
  afterEach(() => h.dispose());

  it('requests then places as many calls as the campaign limit allows, recording the decision for auditors', async () => {
    await h.launch(campaignId, contacts(8));
    await h.caughtUp();
    const summary = await h.dispatcher().tick();
    expect(summary.requested).to.equal(5);
    expect(h.telephony.placed).to.have.length(5);
    expect(h.telephony.placed[0]).to.deep.include({ to: '+13125550000', from: callerNumber, machineDetection: true });
    const [first] = await h.eventsOf('CallRequested');
    expect(first!.stream).to.equal(`enrollment-${campaignId}.contact-0`);
    expect(first!.data).to.deep.include({ attempt: 1, run: 0, requestedAt: '2026-03-02T15:00:00.000Z' });
    expect((first!.data as { decision: unknown }).decision).to.deep.equal({
      localTime: '2026-03-02T09:00:00.000-06:00',
      timezone: 'America/Chicago',
      window: { opensAt: '2026-03-02T15:00:00.000Z', closesAt: '2026-03-02T23:00:00.000Z' },
      capacity: { limit: 5, inFlight: 0, lines: 20, rate: 50, pacing: null, available: 5 },
    });
    const placed = await h.eventsOf('CallPlaced');
    expect(placed.map((e) => e.stream)).to.deep.equal(h.telephony.placed.map((c) => `call-${c.callId}`));
  });

  it("records a campaign's calls only when the campaign asks for it", async () => {
    await h.launch(campaignId, contacts(2), { recordCalls: true });
    await h.launch('campaign-quiet', contacts(2, 'quiet'));
    await h.caughtUp();
    await h.dispatcher().tick();
    const campaignOf = new Map(
      (await h.eventsOf('CallPlaced')).map((e) => [
        (e.data as { callId: string }).callId,
        (e.data as { campaignId: string }).campaignId,
      ]),
    );
    const recordedBy = (campaign: string) =>
      h.telephony.placed.filter((call) => campaignOf.get(call.callId) === campaign).map((call) => call.record);
    expect(recordedBy(campaignId)).to.deep.equal([true, true]);
    expect(recordedBy('campaign-quiet')).to.deep.equal([false, false]);
  });

  it('places nothing more while the calls in flight use the capacity, and more once they end', async () => {
    await h.launch(campaignId, contacts(8));
    await h.caughtUp();
    const d = h.dispatcher();
    await d.tick();
    await h.caughtUp();
    expect((await d.tick()).requested).to.equal(0);
    for (const call of h.telephony.placed.slice(0, 2))
      await d.settlement.report(
        {
          callId: call.callId,
          carrierCallId: h.telephony.carrierCallIdOf(call.callId),
          progress: 'completed',
          answeredBy: 'human',
          reportedAt: h.clock.current.toISOString(),
        },
        { commandId: `r-${call.callId}`, companyId, actor: 'carrier', now: h.clock.current },
      );
    await h.caughtUp();
    expect((await d.tick()).requested).to.equal(2);
    expect(h.telephony.placed).to.have.length(7);
  });

  it("limits by the company lines times the concurrency rate, less every campaign's calls in flight, and by pacing", async () => {
    const other = '01900000-0000-7000-8000-000000000102';
    await h.launch(campaignId, contacts(30), { concurrency: { limit: 8 } });
    await h.launch(other, contacts(30, 'other'), { concurrency: { limit: 8, pacingPerMinute: 3 } });
    await h.caughtUp();
    await h.dispatcher().tick();
    // 20 lines at 50 %: 10 calls taken in turn; the second campaign stops at its pacing of 3, the first takes the other 7.
    const requested = await h.eventsOf('CallRequested');
    expect(requested.filter((e) => e.stream.includes(campaignId)).length).to.equal(7);
    expect(requested.filter((e) => e.stream.includes(other)).length).to.equal(3);
  });

  it("starts no more calls a minute than the campaign's pacing", async () => {
    await h.launch(campaignId, contacts(10), { concurrency: { limit: 10, pacingPerMinute: 3 } });
    await h.caughtUp();
    const d = h.dispatcher();
    expect((await d.tick()).requested).to.equal(3);
    await h.caughtUp();
    h.advance(0.5);
    expect((await d.tick()).requested).to.equal(0);
    h.advance(0.51);
    expect((await d.tick()).requested).to.equal(3);
  });

  it('dispatches nothing for a paused or completed campaign, and takes a resumed one up again', async () => {
    await h.launch(campaignId, contacts(8));
    await h.caughtUp();
    const d = h.dispatcher();
    await d.tick();
    await h.lifecycle(campaignId, 'CampaignPaused');
    for (const call of h.telephony.placed)
      await d.settlement.report(
        {
          callId: call.callId,
          carrierCallId: h.telephony.carrierCallIdOf(call.callId),
          progress: 'busy',
          reportedAt: h.clock.current.toISOString(),
        },
        { commandId: `r-${call.callId}`, companyId, actor: 'carrier', now: h.clock.current },
      );
    await h.caughtUp();
    h.advance(60);
    expect(await d.tick()).to.deep.include({ requested: 0 });
    expect(h.telephony.placed).to.have.length(5);
    await h.lifecycle(campaignId, 'CampaignResumed');
    await h.caughtUp();
    expect((await d.tick()).requested).to.equal(5);
    await h.lifecycle(campaignId, 'CampaignCompleted');
    await h.caughtUp();
    h.advance(120);
    expect((await d.tick()).requested).to.equal(0);
  });

  it('reschedules a contact outside its calling window to the next opening instead of calling', async () => {
    h.clock.current = new Date('2026-03-02T23:30:00.000Z'); // 17:30 in Chicago: after the campaign's slot
    await h.launch(campaignId, contacts(2));
    await h.caughtUp();
    const summary = await h.dispatcher().tick();
    expect(summary).to.deep.include({ requested: 0, rescheduled: 2 });
    const scheduled = await h.eventsOf('NextAttemptScheduled');
    expect(scheduled.map((e) => e.data)).to.deep.include({
      campaignId,
      contactId: 'contact-0',
      at: '2026-03-03T15:00:00.000Z',
      reason: 'outside_campaign_slots',
      localTime: '2026-03-02T17:30:00.000-06:00',
    });
    await h.caughtUp();
    h.clock.current = new Date('2026-03-03T15:00:00.000Z');
    expect((await h.dispatcher().tick()).requested).to.equal(2);
  });

  it('withholds calls to a number that opted out, in every campaign of the company', async () => {
    await consentCommands({ eventStore: h.stores.eventStore, registry: engineRegistry }).optOut(
      { address: '+13125550001', source: 'agent_reported' },
      { commandId: 'optout-1', companyId, actor: 'agent', now: h.clock.current },
    );
    await h.launch(campaignId, contacts(3));
    await h.caughtUp();
    const summary = await h.dispatcher().tick();
    expect(summary).to.deep.include({ requested: 2, withheld: 1 });
    expect(h.telephony.placed.map((c) => c.to)).to.not.include('+13125550001');
  });

  it('retries a busy contact after the interval, and never calls a contact completed for calls', async () => {
    await h.launch(campaignId, contacts(1));
    await h.caughtUp();
    const d = h.dispatcher();
    await d.tick();
    const [call] = h.telephony.placed;
    await d.settlement.report(
      {
        callId: call!.callId,
        carrierCallId: h.telephony.carrierCallIdOf(call!.callId),
        progress: 'busy',
        reportedAt: h.clock.current.toISOString(),
      },
      { commandId: 'busy', companyId, actor: 'carrier', now: h.clock.current },
    );
    await h.caughtUp();
    h.advance(29);
    expect((await d.tick()).requested).to.equal(0);
    h.advance(1);
    expect((await d.tick()).requested).to.equal(1);
    const [, second] = h.telephony.placed;
    await d.settlement.report(
      {
        callId: second!.callId,
        carrierCallId: h.telephony.carrierCallIdOf(second!.callId),
        progress: 'no_answer',
        reportedAt: h.clock.current.toISOString(),
      },
      { commandId: 'na', companyId, actor: 'carrier', now: h.clock.current },
    );
    await h.append(`enrollment-${campaignId}.contact-0`, [
      {
        type: 'ContactCompletedAllCalls',
        data: { campaignId, contactId: 'contact-0', at: h.clock.current.toISOString() },
      },
    ]);
    await h.caughtUp();
    h.advance(120);
    expect((await d.tick()).requested).to.equal(0);
    const attempts = (await h.eventsOf('CallRequested')).map((e) => (e.data as { attempt: number }).attempt);
    expect(attempts).to.deep.equal([1, 2]);
  });

  it('waits for the first run that calls to start', async () => {
    await h.launch(campaignId, contacts(2), {
      runs: [{ start: '2026-03-02T17:00:00.000Z', slots: [], channels: ['voice'] }],
    });
    await h.caughtUp();
    expect((await h.dispatcher().tick()).requested).to.equal(0);
    h.clock.current = new Date('2026-03-02T17:00:00.000Z');
    expect((await h.dispatcher().tick()).requested).to.equal(2);
  });

  it('never calls for a messaging-only campaign', async () => {
    await h.launch(campaignId, contacts(2), {
      type: 'messaging',
      runs: [{ start: '2026-03-02T14:00:00.000Z', slots: [], channels: ['sms'] }],
    });
    await h.caughtUp();
    expect((await h.dispatcher().tick()).requested).to.equal(0);
  });
});
