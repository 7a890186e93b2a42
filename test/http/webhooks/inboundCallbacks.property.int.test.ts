import { expect } from 'chai';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inboundCallIdOf } from '../../../commands/outreach/reports/inboundCallId.ts';
import { launchRigCampaign } from '../../support/rigCampaign.ts';
import { twilioRig, type TwilioRig } from '../../support/twilioRig.ts';

const line = '+13125550111';
const known = '+13125550101';
const hours = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '09:00', end: '17:00' }];

/** Mostly what Twilio sends, sometimes anything at all. */
const mostly = (...typical: string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...typical) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  );
/** A parameter Twilio may send, now and then left out. */
const param = (...typical: string[]) => fc.option(mostly(...typical), { nil: undefined, freq: 4 });
// A few CallSids again and again, so status reports meet calls already on record.
const sids = mostly(
  'CA00000000000000000000000000000001',
  'CA00000000000000000000000000000002',
  'CA00000000000000000000000000000003',
);

const callback = fc.record({
  path: fc.constantFrom('inbound', 'status', 'status-of-ours'),
  callSid: fc.option(sids, { nil: undefined, freq: 8 }),
  params: fc.record({
    From: param(known, '+16175550177', 'anonymous'),
    To: param(line, '+13125559999'),
    CallStatus: param('ringing', 'in-progress', 'completed', 'busy', 'no-answer', 'failed'),
    CallDuration: param('0', '30', '-1'),
    SequenceNumber: param('0', '1'),
    AnsweredBy: param('human', 'machine_start'),
    RecordingStatus: param('completed'),
    RecordingUrl: param('https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1'),
    Timestamp: param('Sat, 13 Mar 2027 15:00:00 +0000'),
    Direction: param('inbound'),
  }),
  signed: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
});

describe('inbound call callbacks, fuzzed and signed', function () {
  this.timeout(120_000);
  let dir: string;
  let rig: TwilioRig;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'inbound-fuzz-'));
    rig = await twilioRig({ dir, start: new Date('2027-03-13T15:00:00.000Z') });
    await launchRigCampaign(rig.client, {
      contacts: [{ phone: known, timezone: 'America/New_York', state: 'NY' }],
      company: { outboundLines: 1, concurrencyRate: 1, timezone: 'America/New_York', businessHours: hours },
      callerNumber: line,
      settings: {
        type: 'voice',
        schedule: { mode: 'custom', slots: hours },
        runs: [{ start: '2027-04-05T14:00:00.000Z', slots: hours, channels: ['voice'] }],
        routing: { mode: 'schedule_based', afterHours: 'voicemail', forwardingNumber: '+12125550123' },
      },
    });
    await rig.settle();
  });
  after(async () => {
    await rig?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('never answers 5xx, and a refused request records nothing', async () => {
    await fc.assert(
      fc.asyncProperty(callback, async ({ path, callSid, params, signed }) => {
        const query = path === 'status-of-ours' ? `?callId=${inboundCallIdOf(callSid ?? 'none')}` : '';
        const url = `${rig.url}/webhooks/twilio/voice/${path === 'inbound' ? 'inbound' : 'status'}${query}`;
        const form: Record<string, string> = { AccountSid: rig.fake.accountSid };
        for (const [name, value] of Object.entries({ CallSid: callSid, ...params }))
          if (value !== undefined) form[name] = value;
        const head = await rig.eventStore.headPosition();
        const answer = await rig.fake.playCallback(url, form, signed ? undefined : 'forged');
        expect(answer.status, answer.text).to.be.below(500);
        if (!signed) expect(answer.status).to.equal(403);
        if (answer.status >= 400) {
          expect(answer.contentType).to.include('application/problem+json');
          expect(await rig.eventStore.headPosition(), answer.text).to.equal(head);
        }
      }),
      { numRuns: 150 },
    );
  });
});
