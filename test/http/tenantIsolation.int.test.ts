import { expect } from 'chai';
import { ADMIN_TOKEN, startApi, type Api } from '../support/apiHarness.ts';
import { documentedRoutes, isApiRoute, routeName } from './documentedRoutes.ts';
import {
  callRoute,
  concretePath,
  missingFixture,
  openTenant,
  playedOnly,
  streamLength,
  streamOf,
  validBodies,
  type Tenant,
} from './tenantFixtures.ts';

// Read while mocha loads this file, so every documented route gets a test of its own.
const routes = (await documentedRoutes()).filter(isApiRoute);
const withId = routes.filter((route) => route.params.length > 0 && route.security === 'apiKey');
const collections = routes.filter(
  (route) => route.method === 'GET' && route.params.length === 0 && route.security === 'apiKey',
);

describe('tenant isolation over every documented route', function () {
  this.timeout(60_000);
  let api: Api;
  let a: Tenant;
  let b: Tenant;
  let revokedKey: string;

  before(async () => {
    api = await startApi();
    a = await openTenant(api, routes, 'Hartley & Vance LLP');
    b = await openTenant(api, routes, 'Other Firm LLP');
    const spare = await api.call('POST', '/v1/api-keys', { key: a.apiKey, body: { name: 'to be revoked' } });
    revokedKey = spare.body.apiKey;
    expect((await api.call('DELETE', `/v1/api-keys/${spare.body.id}`, { key: a.apiKey })).status).to.equal(200);
    // Read models must hold every fixture, or a missing document would pass for a refusal.
    expect(await api.engine.context.waitFor(await api.eventCount(), { timeoutMs: 10_000 })).to.equal(true);
  });
  after(() => api?.close());

  /** Refused with this status, and the store holds exactly what it held before. */
  const leavesEverything = async (
    request: () => Promise<{ status: number; text: string }>,
    allowed: number[],
    stream?: string,
  ) => {
    const before = await api.eventCount();
    const streamBefore = stream ? await streamLength(api, stream) : 0;
    const answer = await request();
    expect(allowed, `${answer.status} ${answer.text}`).to.include(answer.status);
    expect(await api.eventCount(), 'events appended').to.equal(before);
    if (stream) expect(await streamLength(api, stream), `events appended to ${stream}`).to.equal(streamBefore);
    return answer;
  };

  it('finds routes to check', () => {
    expect(withId.map(routeName)).to.include.members(['GET /v1/forms/{id}', 'GET /v1/agents/{id}']);
    expect(collections.map(routeName)).to.include.members(['GET /v1/forms', 'GET /v1/agents']);
  });

  describe("another company's key against the first company's resources answers 404", () => {
    for (const route of withId)
      it(routeName(route), async () => {
        expect(
          missingFixture(route, a.ids),
          `no ${missingFixture(route, a.ids)} of the first company to aim at: add its create route to tenantFixtures`,
        ).to.equal(undefined);
        // Without a known valid body, refusing the body first (400) reveals nothing either.
        const allowed = route.contentType && !validBodies[routeName(route)] ? [400, 404] : [404];
        const answer = await leavesEverything(
          () => callRoute(api, route, { key: b.apiKey, ids: a.ids }),
          allowed,
          streamOf(route, a),
        );
        expect(answer.text).to.not.include(a.companyId);
      });
  });

  describe('the owner reaches the same resources', () => {
    for (const route of withId.filter((r) => r.method === 'GET' && !playedOnly[routeName(r)]))
      it(routeName(route), async () => {
        const answer = await api.call('GET', `${concretePath(route, a.ids)}?minPosition=${await api.eventCount()}`, {
          key: a.apiKey,
        });
        expect(answer.status, answer.text).to.equal(200);
      });
  });

  describe("collections never show another company's items", () => {
    for (const route of collections)
      it(routeName(route), async () => {
        const query = `?minPosition=${await api.eventCount()}`;
        const mine = await api.call('GET', `${route.path}${query}`, { key: a.apiKey });
        const theirs = await api.call('GET', `${route.path}${query}`, { key: b.apiKey });
        expect(mine.status, mine.text).to.equal(200);
        expect(theirs.status, theirs.text).to.equal(200);
        const own = a.ids[route.path.split('/').at(-1)!];
        if (own) expect(mine.text, 'the owner sees its item').to.include(own);
        for (const id of [a.companyId, ...Object.values(a.ids)]) expect(theirs.text).to.not.include(id);
        for (const item of (theirs.body as { items?: { companyId?: string }[] }).items ?? [])
          if (item.companyId !== undefined) expect(item.companyId).to.equal(b.companyId);
      });
  });

  describe('no key, a malformed key, a wrong secret or a revoked key answers 401', () => {
    const tampered = (key: string) => key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
    const presented = (): [string, Record<string, string>][] => [
      ['no key', {}],
      ['a malformed key', { authorization: 'Bearer not-a-key' }],
      ['an empty bearer', { authorization: 'Bearer ' }],
      ['basic auth', { authorization: `Basic ${Buffer.from(`user:${a.apiKey}`).toString('base64')}` }],
      ['a wrong secret', { authorization: `Bearer ${tampered(a.apiKey)}` }],
      ['a revoked key', { authorization: `Bearer ${revokedKey}` }],
      ['the admin token', { authorization: `Bearer ${ADMIN_TOKEN}` }],
    ];
    for (const route of routes)
      it(routeName(route), async () => {
        for (const [what, headers] of presented()) {
          if (route.security === 'adminToken' && what === 'the admin token') continue;
          const answer = await leavesEverything(() => callRoute(api, route, { key: '', ids: a.ids, headers }), [401]);
          expect(answer.text, what).to.match(/unauthorized/i);
        }
        if (route.security === 'adminToken')
          await leavesEverything(() => callRoute(api, route, { key: a.apiKey, ids: a.ids }), [401]);
      });
  });
});
