import { expect } from 'chai';
import fc from 'fast-check';
import { virtualClock } from '../../../adapters/clock/virtualClock.ts';

const start = new Date('2025-03-09T06:00:00.000Z');

describe('virtual clock', () => {
  it('fires due timers in time order, ties in the order they were set, each at its own instant', async () => {
    const clock = virtualClock(start);
    const fired: [string, number][] = [];
    const at = (name: string) => () => void fired.push([name, clock.now().getTime() - start.getTime()]);
    clock.after(300, at('c'));
    clock.after(100, at('a'));
    clock.after(100, at('b'));
    clock.after(1000, at('late'));

    expect(await clock.advance(500)).to.equal(3);
    expect(fired).to.deep.equal([
      ['a', 100],
      ['b', 100],
      ['c', 300],
    ]);
    expect(clock.now().getTime() - start.getTime()).to.equal(500);
    expect(clock.pending()).to.equal(1);
  });

  it('runs timers set by a firing task when they fall due within the same advance', async () => {
    const clock = virtualClock(start);
    const fired: number[] = [];
    clock.after(10, () => {
      fired.push(clock.now().getTime());
      clock.after(10, () => void fired.push(clock.now().getTime()));
      clock.after(0, () => void fired.push(clock.now().getTime()));
    });
    await clock.advance(25);
    const t0 = start.getTime();
    expect(fired).to.deep.equal([t0 + 10, t0 + 10, t0 + 20]);
  });

  it('awaits each task before the next one runs', async () => {
    const clock = virtualClock(start);
    const log: string[] = [];
    clock.after(1, async () => {
      log.push('first starts');
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push('first ends');
    });
    clock.after(1, () => void log.push('second'));
    await clock.advance(1);
    expect(log).to.deep.equal(['first starts', 'first ends', 'second']);
  });

  it('never fires a cancelled timer, and never moves back', async () => {
    const clock = virtualClock(start);
    let fired = false;
    clock.after(5, () => void (fired = true)).cancel();
    expect(clock.pending()).to.equal(0);
    await clock.advance(10);
    expect(fired).to.equal(false);
    await clock.advanceTo(start);
    expect(clock.now().getTime()).to.equal(start.getTime() + 10);
    expect(() => clock.advance(-1)).to.throw(RangeError);
  });

  it('runUntilIdle stops at the first timer beyond its limit', async () => {
    const clock = virtualClock(start);
    const fired: number[] = [];
    for (const ms of [1_000, 60_000, 3_600_000, 86_400_000]) clock.after(ms, () => void fired.push(ms));
    expect(await clock.runUntilIdle(3_600_000)).to.equal(3);
    expect(fired).to.deep.equal([1_000, 60_000, 3_600_000]);
    expect(clock.pending()).to.equal(1);
  });

  it('fires any set of timers sorted by (due time, order set), whatever order they were set in', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 12_000 }),
        async (delays, horizon) => {
          const clock = virtualClock(start);
          const fired: number[] = [];
          delays.forEach((delay, index) => clock.after(delay, () => void fired.push(index)));
          await clock.advance(horizon);
          const expected = delays
            .map((delay, index) => ({ delay, index }))
            .filter((d) => d.delay <= horizon)
            .sort((a, b) => a.delay - b.delay || a.index - b.index)
            .map((d) => d.index);
          expect(fired).to.deep.equal(expected);
        },
      ),
    );
  });
});
