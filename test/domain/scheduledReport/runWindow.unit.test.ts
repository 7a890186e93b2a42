import { expect } from 'chai';
import { runWindow } from '../../../domain/scheduledReport/runWindow.ts';

describe('A scheduled run reports on the whole periods before its local date', () => {
  const zone = 'America/New_York';

  it('last 1 months on Dec 1 is the previous calendar month, from local midnight to local midnight', () => {
    expect(runWindow({ last: 1, unit: 'months' }, zone, new Date('2026-12-01T13:00:00Z'))).to.deep.equal({
      from: '2026-11-01T04:00:00.000Z',
      until: '2026-12-01T05:00:00.000Z',
    });
  });

  it('last 1 days is yesterday, 23 hours long across the spring-forward night', () => {
    expect(runWindow({ last: 1, unit: 'days' }, zone, new Date('2026-03-09T12:00:00Z'))).to.deep.equal({
      from: '2026-03-08T05:00:00.000Z',
      until: '2026-03-09T04:00:00.000Z',
    });
  });

  it('last 2 weeks is the fourteen days before the run', () => {
    expect(runWindow({ last: 2, unit: 'weeks' }, 'UTC', new Date('2026-12-15T08:00:00Z'))).to.deep.equal({
      from: '2026-12-01T00:00:00.000Z',
      until: '2026-12-15T00:00:00.000Z',
    });
  });

  it('without a window, every row', () => {
    expect(runWindow(undefined, zone, new Date('2026-12-15T08:00:00Z'))).to.deep.equal({});
  });
});
