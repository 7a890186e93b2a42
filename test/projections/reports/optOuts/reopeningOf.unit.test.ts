import { expect } from 'chai';
import type { CampaignOptOutDoc, Reopening } from '../../../../projections/consent/campaignOptOutsProjection.ts';
import { reopeningOf } from '../../../../projections/reports/optOuts/optOutsReport.ts';

const optOut = (channel: string, at: string): CampaignOptOutDoc => ({
  _id: 'e-1',
  companyId: 'co-1',
  campaignId: 'camp-1',
  contactId: 'k-1',
  address: '+13125550100',
  addressKind: 'phone',
  channel,
  source: 'sms_keyword',
  at,
  keyword: 'STOP',
  matched: null,
  excerpt: 'STOP',
  callId: null,
  messageId: null,
});
const reopen = (channel: string, at: string, by: string | null = 'key-1'): Reopening => ({
  at,
  channel,
  source: by ? 'admin' : 'sms_keyword',
  by,
  reason: by ? 'asked' : null,
  keyword: by ? null : 'START',
});

describe('the reopening an opt-out row shows', () => {
  it('given reopenings before the opt-out, then none of them is its reopening', () => {
    expect(
      reopeningOf(optOut('all', '2026-12-02T10:00:00.000Z'), [reopen('all', '2026-12-01T10:00:00.000Z')]),
    ).to.equal(null);
  });

  it('given a reopening of a channel the opt-out did not block, then it is not its reopening', () => {
    expect(
      reopeningOf(optOut('sms', '2026-12-02T10:00:00.000Z'), [reopen('voice', '2026-12-03T10:00:00.000Z')]),
    ).to.equal(null);
  });

  it('given several later reopenings, then the first that turned back on a blocked channel is shown', () => {
    const reopenings = [
      reopen('all', '2026-12-01T10:00:00.000Z'),
      reopen('email', '2026-12-03T09:00:00.000Z'),
      reopen('sms', '2026-12-03T10:00:00.000Z', null),
      reopen('voice', '2026-12-04T10:00:00.000Z'),
    ];
    expect(reopeningOf(optOut('all', '2026-12-02T10:00:00.000Z'), reopenings)).to.deep.equal(reopenings[2]);
  });
});
