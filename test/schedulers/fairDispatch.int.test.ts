import { expect } from 'chai';
import { dispatchHarness, contacts, callerNumber, type DispatchHarness } from './dispatchHarness.ts';

const otherCompany = '01900000-0000-7000-8000-0000000000c2';
const otherAgent = '01900000-0000-7000-8000-0000000000b2';
const otherNumber = '+15557650002';
const first = '01900000-0000-7000-8000-000000000101';
const second = '01900000-0000-7000-8000-000000000102';
const third = '01900000-0000-7000-8000-000000000103';
const oneSecond = 1 / 60;

describe('dispatcher sharing the carrier allowance', () => {
  let h: DispatchHarness;
  beforeEach(async () => {
    h = dispatchHarness();
    await h.start();
    await h.addCompany(otherCompany, otherAgent, otherNumber);
  });
  afterEach(() => h.dispose());

  /** Ticks a second apart; the company (by its caller number) of each call placed. */
  const callersOver = async (ticks: number) => {
    const d = h.dispatcher({ carrierCallsPerSecond: 1 });
    for (let i = 0; i < ticks; i++) {
      await d.tick();
      h.advance(oneSecond);
    }
    return h.telephony.placed.map((call) => (call.from === callerNumber ? 'first company' : 'other company'));
  };

  it('gives one call a second to each company in turn, however many contacts the first has due', async () => {
    await h.launch(first, contacts(40), { concurrency: { limit: 50 } });
    await h.launch(second, contacts(40, 'other'), { agentId: otherAgent, concurrency: { limit: 50 } }, otherCompany);
    await h.caughtUp();
    expect(await callersOver(6)).to.deep.equal([
      'first company',
      'other company',
      'first company',
      'other company',
      'first company',
      'other company',
    ]);
  });

  it("shares a company's turns among its campaigns, and a company with two campaigns gets no more than one with one", async () => {
    await h.launch(first, contacts(20), { concurrency: { limit: 50 } });
    await h.launch(second, contacts(20, 'second'), { concurrency: { limit: 50 } });
    await h.launch(third, contacts(20, 'other'), { agentId: otherAgent, concurrency: { limit: 50 } }, otherCompany);
    await h.caughtUp();
    expect(await callersOver(4)).to.deep.equal(['first company', 'other company', 'first company', 'other company']);
    const campaigns = (await h.eventsOf('CallRequested')).map((e) => (e.data as { campaignId: string }).campaignId);
    expect(campaigns).to.deep.equal([first, third, second, third]);
  });

  it('passes a turn the company cannot use to the next company within the same tick', async () => {
    const tuesdays = [{ days: ['tue' as const], start: '09:00', end: '17:00' }];
    await h.launch(first, contacts(20), { concurrency: { limit: 50 } });
    await h.launch(
      second,
      contacts(20, 'other'),
      {
        agentId: otherAgent,
        concurrency: { limit: 50 },
        runs: [{ start: '2026-03-02T14:00:00.000Z', slots: tuesdays, channels: ['voice'] }],
      },
      otherCompany,
    );
    await h.caughtUp();
    expect(await callersOver(4)).to.deep.equal(['first company', 'first company', 'first company', 'first company']);
    expect(await h.eventsOf('NextAttemptScheduled')).to.not.have.length(0);
  });

  it('keeps the campaign limit when a campaign takes several turns in one tick', async () => {
    await h.launch(first, contacts(20), { concurrency: { limit: 3 } });
    await h.launch(second, contacts(20, 'other'), { agentId: otherAgent, concurrency: { limit: 50 } }, otherCompany);
    await h.caughtUp();
    const summary = await h.dispatcher({ carrierCallsPerSecond: 10 }).tick();
    expect(summary.requested).to.equal(10);
    const campaigns = (await h.eventsOf('CallRequested')).map((e) => (e.data as { campaignId: string }).campaignId);
    expect(campaigns.filter((id) => id === first)).to.have.length(3);
    expect(campaigns.filter((id) => id === second)).to.have.length(7);
  });
});
