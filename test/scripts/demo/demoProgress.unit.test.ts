import { expect } from 'chai';
import { etaText, localTime } from '../../../scripts/demo/demoProgress.ts';

const DAY = 86_400_000;

describe("the demo's progress", () => {
  it('shows the simulated time as the firm reads it, with the weekday, the date and the zone', () => {
    expect(localTime('America/Chicago')(new Date('2026-12-07T14:00:00.000Z'))).to.equal('Mon 7 Dec 2026 08:00 CST');
    expect(localTime('America/New_York')('2026-07-04T16:30:00.000Z')).to.equal('Sat 4 Jul 2026 12:30 EDT');
  });

  it('given too little done or too little wall time to know a rate, then the ETA says it is estimating', () => {
    expect(etaText({ done: 0, enrolled: 500, simulatedMs: 60_000, limitMs: 14 * DAY, wallMs: 300 })).to.equal(
      'estimating',
    );
    expect(etaText({ done: 0, enrolled: 500, simulatedMs: 3 * 60_000, limitMs: 14 * DAY, wallMs: 5000 })).to.equal(
      'estimating',
    );
    expect(etaText({ done: 100, enrolled: 500, simulatedMs: DAY, limitMs: 14 * DAY, wallMs: 1000 })).to.equal(
      'estimating',
    );
  });

  it("given a rate, then the ETA is the wall time the contacts left take at it, never past the --days limit at the clock's pace", () => {
    // A fifth done in 10 s: 40 s more for the rest, while 13 simulated days at 10 s a day would take 130 s.
    expect(etaText({ done: 100, enrolled: 500, simulatedMs: DAY, limitMs: 14 * DAY, wallMs: 10_000 })).to.equal('40s');
    // A contact done in 10 s: 4,990 s for the rest, but the demo stops at the limit, 12 days away at 5 s a day.
    expect(etaText({ done: 1, enrolled: 500, simulatedMs: 2 * DAY, limitMs: 14 * DAY, wallMs: 10_000 })).to.equal(
      '1m 00s',
    );
    expect(etaText({ done: 500, enrolled: 500, simulatedMs: 3 * DAY, limitMs: 14 * DAY, wallMs: 10_000 })).to.equal(
      '0s',
    );
  });
});
