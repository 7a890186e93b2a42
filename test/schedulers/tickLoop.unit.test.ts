import { expect } from 'chai';
import { virtualClock } from '../../adapters/clock/virtualClock.ts';
import { tickLoop } from '../../schedulers/tickLoop.ts';

describe('tick loop', () => {
  it('ticks every interval on its clock, carries on after a failure, and stops', async () => {
    const clock = virtualClock(new Date('2026-12-07T14:00:00Z'));
    const ticks: number[] = [];
    const failures: unknown[] = [];
    const loop = tickLoop({
      clock,
      intervalMs: 1000,
      tick: async () => {
        ticks.push(clock.now().getTime());
        if (ticks.length === 2) throw new Error('boom');
      },
      onError: (error) => failures.push(error),
    });
    loop.start();
    loop.start();
    await clock.advance(3500);
    expect(ticks.map((t) => t - Date.parse('2026-12-07T14:00:00Z'))).to.deep.equal([1000, 2000, 3000]);
    expect(failures).to.have.length(1);
    await loop.stop();
    await clock.advance(5000);
    expect(ticks).to.have.length(3);
  });
});
