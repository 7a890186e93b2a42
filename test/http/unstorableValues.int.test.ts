import { expect } from 'chai';
import fc from 'fast-check';
import { documentedRoutes, isApiRoute, routeName, takesBody, type DocumentedRoute } from './documentedRoutes.ts';
import { pathsOf } from './malformedBodies.ts';
import { tenantUnderTest, validBodies, type Ids } from './tenantFixtures.ts';

// Read while mocha loads this file, so every write route gets a test of its own.
const routes = (await documentedRoutes()).filter(
  (route) => takesBody(route) && (isApiRoute(route) || route.security === 'none'),
);

const RUNS = Number(process.env['UNSTORABLE_RUNS'] ?? 60);

/** JSON texts that parse into what no store keeps: numbers past a double's range, NUL, unpaired surrogates. */
const unstorableJson = [
  '1e309',
  '-1e309',
  '1E400',
  '"\\u0000"',
  '"case\\u0000 7"',
  '"\\ud800"',
  '"Jane \\udfff Roe"',
  '"\\udc00\\ud800"',
];

/** JSON texts a store keeps, though not as written: -0 loses its sign, integers past 2^53 their last digits. */
const roundedJson = ['-0', '-0.0', '9007199254740993', '-9007199254740993', '18446744073709551616', '1e300'];

/** Bodies that reach deep into each route: every number and string a route reads has a place to be replaced. */
const fullBodies: Record<string, (ids: Ids) => unknown> = {
  'PATCH /v1/campaigns/{id}': () => ({
    description: 'Intake follow-up',
    concurrency: { limit: 5, pacingPerMinute: 30 },
    retry: { maxAttempts: 3, intervalMinutes: 60 },
    workflows: [
      {
        trigger: { kind: 'form_answer', fieldKey: 'visits', value: 2 },
        steps: [{ channel: 'sms', body: 'Thanks', delayMinutes: 10 }],
      },
    ],
    reportSchedules: [
      { report: 'calls', frequency: 'monthly', time: '08:00', recipients: ['ops@example.com'], dayOfMonth: 3 },
    ],
  }),
  'POST /v1/agent-events': () => ({
    kind: 'form_answers',
    callId: '01900000-0000-7000-8000-000000000602',
    answers: { visits: 2, clinic: 'North', treated: true },
  }),
  'POST /v1/campaigns/{id}/contacts/complete': () => ({
    contactIds: ['01900000-0000-7000-8000-000000000603'],
    reason: 'settled',
  }),
  'POST /v1/campaigns/{id}/reports/opt-outs/{contactId}/reopen': () => ({ reason: 'asked to be called again' }),
};

type Sent = {
  readonly text: string;
  readonly contentType: string;
  readonly unstorable: boolean;
  readonly shown: string;
};

type Path = readonly (string | number)[];

const PLACEHOLDER = '__hostile_value__';

/** The body with the value at `path` replaced (or, at an object, a field added) by the placeholder. */
const marked = (value: unknown, path: Path, asKey: boolean): unknown => {
  if (path.length === 0) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      return asKey ? { ...value, [PLACEHOLDER]: 1 } : { ...value, extra: PLACEHOLDER };
    return PLACEHOLDER;
  }
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, i) => (i === head ? marked(item, rest, asKey) : item));
  return {
    ...(value as object),
    [head as string]: marked((value as Record<string, unknown>)[head as string], rest, asKey),
  };
};

/** A valid body with one value (or one field name) swapped for hostile JSON text, sent as written. */
const hostileJson = (valid: unknown): fc.Arbitrary<Sent> =>
  fc
    .record({
      path: fc.constantFrom(...pathsOf(valid)),
      literal: fc.constantFrom(...unstorableJson, ...roundedJson),
      asKey: fc.boolean(),
    })
    .map(({ path, literal, asKey }) => {
      const keyable = asKey && literal.startsWith('"');
      const text = JSON.stringify(marked(valid, path, keyable)).replace(`"${PLACEHOLDER}"`, literal);
      return {
        text,
        contentType: 'application/json',
        unstorable: unstorableJson.includes(literal),
        shown: text.slice(0, 300),
      };
    });

/** A valid CSV with a NUL somewhere in it. */
const hostileCsv = (valid: string): fc.Arbitrary<Sent> =>
  fc.nat({ max: valid.length }).map((at) => {
    const text = `${valid.slice(0, at)}\u0000${valid.slice(at)}`;
    return { text, contentType: 'text/csv', unstorable: true, shown: JSON.stringify(text) };
  });

describe('values no store can keep, on every documented write route', function () {
  this.timeout(180_000);
  const under = tenantUnderTest(routes);

  const send = (route: DocumentedRoute, body: Sent) => under.send(route, body.contentType, body.text);

  /** Every event in the store still decodes, and every projection follows it. */
  const expectEngineHealthy = async () => {
    const head = await under.api.eventCount();
    for await (const _event of under.api.stores.eventStore.readAll()) void _event;
    const caughtUp = await under.api.engine.runner.waitFor(head, { timeoutMs: 20_000 });
    const stopped = (await under.api.engine.runner.status()).filter((status) => status.failed !== undefined);
    expect(stopped.map((s) => `${s.name}: ${s.failed}`)).to.deep.equal([]);
    expect(caughtUp, 'projections caught up with the store').to.equal(true);
    const ready = await under.api.call('GET', '/readyz');
    expect(ready.status, ready.text).to.equal(200);
  };

  it('finds the write routes', () =>
    expect(routes.map(routeName)).to.include.members([
      'PATCH /v1/campaigns/{id}',
      'POST /v1/agent-events',
      'PUT /v1/settings/campaigns',
      'POST /v1/lists/{id}/cases/import',
    ]));

  for (const route of routes)
    it(`${routeName(route)}: refuses (4xx) what no store keeps, appending nothing, and every projection keeps running`, async () => {
      const valid = (fullBodies[routeName(route)] ?? validBodies[routeName(route)])?.(under.tenant.ids) ?? {};
      const bodies = typeof valid === 'string' ? hostileCsv(valid) : hostileJson(valid);
      await fc.assert(
        fc.asyncProperty(
          bodies.map((body) => Object.assign(body, { [fc.toStringMethod]: () => body.shown })),
          async (body) => {
            const before = await under.api.eventCount();
            const answer = await send(route, body);
            expect(answer.status, answer.text).to.be.below(500);
            if (answer.status < 300 && !body.unstorable) return;
            expect(answer.status, answer.text).to.be.within(400, 499);
            expect(await under.api.eventCount(), answer.text).to.equal(before);
          },
        ),
        { numRuns: RUNS, endOnFailure: true },
      );
      await expectEngineHealthy();
    });

  it('answers 1e309 in a draft with 400 naming the path; /readyz and the history stay up across a restart', async () => {
    const created = await under.api.call('POST', '/v1/campaigns', {
      key: under.tenant.apiKey,
      body: { name: 'Pacing check' },
    });
    const id = created.body.id as string;
    for (const [text, path] of [
      ['{"concurrency":{"limit":1e309,"pacingPerMinute":1}}', 'concurrency.limit'],
      ['{"retry":{"maxAttempts":1e309}}', 'retry.maxAttempts'],
    ] as const) {
      const before = await under.api.eventCount();
      const answer = await under.api.call('PATCH', `/v1/campaigns/${id}`, { key: under.tenant.apiKey, body: text });
      expect(answer.status, answer.text).to.equal(400);
      expect(answer.body.errors.map((e: { path: string }) => e.path)).to.include(path);
      expect(await under.api.eventCount()).to.equal(before);
    }
    await under.api.restart();
    await expectEngineHealthy();
    expect((await under.api.call('GET', `/v1/campaigns/${id}/history`, { key: under.tenant.apiKey })).status).to.equal(
      200,
    );
  });

  it('reads -0 as 0, which is what JSON would store anyway', async () => {
    const created = await under.api.call('POST', '/v1/campaigns', {
      key: under.tenant.apiKey,
      body: { name: 'Signed zero' },
    });
    const id = created.body.id as string;
    const answer = await under.api.call('PATCH', `/v1/campaigns/${id}`, {
      key: under.tenant.apiKey,
      body: '{"concurrency":{"limit":-0},"retry":{"intervalMinutes":-0.0}}',
    });
    expect(answer.status, answer.text).to.equal(200);
    expect(Object.is(answer.body.draft?.concurrency?.limit ?? answer.body.concurrency?.limit, 0)).to.equal(true);
    await expectEngineHealthy();
  });
});
