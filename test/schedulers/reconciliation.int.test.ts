import { expect } from 'chai';
import { dispatchHarness, contacts, type DispatchHarness } from './dispatchHarness.ts';

const campaignId = '01900000-0000-7000-8000-000000000301';

describe('dispatcher: reconciling requests a crash interrupted', () => {
  let h: DispatchHarness;
  beforeEach(async () => {
    h = dispatchHarness();
    await h.start();
  });
  afterEach(() => h.dispose());

  const quiet = () =>
    h.dispatcher({
      reconcileAfterMs: 120_000,
      onError: (error) => {
        if (!String(error).includes('connection reset')) throw error;
      },
    });

  it('releases a request the carrier never heard of, and requests the contact afresh: dialled once in all', async () => {
    await h.launch(campaignId, contacts(1));
    await h.caughtUp();
    h.telephony.failNext('lose_dial');
    await quiet().tick();
    expect(h.telephony.placed).to.have.length(0);
    await h.caughtUp();
    h.advance(1);
    // A restarted dispatcher within the grace period neither redials nor releases.
    expect(await quiet().tick()).to.deep.include({ requested: 0, released: 0 });
    h.advance(2);
    const releasing = await quiet().tick();
    expect(releasing.released).to.equal(1);
    await h.caughtUp();
    // The fresh request may come in the releasing tick itself, once the queue shows the release.
    const after = await quiet().tick();
    expect(releasing.requested + after.requested).to.equal(1);
    expect(h.telephony.placed).to.have.length(1);
    const released = await h.eventsOf('CallRequestReleased');
    expect(released[0]!.data).to.deep.include({ attempt: 1, reason: 'not_at_carrier' });
    const requested = await h.eventsOf('CallRequested');
    expect(requested.map((e) => (e.data as { attempt: number }).attempt)).to.deep.equal([1, 1]);
  });

  it('records a call the carrier did take as placed, from the carrier, without dialling it again', async () => {
    await h.launch(campaignId, contacts(1));
    await h.caughtUp();
    h.telephony.failNext('lose_answer');
    await quiet().tick();
    expect(h.telephony.placed).to.have.length(1);
    expect(await h.eventsOf('CallPlaced')).to.have.length(0);
    h.telephony.finish(h.telephony.placed[0]!.callId, 'no-answer');
    h.advance(3);
    await h.caughtUp();
    expect(await quiet().tick()).to.deep.include({ reconciled: 1, requested: 0 });
    const [placed] = await h.eventsOf('CallPlaced');
    expect(placed!.data).to.deep.include({ carrierCallId: `CA${'1'.padStart(32, '0')}`, reconciled: true });
    const [ended] = await h.eventsOf('CallAttemptEnded');
    expect(ended!.data).to.deep.include({ outcome: 'no_answer', attempt: 1 });
    expect(h.telephony.placed).to.have.length(1);
  });
});
