import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { complianceRules } from '../../domain/compliance/complianceRules.ts';
import { outreachRig, type OutreachRig } from '../support/outreachRig.ts';
import { launchRigCampaign } from '../support/rigCampaign.ts';

const everyDay = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

describe('one configured federal window, 09:00-20:00, for the API and the dispatcher alike', () => {
  let dir: string;
  let rig: OutreachRig;
  // Monday 7 December 2026, 09:30 in New York and 08:30 in Des Moines.
  const start = new Date('2026-12-07T14:30:00.000Z');
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'federal-hours-'));
    rig = await outreachRig({
      dir,
      start,
      seed: 7,
      compliance: complianceRules({ callingHours: { federal: { start: '09:00', end: '20:00' } } }),
    });
  });
  afterEach(async () => {
    await rig.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const enrollmentEvents = async (campaignId: string) => {
    const events: { type: string; data: Record<string, unknown> }[] = [];
    for await (const event of rig.eventStore.readAll())
      if (event.stream.startsWith(`enrollment-${campaignId}.`))
        events.push({ type: event.type, data: event.data as Record<string, unknown> });
    return events;
  };

  it('given a New Yorker with an Iowa phone, when it is 08:30 in Iowa, then no call is requested; at 09:00 there it is; and the company cannot set hours from 08:30', async () => {
    // The campaign's slots (read in the contact's own zone, New York) are open: only the federal window, in Iowa's zone, is closed.
    const slots = [{ days: everyDay, start: '09:00', end: '20:00' }];
    const { key, campaignId } = await launchRigCampaign(rig.client, {
      contacts: [{ phone: '+15155550100', state: 'NY', timezone: 'America/New_York' }],
      company: { outboundLines: 2, concurrencyRate: 100 },
      settings: {
        type: 'voice',
        schedule: { mode: 'custom', slots },
        runs: [{ start: start.toISOString(), slots, channels: ['voice'] }],
      },
    });
    await rig.settle();
    for (let i = 0; i < 2; i++) await rig.minute();
    const early = await enrollmentEvents(campaignId);
    expect(early.map((e) => e.type)).to.not.include('CallRequested');
    expect(early.find((e) => e.type === 'NextAttemptScheduled')?.data).to.deep.include({
      at: '2026-12-07T15:00:00.000Z',
      reason: 'outside_federal_hours',
    });

    await rig.clock.advance(Date.parse('2026-12-07T15:00:00.000Z') - rig.clock.now().getTime());
    for (let i = 0; i < 2; i++) await rig.minute();
    const requested = (await enrollmentEvents(campaignId)).filter((e) => e.type === 'CallRequested');
    expect(requested).to.have.length(1);
    expect(Date.parse(requested[0]!.data['requestedAt'] as string)).to.be.within(
      Date.parse('2026-12-07T15:00:00.000Z'),
      Date.parse('2026-12-07T15:02:00.000Z'),
    );

    const settings = {
      concurrencyRate: 100,
      outboundLines: 2,
      timezone: 'America/Chicago',
      defaultBusinessHours: [{ days: ['mon'], start: '08:30', end: '17:00' }],
    };
    const refused = await fetch(`${rig.url}/v1/settings/campaigns`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(settings),
    });
    expect(refused.status).to.equal(400);
    expect(((await refused.json()) as { errors: unknown }).errors).to.deep.equal([
      { path: 'defaultBusinessHours.0.start', message: 'must be 09:00 or later (calls are allowed 09:00-20:00)' },
    ]);
  });
});
