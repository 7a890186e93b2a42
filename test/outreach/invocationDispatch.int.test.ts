import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '../../domain/events/event.ts';
import { outreachRig, type OutreachRig } from '../support/outreachRig.ts';
import { launchRigCampaign } from '../support/rigCampaign.ts';

const MINUTE = 60_000;
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'];
const phones = ['+13125550200', '+13125550201', '+13125550202'];

describe('contacts invoked over HTTP are called by the dispatcher on the simulated carrier, inside their window', () => {
  let dir: string;
  let rig: OutreachRig;
  // Monday 2 March 2026, 07:00 in Chicago: before the 09:00 slot opens, a week before the run starts.
  const start = new Date('2026-03-02T13:00:00.000Z');
  const runStart = '2026-03-09T15:00:00.000Z';
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'invocation-'));
    rig = await outreachRig({ dir, start, seed: 11 });
  });
  afterEach(async () => {
    await rig.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const callRequests = async (): Promise<RecordedEvent[]> => {
    const found: RecordedEvent[] = [];
    for await (const event of rig.eventStore.readAll()) if (event.type === 'CallRequested') found.push(event);
    return found;
  };

  const invoke = async (key: string, campaignId: string, body: unknown) => {
    const answer = await fetch(`${rig.url}/v1/campaigns/${campaignId}/invocations`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': 'application/json',
        'idempotency-key': `invoke-${JSON.stringify(body)}`,
      },
      body: JSON.stringify(body),
    });
    return { status: answer.status, body: (await answer.json()) as { scheduled: number; skipped: unknown[] } };
  };

  it('waits for the slot to open, calls only the invoked contact though the run has not started, and no one else', async () => {
    const slots = [{ days: weekdays, start: '09:00', end: '17:00' }];
    const { key, campaignId } = await launchRigCampaign(rig.client, {
      contacts: phones.map((phone) => ({ phone, state: 'IL', timezone: 'America/Chicago' })),
      company: { outboundLines: 3, concurrencyRate: 100 },
      settings: {
        type: 'voice',
        schedule: { mode: 'custom', slots },
        runs: [{ start: runStart, slots, channels: ['voice'] }],
        externalInvocation: { enabled: true },
      },
    });
    await rig.settle();
    for (let i = 0; i < 3; i++) await rig.minute();
    expect(await callRequests(), 'nobody is called before the run starts').to.deep.equal([]);

    const answer = await invoke(key, campaignId, { externalIds: ['PI-00001'] });
    expect(answer).to.deep.equal({ status: 202, body: { ...answer.body, scheduled: 1, skipped: [] } });
    for (let i = 0; i < 30; i++) await rig.minute();
    expect(await callRequests(), 'no call before 09:00 in Chicago').to.deep.equal([]);

    await rig.clock.advance(90 * MINUTE);
    for (let i = 0; i < 5; i++) await rig.minute();
    const calls = await callRequests();
    expect(calls.map((e) => (e.data as { to: string }).to)).to.deep.equal([phones[0]]);
    const call = calls[0]!.data as { requestedAt: string; run: number; decision: { localTime: string } };
    expect(Date.parse(call.requestedAt)).to.be.at.least(Date.parse('2026-03-02T15:00:00.000Z'));
    expect(call.decision.localTime.slice(11, 13)).to.equal('09');
    expect(call.run).to.equal(0);
  });

  it('during a run, takes invoked contacts before the backlog due earlier', async () => {
    const slots = [{ days: weekdays, start: '09:00', end: '17:00' }];
    const many = Array.from({ length: 8 }, (_, i) => `+1312555030${i}`);
    const { key, campaignId } = await launchRigCampaign(rig.client, {
      contacts: many.map((phone) => ({ phone, state: 'IL', timezone: 'America/Chicago' })),
      company: { outboundLines: 1, concurrencyRate: 100 },
      settings: {
        type: 'voice',
        schedule: { mode: 'custom', slots },
        runs: [{ start: start.toISOString(), slots, channels: ['voice'] }],
        externalInvocation: { enabled: true },
        concurrency: { limit: 1 },
      },
    });
    await rig.settle();
    const answer = await invoke(key, campaignId, { externalIds: ['PI-00008'] });
    expect(answer.status).to.equal(202);
    // The dispatcher reads its queue from the read models: they hold the invocation before the run's next minute.
    await rig.settle();
    await rig.clock.advance(120 * MINUTE);
    await rig.minute();
    const calls = await callRequests();
    expect(calls.map((e) => (e.data as { to: string }).to)).to.deep.equal([many[7]]);
  });
});
