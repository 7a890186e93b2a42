import { expect } from 'chai';
import {
  dateRangeProblems,
  dateRangeWindow,
  inWindow,
  narrowedWindow,
} from '../../../projections/reports/dateRange.ts';

describe('the date range of a report', () => {
  it('reads days in the given zone, the last day included, across a clock change', () => {
    // New York springs forward on 2026-03-08: that day has 23 hours.
    expect(
      dateRangeWindow({ from: '2026-03-08', to: '2026-03-08', timezone: 'America/New_York' }, 'UTC'),
    ).to.deep.equal({
      from: '2026-03-08T05:00:00.000Z',
      until: '2026-03-09T04:00:00.000Z',
    });
  });

  it('reads days in the default zone when none is named, and leaves an end not given open', () => {
    expect(dateRangeWindow({ from: '2026-03-01' }, 'America/Chicago')).to.deep.equal({
      from: '2026-03-01T06:00:00.000Z',
    });
    expect(dateRangeWindow({ to: '2026-03-01' }, 'UTC')).to.deep.equal({ until: '2026-03-02T00:00:00.000Z' });
  });

  it('takes ISO times as instants; one without an offset is read in the zone', () => {
    expect(
      dateRangeWindow({ from: '2026-03-01T10:30:00+01:00', to: '2026-03-01T12:00', timezone: 'Europe/Paris' }, 'UTC'),
    ).to.deep.equal({
      from: '2026-03-01T09:30:00.000Z',
      until: '2026-03-01T11:00:00.000Z',
    });
  });

  it('names every bad parameter', () => {
    expect(
      dateRangeProblems({ from: '2026-02-30', to: '03/01/2026', timezone: 'Central' }).map((p) => p.path),
    ).to.deep.equal(['timezone', 'from', 'to']);
    expect(dateRangeProblems({ from: '2026-03-02', to: '2026-03-01' })).to.deep.equal([
      { path: 'to', message: 'expected a range that ends after it starts' },
    ]);
    expect(dateRangeProblems({ from: '2026-03-01', to: '2026-03-01', timezone: 'Asia/Tokyo' })).to.deep.equal([]);
  });

  it('narrows one window by another, and tells whether an instant is inside', () => {
    const a = { from: '2026-03-01T00:00:00.000Z', until: '2026-03-10T00:00:00.000Z' };
    const b = { from: '2026-03-05T00:00:00.000Z' };
    expect(narrowedWindow(a, b)).to.deep.equal({ from: '2026-03-05T00:00:00.000Z', until: '2026-03-10T00:00:00.000Z' });
    expect(narrowedWindow(undefined, b)).to.equal(b);
    expect(inWindow(a, '2026-03-10T00:00:00.000Z')).to.equal(false);
    expect(inWindow(a, '2026-03-01T00:00:00.000Z')).to.equal(true);
  });
});
