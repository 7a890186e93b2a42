import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { complianceRules } from '../../domain/compliance/complianceRules.ts';
import { outreachRig, type OutreachRig } from '../support/outreachRig.ts';
import { launchRigCampaign } from '../support/rigCampaign.ts';

const everyDay = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

describe('the dispatcher stops calls at once under a configured holiday and an artificial-voice state rule', () => {
  let dir: string;
  let rig: OutreachRig;
  // Monday 7 December 2026: 08:30 in Los Angeles, 10:30 in Chicago.
  const start = new Date('2026-12-07T16:30:00.000Z');
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'compliance-dispatch-'));
    // A governor proclaims today a holiday in Alabama, whose row bans calls on holidays.
    const compliance = complianceRules({ callingHours: { holidays: { AL: ['2026-12-07'] } } });
    rig = await outreachRig({ dir, start, seed: 5, compliance });
  });
  afterEach(async () => {
    await rig.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reschedules the Alabama and California contacts due now, dials neither, and calls the Illinois one', async () => {
    const slots = [{ days: everyDay, start: '08:00', end: '21:00' }];
    const contacts = [
      { phone: '+12055550100', state: 'AL', timezone: 'America/Chicago' },
      { phone: '+12135550100', state: 'CA', timezone: 'America/Los_Angeles' },
      { phone: '+13125550100', state: 'IL', timezone: 'America/Chicago' },
    ];
    const { campaignId } = await launchRigCampaign(rig.client, {
      contacts,
      company: { outboundLines: 5, concurrencyRate: 100 },
      settings: {
        type: 'voice',
        schedule: { mode: 'custom', slots },
        runs: [{ start: start.toISOString(), slots, channels: ['voice'] }],
      },
    });
    await rig.settle();
    for (let i = 0; i < 2; i++) await rig.minute();

    const byPhone = new Map<string, { type: string; data: Record<string, unknown> }[]>();
    for await (const event of rig.eventStore.readAll()) {
      if (!event.stream.startsWith(`enrollment-${campaignId}.`)) continue;
      const data = event.data as Record<string, unknown>;
      const list = byPhone.get(event.stream) ?? [];
      list.push({ type: event.type, data });
      byPhone.set(event.stream, list);
    }
    const requested = [...byPhone.values()].flatMap((events) =>
      events.filter((e) => e.type === 'CallRequested').map((e) => e.data['to']),
    );
    expect(requested).to.deep.equal(['+13125550100']);

    const rescheduled = [...byPhone.values()].flatMap((events) =>
      events
        .filter((e) => e.type === 'NextAttemptScheduled')
        .map((e) => ({ at: e.data['at'], reason: e.data['reason'] })),
    );
    expect(rescheduled).to.have.deep.members([
      { at: '2026-12-08T14:00:00.000Z', reason: 'state_holiday' },
      { at: '2026-12-07T17:00:00.000Z', reason: 'outside_artificial_voice_hours' },
    ]);
  });
});
