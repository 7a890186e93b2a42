import { expect } from 'chai';
import { virtualClock } from '../../../adapters/clock/virtualClock.ts';
import type { OutreachLogLine } from '../../../http/outreachWatch/outreachLogLine.ts';
import { windowWaits } from '../../../http/outreachWatch/windowWaits.ts';

const tomorrow = '2026-12-02T14:00:00.000Z';
const later = '2026-12-02T15:00:00.000Z';

describe('waits for the calling window', () => {
  const given = () => {
    const clock = virtualClock(new Date('2026-12-02T04:00:00.000Z'));
    const lines: OutreachLogLine[] = [];
    const waits = windowWaits({ clock, log: (line) => lines.push(line), settleMs: 2_000, maxWaitMs: 60_000 });
    const told = () => lines.map((line) => line.message);
    return { clock, waits, lines, told };
  };

  it('given refusals tick after tick while the queue is worked through, when they stop, then one line tells the opening and every contact', async () => {
    const { clock, waits, lines, told } = given();
    for (let tick = 0; tick < 5; tick++) {
      for (let contact = 0; contact < 4; contact++) waits.refused('company-1', 'campaign-1', tomorrow);
      await clock.advance(1_000);
    }
    expect(told()).to.deep.equal([]);
    await clock.advance(2_000);
    expect(told()).to.deep.equal([`next window opens at ${tomorrow} for 20 contacts`]);
    expect(lines[0]?.fields).to.deep.equal({
      companyId: 'company-1',
      campaignId: 'campaign-1',
      opensAt: tomorrow,
      contacts: 20,
    });
    await clock.advance(3_600_000);
    expect(told()).to.have.length(1);
  });

  it('given a queue longer than the longest wait, then progress is told once a minute at most, and the final count when refusals stop', async () => {
    const { clock, waits, told } = given();
    for (let tick = 0; tick < 90; tick++) {
      waits.refused('company-1', 'campaign-1', tomorrow);
      await clock.advance(1_000);
    }
    await clock.advance(5_000);
    expect(told()).to.deep.equal([
      `next window opens at ${tomorrow} for 60 contacts`,
      `next window opens at ${tomorrow} for 90 contacts`,
    ]);
  });

  it('given contacts of two zones and two campaigns, then each campaign tells each of its openings once', async () => {
    const { clock, waits, told } = given();
    waits.refused('company-1', 'campaign-1', later);
    waits.refused('company-1', 'campaign-1', tomorrow);
    waits.refused('company-1', 'campaign-1', tomorrow);
    waits.refused('company-2', 'campaign-2', tomorrow);
    await clock.advance(10_000);
    expect(told()).to.have.members([
      `next window opens at ${tomorrow} for 2 contacts`,
      `next window opens at ${later} for 1 contacts`,
      `next window opens at ${tomorrow} for 1 contacts`,
    ]);
  });

  it('given the opening passed, then a new refusal to the next opening is a new line counted from one', async () => {
    const { clock, waits, told } = given();
    waits.refused('company-1', 'campaign-1', tomorrow);
    await clock.advanceTo(new Date('2026-12-03T04:00:00.000Z'));
    waits.refused('company-1', 'campaign-1', '2026-12-03T14:00:00.000Z');
    await clock.advance(10_000);
    expect(told()).to.deep.equal([
      `next window opens at ${tomorrow} for 1 contacts`,
      'next window opens at 2026-12-03T14:00:00.000Z for 1 contacts',
    ]);
  });

  it('given the campaign ended before the refusals settled, then nothing is told and no timer is left', async () => {
    const { clock, waits, told } = given();
    waits.refused('company-1', 'campaign-1', tomorrow);
    waits.ended('campaign-1');
    await clock.advance(10_000);
    expect(told()).to.deep.equal([]);
    expect(clock.pending()).to.equal(0);
  });
});
