import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { complianceRules } from '../../domain/compliance/complianceRules.ts';
import { outreachRig, type OutreachRig } from '../support/outreachRig.ts';
import { launchRigCampaign } from '../support/rigCampaign.ts';

const everyDay = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

describe('the engine dials by the calling-hours rows configuration gives', () => {
  let dir: string;
  let rig: OutreachRig;
  // Tuesday 1 December 2026, 09:00 in Chicago.
  const start = new Date('2026-12-01T15:00:00.000Z');
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'compliance-'));
    // Illinois, as configuration would have it: calls only from 14:00 to 15:00.
    const compliance = complianceRules({
      callingHours: { states: { IL: { hours: { start: '14:00', end: '15:00' } } } },
    });
    rig = await outreachRig({ dir, start, seed: 3, compliance });
  });
  afterEach(async () => {
    await rig.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds an Illinois contact back to the configured opening, and calls then', async () => {
    const slots = [{ days: everyDay, start: '08:00', end: '21:00' }];
    const { campaignId } = await launchRigCampaign(rig.client, {
      contacts: [{ phone: '+13125550100', state: 'IL', timezone: 'America/Chicago' }],
      company: { outboundLines: 2, concurrencyRate: 100 },
      settings: {
        type: 'voice',
        schedule: { mode: 'custom', slots },
        runs: [{ start: start.toISOString(), slots, channels: ['voice'] }],
      },
    });
    await rig.settle();
    for (let i = 0; i < 3; i++) await rig.minute();
    const stream = async () => {
      const events = [];
      for await (const event of rig.eventStore.readAll())
        if (event.stream.startsWith(`enrollment-${campaignId}.`)) events.push(event);
      return events;
    };
    const early = await stream();
    expect(early.map((e) => e.type)).to.not.include('CallRequested');
    const rescheduled = early.find((e) => e.type === 'NextAttemptScheduled');
    expect(rescheduled?.data).to.deep.include({ at: '2026-12-01T20:00:00.000Z' });

    await rig.clock.advance(Date.parse('2026-12-01T20:00:00.000Z') - rig.clock.now().getTime());
    for (let i = 0; i < 2; i++) await rig.minute();
    const requested = (await stream()).filter((e) => e.type === 'CallRequested');
    expect(requested).to.have.length(1);
    expect(Date.parse((requested[0]!.data as { requestedAt: string }).requestedAt)).to.be.within(
      Date.parse('2026-12-01T20:00:00.000Z'),
      Date.parse('2026-12-01T21:00:00.000Z'),
    );
  });
});
