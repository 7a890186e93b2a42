import { expect } from 'chai';
import fc from 'fast-check';
import {
  FIRST_RETRY_MS,
  LONGEST_RETRY_MS,
  nextAttemptAt,
  RETRY_PERIOD_MS,
  retryDelayMs,
} from '../../../domain/webhook/retrySchedule.ts';

const occurredAt = new Date('2026-03-02T15:00:00.000Z');
const after = (ms: number) => new Date(occurredAt.getTime() + ms);

describe('the webhook retry schedule', () => {
  it('given a draw near 1, then each failure doubles the wait from 30 s, up to an hour', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7, 8, 12].map((failures) => retryDelayMs(failures, 0.999999));
    expect(waits.map((ms) => Math.round(ms / 1000))).to.deep.equal([30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
  });

  it('given any draw, then the wait is a full-jitter draw: at least 0, below the doubled ceiling, proportional to the draw', () =>
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0, max: 1, noNaN: true }), (failures, random) => {
        const ceiling = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** (failures - 1));
        const wait = retryDelayMs(failures, random);
        expect(wait).to.be.at.least(0).and.below(ceiling);
        expect(Math.abs(wait - random * ceiling)).to.be.at.most(1);
      }),
    ));

  it('given two draws, then the same failure waits differently: retries of many senders spread out', () => {
    expect(retryDelayMs(6, 0.2)).to.not.equal(retryDelayMs(6, 0.7));
  });

  it('given a failure within 24 h of the event, then the next attempt comes after the wait, never past the deadline', () => {
    expect(nextAttemptAt(occurredAt, after(60_000), 1, 0.5)).to.deep.equal(after(60_000 + 15_000));
    const nearDeadline = after(RETRY_PERIOD_MS - 10_000);
    expect(nextAttemptAt(occurredAt, nearDeadline, 20, 0.9)).to.deep.equal(after(RETRY_PERIOD_MS));
  });

  it('given a failure at or after 24 h from the event, then it is given up', () => {
    expect(nextAttemptAt(occurredAt, after(RETRY_PERIOD_MS), 30, 0.5)).to.equal(undefined);
    expect(nextAttemptAt(occurredAt, after(RETRY_PERIOD_MS * 3), 1, 0.5)).to.equal(undefined);
  });

  it('given a receiver that never answers, then retries keep coming for at least 24 h and stop at the deadline', () =>
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 400, maxLength: 400 }),
        (draws) => {
          let at = occurredAt;
          let failures = 0;
          for (const draw of draws) {
            failures += 1;
            const next = nextAttemptAt(occurredAt, at, failures, draw);
            if (!next) break;
            expect(next.getTime()).to.be.at.least(at.getTime());
            at = next;
          }
          expect(at.getTime() - occurredAt.getTime()).to.equal(RETRY_PERIOD_MS);
        },
      ),
      { numRuns: 50 },
    ));
});
