import { expect } from 'chai';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consentCommands } from '../../commands/consent/consentCommands.ts';
import { engineRegistry } from '../../domain/engineEvents.ts';
import type { RecordedEvent } from '../../domain/events/event.ts';
import type { TimeSlot } from '../../domain/values.ts';
import { outreachRig } from '../support/outreachRig.ts';
import { launchRigCampaign, type RigContact } from '../support/rigCampaign.ts';
import { outreachViolations } from './outreachCheck.ts';

const places = [
  { state: 'NY', areaCode: '212' },
  { state: 'FL', areaCode: '305' },
  { state: 'IL', areaCode: '312' },
  { state: 'TX', areaCode: '512' },
  { state: 'OK', areaCode: '405' },
  { state: 'AZ', areaCode: '602' },
  { state: 'CA', areaCode: '415' },
  { state: 'MD', areaCode: '410' },
  { state: 'AK', areaCode: '907' },
  { state: 'HI', areaCode: '808' },
  { state: 'IN', areaCode: '317' },
  { state: 'LA', areaCode: '504' },
];
const zones = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Indiana/Indianapolis',
];
const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** Starting points around DST changes and state holidays: March 8, July 3 (observed), Thanksgiving, Christmas, November 1. */
const starts = [
  '2026-03-06T13:00:00.000Z',
  '2026-07-02T12:00:00.000Z',
  '2026-11-25T13:00:00.000Z',
  '2026-12-23T13:00:00.000Z',
  '2026-10-30T12:00:00.000Z',
];

const hhmm = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
const slot = fc
  .record({
    days: fc.subarray([...days], { minLength: 1 }),
    start: fc.integer({ min: 8, max: 15 }),
    length: fc.integer({ min: 2, max: 12 }),
  })
  .map(({ days: on, start, length }): TimeSlot => ({
    days: on,
    start: hhmm(start),
    end: hhmm(Math.min(21, start + length)),
  }));

const contact = fc.record({
  home: fc.constantFrom(...places),
  // The number's area code may lie elsewhere than the address: only where both agree may a call go.
  line: fc.constantFrom(...places),
  timezone: fc.option(fc.constantFrom(...zones), { nil: undefined }),
  email: fc.boolean(),
  optOut: fc.constantFrom(undefined, undefined, undefined, 'voice', 'sms', 'all', 'email'),
});

const scenario = fc.record({
  start: fc.constantFrom(...starts),
  seed: fc.integer({ min: 1, max: 10_000 }),
  contacts: fc.array(contact, { minLength: 20, maxLength: 30 }),
  lines: fc.integer({ min: 2, max: 6 }),
  rate: fc.constantFrom(50, 100),
  limit: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  pacingPerMinute: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  maxAttempts: fc.integer({ min: 1, max: 3 }),
  intervalMinutes: fc.integer({ min: 10, max: 120 }),
  runSlots: fc.array(fc.array(slot, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 }),
  secondRunAfterHours: fc.integer({ min: 6, max: 30 }),
  messages: fc.boolean(),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

const play = async (s: Scenario) => {
  const dir = mkdtempSync(join(tmpdir(), 'outreach-props-'));
  const start = new Date(s.start);
  const rig = await outreachRig({ dir, start, seed: s.seed });
  try {
    const contacts: RigContact[] = s.contacts.map((c, i) => ({
      phone: `+1${c.line.areaCode}555${String(100 + i).padStart(4, '0')}`,
      state: c.home.state,
      ...(c.timezone ? { timezone: c.timezone } : {}),
      ...(c.email ? { email: `client${i}@example.com` } : {}),
    }));
    const runs = s.runSlots.map((slots, i) => ({
      start: new Date(start.getTime() + i * s.secondRunAfterHours * 3_600_000).toISOString(),
      slots,
      channels: s.messages ? ['voice', 'sms', 'email'] : ['voice'],
    }));
    const launched = await launchRigCampaign(rig.client, {
      contacts,
      company: { outboundLines: s.lines, concurrencyRate: s.rate },
      settings: {
        type: s.messages ? 'multichannel' : 'voice',
        schedule: { mode: 'custom', slots: s.runSlots[0] },
        runs,
        concurrency: {
          ...(s.limit !== undefined ? { limit: s.limit } : {}),
          ...(s.pacingPerMinute !== undefined ? { pacingPerMinute: s.pacingPerMinute } : {}),
        },
        retry: { maxAttempts: s.maxAttempts, intervalMinutes: s.intervalMinutes },
        ...(s.messages
          ? {
              workflows: [
                {
                  trigger: { kind: 'enrolled' },
                  steps: [{ channel: 'sms', body: 'Hello from {{company.name}}. Reply STOP to opt out.' }],
                },
                {
                  trigger: { kind: 'call_outcome', outcome: 'no_answer' },
                  steps: [
                    { channel: 'email', delayMinutes: 10, subject: 'We missed you', body: 'We will call again.' },
                    { channel: 'sms', delayMinutes: 30, body: 'Sorry we missed you.' },
                  ],
                },
              ],
            }
          : {}),
      },
    });
    // Opt-outs recorded before the campaign runs, as an admin would for clients who asked earlier.
    const consent = consentCommands({ eventStore: rig.eventStore, registry: engineRegistry });
    for (const [i, c] of s.contacts.entries()) {
      if (!c.optOut) continue;
      const address = c.optOut === 'email' ? (c.email ? `client${i}@example.com` : undefined) : contacts[i]!.phone;
      if (address)
        await consent.optOut(
          { address, source: 'admin', channel: c.optOut === 'email' ? 'all' : c.optOut },
          { commandId: `opt-out-${i}`, companyId: launched.companyId, actor: 'admin', now: start },
        );
    }
    await rig.settle();
    for (let minute = 0; minute < 3 * 24 * 60; minute++) await rig.minute();
    await rig.settle();
    const events: RecordedEvent[] = [];
    for await (const event of rig.eventStore.readAll()) events.push(event);
    return { events, runs };
  } finally {
    await rig.stop();
    rmSync(dir, { recursive: true, force: true });
  }
};

describe('outreach over simulated days (fast-check)', function () {
  this.timeout(240_000);

  it('never calls outside the window, never reaches an opted-out address, never exceeds capacity or pacing', async () => {
    let calls = 0;
    let messages = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const { events, runs } = await play(s);
        calls += events.filter((e) => e.type === 'CallRequested').length;
        messages += events.filter((e) => e.type === 'MessageRequested').length;
        const problems = outreachViolations(events, {
          runs,
          limit: s.limit,
          pacingPerMinute: s.pacingPerMinute,
          lines: s.lines,
          rate: s.rate,
        });
        expect(problems.slice(0, 10), problems.slice(0, 10).join('\n')).to.deep.equal([]);
      }),
      { numRuns: 12, endOnFailure: true },
    );
    // The property means something only if the campaigns did call and write.
    expect(calls).to.be.greaterThan(20);
    expect(messages).to.be.greaterThan(0);
  });
});
