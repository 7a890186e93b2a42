import { expect } from 'chai';
import { campaignSeries } from '../../../http/outreachWatch/campaignSeries.ts';

const hour = 3_600_000;

describe('campaign metric series', () => {
  it('given more campaigns than the cap, then the later ones share `other` of their company', () => {
    const series = campaignSeries({ cap: 2, graceMs: hour });
    expect(series.labels('co-1', 'a', 0)).to.deep.equal({ company: 'co-1', campaign: 'a' });
    expect(series.labels('co-1', 'b', 0)).to.deep.equal({ company: 'co-1', campaign: 'b' });
    expect(series.labels('co-2', 'c', 0)).to.deep.equal({ company: 'co-2', campaign: 'other' });
    expect(series.labels('co-1', 'a', 10)).to.deep.equal({ company: 'co-1', campaign: 'a' });
    expect(series.labels('co-1', undefined, 10)).to.deep.equal({ company: 'co-1', campaign: 'none' });
  });

  it('given a campaign not seen for longer than the grace, then its series are released and its place goes to the next campaign', () => {
    const series = campaignSeries({ cap: 2, graceMs: hour });
    series.labels('co-1', 'a', 0);
    series.labels('co-1', 'b', 0);
    series.labels('co-1', 'b', 2 * hour);
    expect(series.released(hour)).to.deep.equal([]);
    expect(series.labels('co-1', 'c', 2 * hour)).to.deep.equal({ company: 'co-1', campaign: 'c' });
    expect(series.released(2 * hour)).to.deep.equal([{ companyId: 'co-1', campaignId: 'a' }]);
    expect(series.released(3 * hour)).to.deep.equal([]);
    expect(series.released(4 * hour)).to.deep.equal([
      { companyId: 'co-1', campaignId: 'b' },
      { companyId: 'co-1', campaignId: 'c' },
    ]);
  });
});
