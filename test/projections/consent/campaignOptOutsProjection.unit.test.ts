import { campaignOptOutsProjection, REOPENINGS_KEPT } from '../../../projections/consent/campaignOptOutsProjection.ts';
import { projectionSpecification } from '../../support/projectionSpecification.ts';
import { optedIn, optedOut, phone } from '../outreachEvents.ts';

const spec = projectionSpecification(campaignOptOutsProjection);
const t1 = '2026-03-02T16:00:00.000Z';
const t2 = '2026-03-03T10:00:00.000Z';
const heard = {
  campaignId: 'campaign-1',
  contactId: 'contact-1',
  messageId: 'm-1',
  keyword: 'STOP',
  matched: 'en.stop: STOP',
  excerpt: 'STOP please',
};
const row = {
  _id: 'e1',
  companyId: 'company-1',
  campaignId: 'campaign-1',
  contactId: 'contact-1',
  address: phone,
  addressKind: 'phone',
  channel: 'all',
  source: 'sms_keyword',
  at: t1,
  keyword: 'STOP',
  matched: 'en.stop: STOP',
  excerpt: 'STOP please',
  callId: null,
  messageId: 'm-1',
};
const reopening = (at: string) => ({
  at,
  channel: 'sms',
  source: 'admin',
  by: 'admin@example.com',
  reason: 'asked',
  keyword: null,
});

describe('campaign opt-outs read model', () => {
  it('given no opt-out, when one is heard in a campaign, then a row per opt-out with the words that asked', () =>
    spec
      .given([])
      .when([optedOut(phone, 'all', t1, heard)])
      .then({ campaign_opt_outs: [row], consent_reopenings: [] }));

  it('given an opt-out, when the same address opts out again in the campaign, then each opt-out is its own row', () =>
    spec
      .given([optedOut(phone, 'all', t1, heard)])
      .when([optedOut(phone, 'voice', t2, { campaignId: 'campaign-1', callId: 'call-1', source: 'agent_reported' })])
      .then({
        campaign_opt_outs: [
          row,
          {
            ...row,
            _id: 'e2',
            contactId: null,
            channel: 'voice',
            source: 'agent_reported',
            at: t2,
            keyword: null,
            matched: null,
            excerpt: null,
            callId: 'call-1',
            messageId: null,
          },
        ],
      }));

  it('given no campaign, when an opt-out is heard outside any campaign, then no row', () =>
    spec
      .given([])
      .when([optedOut(phone, 'all', t1)])
      .then({ campaign_opt_outs: [] }));

  it('given an opt-out, when the address is reopened twice, then its reopenings are kept in order, by whom and why', () =>
    spec
      .given([optedOut(phone, 'all', t1, heard)])
      .when([
        optedIn(phone, 'sms', t1, { source: 'admin', reopenedBy: 'admin@example.com', reason: 'asked' }),
        optedIn(phone, 'sms', t2, { source: 'admin', reopenedBy: 'admin@example.com', reason: 'asked' }),
      ])
      .then({
        consent_reopenings: [
          {
            _id: `company-1.${phone}`,
            companyId: 'company-1',
            address: phone,
            reopenings: [reopening(t1), reopening(t2)],
          },
        ],
      }));

  it(`given ${REOPENINGS_KEPT} reopenings, when one more comes, then the oldest is forgotten`, () => {
    const at = (i: number) => new Date(Date.parse(t1) + i * 60_000).toISOString();
    const many = Array.from({ length: REOPENINGS_KEPT }, (_, i) =>
      optedIn(phone, 'sms', at(i), { source: 'admin', reopenedBy: 'admin@example.com', reason: 'asked' }),
    );
    return spec
      .given(many)
      .when([
        optedIn(phone, 'sms', at(REOPENINGS_KEPT), {
          source: 'admin',
          reopenedBy: 'admin@example.com',
          reason: 'asked',
        }),
      ])
      .thenDocument('consent_reopenings', `company-1.${phone}`, {
        reopenings: Array.from({ length: REOPENINGS_KEPT }, (_, i) => reopening(at(i + 1))),
      });
  });
});
