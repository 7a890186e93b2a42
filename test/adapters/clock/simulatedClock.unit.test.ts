import { expect } from 'chai';
import { simulatedClock } from '../../../adapters/clock/simulatedClock.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('simulated clock', () => {
  it('starts at the chosen instant whatever the real time, and runs speed times faster than it', () => {
    let real = Date.parse('2026-12-07T03:00:00Z');
    const clock = simulatedClock({
      start: new Date('2027-01-11T17:00:00Z'),
      speed: 60,
      onError: () => {},
      realNow: () => real,
    });
    expect(clock.now().toISOString()).to.equal('2027-01-11T17:00:00.000Z');
    real += 1000;
    expect(clock.now().toISOString()).to.equal('2027-01-11T17:01:00.000Z');
    real += 59_000;
    expect(clock.now().toISOString()).to.equal('2027-01-11T18:00:00.000Z');
  });

  it('runs a task once its simulated delay has passed at that speed, never a cancelled one', async () => {
    const clock = simulatedClock({ start: new Date('2027-01-11T17:00:00Z'), speed: 1000, onError: () => {} });
    const ran: string[] = [];
    const started = Date.now();
    clock.after(
      30_000,
      () => void ran.push(`half a minute, after ${Date.now() - started >= 25 ? 'its real share' : 'too little'}`),
    );
    clock.after(60_000, () => void ran.push('cancelled')).cancel();
    await sleep(10);
    expect(ran).to.deep.equal([]);
    await sleep(80);
    expect(ran).to.deep.equal(['half a minute, after its real share']);
    expect(clock.now().getTime() - Date.parse('2027-01-11T17:00:00Z')).to.be.within(80_000, 200_000);
  });

  it('refuses to run slower than real time', () => {
    expect(() => simulatedClock({ start: new Date(), speed: 0.5, onError: () => {} })).to.throw(
      RangeError,
      'speed 1 or more',
    );
  });
});
