import { expect } from 'chai';
import { backoffDelay, sleep } from '../../../../adapters/eventstore/esdb/backoff.ts';

describe('EventStoreDB resubscribe backoff', () => {
  const options = { baseDelayMs: 100, maxDelayMs: 1_000 };

  it('doubles from the base delay up to the cap', () => {
    const top = () => 1;
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, options, top))).to.deep.equal([
      100, 200, 400, 800, 1_000, 1_000,
    ]);
  });

  it('jitters only the upper half, so a delay never falls below half its ceiling', () => {
    expect(backoffDelay(3, options, () => 0)).to.equal(200);
    expect(backoffDelay(3, options, () => 0.5)).to.equal(300);
  });

  it('sleeps the given time, or less when the signal aborts', async () => {
    const started = Date.now();
    await sleep(20, new AbortController().signal);
    expect(Date.now() - started).to.be.at.least(15);
    const closing = new AbortController();
    setTimeout(() => closing.abort(), 5);
    const cut = Date.now();
    await sleep(60_000, closing.signal);
    expect(Date.now() - cut).to.be.below(1_000);
  });
});
