import { expect } from 'chai';
import { dispatchHarness, contacts, type DispatchHarness } from '../../schedulers/dispatchHarness.ts';
import { dispatchReads } from '../../../schedulers/dispatch/dispatchReads.ts';
import type { DispatchCampaign } from '../../../projections/outreach/dispatchCampaignsProjection.ts';

const active = '01900000-0000-7000-8000-000000000501';
const paused = '01900000-0000-7000-8000-000000000502';
const completed = '01900000-0000-7000-8000-000000000503';

describe('due queue', () => {
  let h: DispatchHarness;
  beforeEach(async () => {
    h = dispatchHarness();
    await h.start();
  });
  afterEach(() => h.dispose());

  it('picks the earliest due contacts of active campaigns only, a batch at a time', async () => {
    await h.launch(active, contacts(6));
    await h.launch(paused, contacts(3, 'p'));
    await h.launch(completed, contacts(3, 'c'));
    await h.lifecycle(paused, 'CampaignPaused');
    await h.lifecycle(completed, 'CampaignCompleted');
    const later = (contactId: string, minutes: number) =>
      h.append(`enrollment-${active}.${contactId}`, [
        {
          type: 'NextAttemptScheduled',
          data: {
            campaignId: active,
            contactId,
            at: new Date(h.clock.current.getTime() + minutes * 60_000).toISOString(),
            reason: 'test',
          },
        },
      ]);
    await later('contact-0', 30);
    await later('contact-1', -20);
    await later('contact-2', -10);
    await h.append(`enrollment-${active}.contact-3`, [
      {
        type: 'ContactMarkedCompleted',
        data: { campaignId: active, contactId: 'contact-3', at: h.clock.current.toISOString() },
      },
    ]);
    await h.caughtUp();

    const reads = dispatchReads(h.stores.readStore);
    const campaigns = await reads.activeCampaigns();
    expect(campaigns.map((c) => c.campaignId)).to.deep.equal([active]);
    const campaign = campaigns[0] as DispatchCampaign;
    const first = await reads.dueContacts(campaign, h.clock.current, 3);
    expect(first.items.map((c) => c.contactId)).to.deep.equal(['contact-1', 'contact-2', 'contact-4']);
    expect(first.items[0]).to.deep.include({
      revision: 0,
      phone: '+13125550001',
      timezone: 'America/Chicago',
      state: 'IL',
    });
    const rest = await reads.dueContacts(campaign, h.clock.current, 3, first.next!);
    expect(rest.items.map((c) => c.contactId)).to.deep.equal(['contact-5']);
    h.advance(30);
    expect((await reads.dueContacts(campaign, h.clock.current, 10)).items.map((c) => c.contactId)).to.include(
      'contact-0',
    );
  });

  it('keeps a draft out of the dispatch read model altogether', async () => {
    await h.append(`campaign-${paused}`, [
      {
        type: 'CampaignDraftStarted',
        data: { campaignId: paused, companyId: 'x', name: 'Draft', createdAt: h.clock.current.toISOString() },
      },
    ]);
    await h.caughtUp();
    expect(await dispatchReads(h.stores.readStore).campaign(paused)).to.equal(null);
  });
});
