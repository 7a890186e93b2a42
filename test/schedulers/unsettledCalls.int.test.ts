import { expect } from 'chai';
import { LONGEST_CALL_MS } from '../../schedulers/dispatch/longestCall.ts';
import { dispatchHarness, contacts, type DispatchHarness } from './dispatchHarness.ts';

const campaignId = '01900000-0000-7000-8000-000000000321';
const longestCallMinutes = LONGEST_CALL_MS / 60_000;

describe('dispatcher: settling placed calls whose final report never came', () => {
  let h: DispatchHarness;
  beforeEach(async () => {
    h = dispatchHarness();
    await h.start();
    await h.launch(campaignId, contacts(1));
    await h.caughtUp();
  });
  afterEach(() => h.dispose());

  /** Given a call the carrier took and whose reports were all lost, when the longest call has passed... */
  const placedThenSilent = async () => {
    const d = h.dispatcher({ settleUnsettledEveryMs: 60_000 });
    expect((await d.tick()).requested).to.equal(1);
    await h.caughtUp();
    return { d, callId: h.telephony.placed[0]!.callId };
  };

  it('asks the carrier only once no call could still be going on, and records what it says', async () => {
    const { d, callId } = await placedThenSilent();
    h.telephony.finish(callId, 'busy');
    h.advance(longestCallMinutes - 1);
    expect((await d.tick()).settled).to.equal(0);
    expect(await h.eventsOf('CallCompleted')).to.have.length(0);
    h.advance(2);
    expect((await d.tick()).settled).to.equal(1);
    const [completed] = await h.eventsOf('CallCompleted');
    expect(completed!.data).to.deep.include({ callId, progress: 'busy', outcome: 'busy' });
    const [ended] = await h.eventsOf('CallAttemptEnded');
    expect(ended!.data).to.deep.include({ callId, outcome: 'busy', attempt: 1 });
    await h.caughtUp();
    // Settled calls are not asked about again.
    h.advance(5);
    expect((await d.tick()).settled).to.equal(0);
  });

  it('settles a call the carrier does not know as failed, and the retry policy calls the contact again', async () => {
    const { d, callId } = await placedThenSilent();
    h.telephony.forget(callId);
    h.advance(longestCallMinutes + 1);
    expect((await d.tick()).settled).to.equal(1);
    const [completed] = await h.eventsOf('CallCompleted');
    expect(completed!.data).to.deep.include({ callId, progress: 'failed', outcome: 'failed' });
    const scheduled = await h.eventsOf('NextAttemptScheduled');
    expect(scheduled).to.have.length(1);
    await h.caughtUp();
    h.advance(31);
    expect((await d.tick()).requested).to.equal(1);
    expect(h.telephony.placed).to.have.length(2);
    expect(h.telephony.placed[1]!.callId).to.not.equal(callId);
  });

  it('leaves a call the carrier still has in progress, and a call already settled, alone', async () => {
    const { d, callId } = await placedThenSilent();
    const seen: string[] = [];
    const watching = h.dispatcher({
      settleUnsettledEveryMs: 60_000,
      onError: (error, what) => void seen.push(`${what}: ${String(error)}`),
    });
    h.telephony.finish(callId, 'in-progress');
    h.advance(longestCallMinutes + 1);
    expect((await watching.tick()).settled).to.equal(0);
    expect(await h.eventsOf('CallCompleted')).to.have.length(0);
    expect(seen.join('\n')).to.match(/still in_progress at the carrier/);
    h.telephony.finish(callId, 'completed');
    h.advance(1);
    expect((await d.tick()).settled).to.equal(1);
    await h.caughtUp();
    h.advance(1);
    expect((await d.tick()).settled).to.equal(0);
    expect(await h.eventsOf('CallCompleted')).to.have.length(1);
  });

  it('looks on its first tick, then no more often than it is told', async () => {
    const { callId } = await placedThenSilent();
    h.telephony.finish(callId, 'in-progress');
    h.advance(longestCallMinutes + 1);
    const d = h.dispatcher({ settleUnsettledEveryMs: 10 * 60_000, onError: () => {} });
    expect((await d.tick()).settled).to.equal(0);
    h.telephony.finish(callId, 'no-answer');
    h.advance(9);
    expect((await d.tick()).settled).to.equal(0);
    h.advance(1);
    expect((await d.tick()).settled).to.equal(1);
  });
});
