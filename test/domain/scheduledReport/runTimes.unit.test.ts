import { expect } from 'chai';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  latestRunAtOrBefore,
  nextRunAfter,
  runOwed,
  type RunTiming,
} from '../../../domain/scheduledReport/runTimes.ts';
import type { Weekday } from '../../../domain/values.ts';

const newYork = (frequency: RunTiming['frequency'], time: string, extra: Partial<RunTiming> = {}): RunTiming => ({
  frequency,
  time,
  timezone: 'America/New_York',
  ...extra,
});
const at = (iso: string) => new Date(iso);

const zones = [
  'America/New_York',
  'America/Los_Angeles',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'America/Havana',
  'America/Santiago',
  'Pacific/Chatham',
  'UTC',
];
const weekdays: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const twoDigits = (n: number) => String(n).padStart(2, '0');

const timing = fc.record({
  frequency: fc.constantFrom<RunTiming['frequency']>('daily', 'weekly', 'monthly'),
  time: fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45, 59))
    .map(([h, m]) => `${twoDigits(h)}:${twoDigits(m)}`),
  timezone: fc.constantFrom(...zones),
  dayOfWeek: fc.constantFrom(...weekdays),
  dayOfMonth: fc.integer({ min: 1, max: 28 }),
});
const instant = fc
  .integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2030-12-31T00:00:00Z') })
  .map((ms) => new Date(ms));

/** Every run from `from` for `days` days, one after another. */
const runsFrom = (t: RunTiming, from: Date, count: number) => {
  const runs = [nextRunAfter(t, from)];
  while (runs.length < count) runs.push(nextRunAfter(t, runs[runs.length - 1]!.at));
  return runs;
};

describe('Scheduled report run times', () => {
  describe('given a schedule at a local time', () => {
    it('a daily 07:00 New York report runs at 12:00Z in winter and 11:00Z in summer', () => {
      expect(nextRunAfter(newYork('daily', '07:00'), at('2026-01-10T13:00:00Z'))).to.deep.equal({
        period: '2026-01-11',
        at: at('2026-01-11T12:00:00Z'),
      });
      expect(nextRunAfter(newYork('daily', '07:00'), at('2026-07-10T10:59:00Z'))).to.deep.equal({
        period: '2026-07-10',
        at: at('2026-07-10T11:00:00Z'),
      });
    });

    it('a weekly report runs on its weekday, a monthly one on its day of the month', () => {
      expect(
        nextRunAfter(newYork('weekly', '08:00', { dayOfWeek: 'mon' }), at('2026-12-02T00:00:00Z')).period,
      ).to.equal('2026-12-07');
      expect(nextRunAfter(newYork('monthly', '08:00', { dayOfMonth: 1 }), at('2026-12-02T00:00:00Z')).period).to.equal(
        '2027-01-01',
      );
      expect(nextRunAfter(newYork('monthly', '08:00', { dayOfMonth: 28 }), at('2027-01-29T00:00:00Z')).period).to.equal(
        '2027-02-28',
      );
    });
  });

  describe('when the clocks change', () => {
    it('a 02:30 run on the spring-forward day runs once, at 03:00 local, the first instant after the gap', () => {
      const runs = runsFrom(newYork('daily', '02:30'), at('2026-03-07T00:00:00Z'), 3);
      expect(runs.map((r) => r.period)).to.deep.equal(['2026-03-07', '2026-03-08', '2026-03-09']);
      expect(runs[1]!.at).to.deep.equal(at('2026-03-08T07:00:00Z'));
      expect(runs[2]!.at).to.deep.equal(at('2026-03-09T06:30:00Z'));
    });

    it('a 01:30 run on the fall-back day runs once, at the first of the two 01:30s', () => {
      const runs = runsFrom(newYork('daily', '01:30'), at('2026-10-31T00:00:00Z'), 3);
      expect(runs.map((r) => r.period)).to.deep.equal(['2026-10-31', '2026-11-01', '2026-11-02']);
      expect(runs[1]!.at).to.deep.equal(at('2026-11-01T05:30:00Z'));
    });
  });

  describe('after downtime', () => {
    it('only the latest missed run is owed, however many periods were missed', () => {
      const daily = newYork('daily', '07:00');
      expect(runOwed(daily, at('2026-12-01T12:00:00Z'), at('2026-12-04T15:00:00Z'))).to.deep.equal({
        period: '2026-12-04',
        at: at('2026-12-04T12:00:00Z'),
      });
      expect(runOwed(daily, at('2026-12-04T12:00:00Z'), at('2026-12-04T15:00:00Z'))).to.equal(undefined);
    });
  });

  describe('properties', () => {
    it('runs strictly follow one another, one per local date, each on a date its frequency names, at its local time unless the clocks skip it', () => {
      fc.assert(
        fc.property(timing, instant, (t, from) => {
          const runs = runsFrom(t, from, 8);
          let previous = from;
          const periods = new Set<string>();
          for (const run of runs) {
            expect(run.at.getTime()).to.be.greaterThan(previous.getTime());
            previous = run.at;
            expect(periods.has(run.period), `period ${run.period} twice`).to.equal(false);
            periods.add(run.period);
            const local = DateTime.fromJSDate(run.at, { zone: t.timezone });
            expect(local.toISODate()).to.equal(run.period);
            if (t.frequency === 'weekly') expect(weekdays[local.weekday - 1]).to.equal(t.dayOfWeek);
            if (t.frequency === 'monthly') expect(local.day).to.equal(t.dayOfMonth);
            const wanted = Number(t.time.slice(0, 2)) * 60 + Number(t.time.slice(3));
            const got = local.hour * 60 + local.minute;
            // A skipped local time runs at the end of the gap: the clocks changed the minute before it.
            if (got !== wanted) expect(local.minus({ minutes: 1 }).offset).to.not.equal(local.offset);
          }
        }),
        { numRuns: 150 },
      );
    });

    it('no run is skipped: the next run after an instant is never later than the next run after a later instant', () => {
      fc.assert(
        fc.property(timing, instant, fc.integer({ min: 1, max: 40 * 86_400_000 }), (t, from, gap) => {
          const first = nextRunAfter(t, from);
          const later = new Date(from.getTime() + gap);
          if (first.at.getTime() > later.getTime()) expect(nextRunAfter(t, later)).to.deep.equal(first);
        }),
        { numRuns: 150 },
      );
    });

    it('the run owed after any downtime is the latest one due, and none is owed again once it is claimed', () => {
      fc.assert(
        fc.property(timing, instant, fc.integer({ min: 0, max: 70 * 86_400_000 }), (t, since, downtime) => {
          const now = new Date(since.getTime() + downtime);
          const owed = runOwed(t, since, now);
          const due = [];
          for (let run = nextRunAfter(t, since); run.at.getTime() <= now.getTime(); run = nextRunAfter(t, run.at))
            due.push(run);
          if (due.length === 0) expect(owed).to.equal(undefined);
          else {
            expect(owed).to.deep.equal(due[due.length - 1]);
            expect(runOwed(t, owed!.at, now)).to.equal(undefined);
            expect(latestRunAtOrBefore(t, now)).to.deep.equal(owed);
          }
        }),
        { numRuns: 100 },
      );
    });
  });
});
