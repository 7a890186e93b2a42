import { expect } from 'chai';
import fc from 'fast-check';
import { newEntityId } from '../../../adapters/clock/systemClock.ts';
import { startApi, type Api } from '../../support/apiHarness.ts';
import { intakeFields, launchFormCampaign, launchedAt } from './formCampaign.ts';

/** Runs of each property; unknown calls wait for the read models a moment before they are refused, so they are a few of them. */
const RUNS = Number(process.env['AGENT_EVENTS_RUNS'] ?? 60);

const anyAnswer = fc.oneof(
  fc.string(),
  fc.constantFrom('2026-02-14', '2026-02-30', 'north', 'South', '+13125550142', '', '  ', '12345678901234567890'),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue(),
);
const anyKey = fc.oneof(
  fc.constantFrom(
    ...intakeFields.map((field) => field.key),
    'Injured',
    '__proto__',
    'constructor',
    'toString',
    'answers.x',
    '',
  ),
  fc.string(),
);

describe('POST /v1/agent-events under fuzzed reports', function () {
  this.timeout(180_000);
  let api: Api;
  let key: string;
  let callIds: string[];
  const statuses = new Set<number>();

  before(async () => {
    api = await startApi();
    const setup = await launchFormCampaign(api, true);
    key = setup.key;
    callIds = [];
    for (const [, contact] of setup.contacts) {
      const callId = newEntityId();
      await setup.seeds.placedCall(setup.campaignId, contact.contactId, callId, launchedAt);
      callIds.push(callId);
    }
  });
  after(() => api?.close());

  /** Never a 5xx; a refusal is problem+json and leaves the store's head where it was. */
  const holds = async (body: unknown) => {
    const before = await api.eventCount();
    const answer = await api.call('POST', '/v1/agent-events', { key, body });
    expect(answer.status, answer.text).to.be.below(500);
    statuses.add(answer.status);
    if (answer.status === 202) return;
    expect(answer.headers.get('content-type'), answer.text).to.match(/^application\/problem\+json/);
    expect(await api.eventCount(), `${answer.status} ${answer.text}`).to.equal(before);
  };

  const callId = () =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...callIds) },
      { weight: 1, arbitrary: fc.oneof(fc.uuid(), fc.string()) },
    );

  it('answer maps of every shape: known and unknown fields, values of every type, known and unknown calls', async () => {
    const report = fc.record(
      {
        kind: fc.constant('form_answers'),
        callId: callId(),
        answers: fc.dictionary(anyKey, anyAnswer, { maxKeys: 6 }),
      },
      { requiredKeys: ['kind', 'callId', 'answers'] },
    );
    await fc.assert(fc.asyncProperty(report, holds), { numRuns: RUNS, endOnFailure: true });
    expect([...statuses].sort(), 'taken, refused as not fitting, and refused as no such call').to.include.members([
      202, 400, 404,
    ]);
  });

  it('reports of every kind with fields missing, misspelt or of the wrong type', async () => {
    const kind = fc.constantFrom('form_answers', 'summary', 'transfer_requested', 'opt_out', 'call_ended', 'dance');
    const field = fc.oneof(anyAnswer, fc.constantFrom('completed', 'transferred'));
    const report = fc.record(
      {
        kind,
        callId: fc.oneof(callId(), fc.jsonValue()),
        answers: fc.oneof(fc.dictionary(anyKey, anyAnswer), fc.jsonValue()),
        summary: field,
        reason: field,
        utterance: field,
        reportedAt: fc.oneof(
          fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'not a time' : d.toISOString())),
          fc.string(),
        ),
      },
      { requiredKeys: ['kind'] },
    );
    await fc.assert(fc.asyncProperty(report, holds), { numRuns: RUNS, endOnFailure: true });
  });

  it('bodies that are any JSON at all', async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue(), holds), { numRuns: RUNS, endOnFailure: true });
  });
});
