import { expect } from 'chai';
import fc from 'fast-check';
import { documentedRoutes, isApiRoute, routeName, takesBody, type DocumentedRoute } from './documentedRoutes.ts';
import { tenantUnderTest, validBodies } from './tenantFixtures.ts';
import { malformedBody, malformedCsv, type SentBody } from './malformedBodies.ts';

// Read while mocha loads this file, so every documented route gets a test of its own.
const routes = (await documentedRoutes()).filter((route) => isApiRoute(route) && takesBody(route));

/** Runs per route: a few hundred each keeps thousands of requests overall within about a minute. */
const RUNS = Number(process.env['MALFORMED_RUNS'] ?? 300);
const JSON_LIMIT = 1024 ** 2;

describe('malformed bodies on every documented POST, PUT and PATCH route', function () {
  this.timeout(120_000);
  const under = tenantUnderTest(routes);

  const send = (route: DocumentedRoute, body: SentBody) => under.send(route, body.contentType, body.text);

  it('finds routes to check', () =>
    expect(routes.map(routeName)).to.include.members(['POST /v1/forms', 'POST /v1/agents']));

  for (const route of routes)
    it(`${routeName(route)}: never a 5xx, and a refusal appends nothing`, async () => {
      const valid = validBodies[routeName(route)]?.(under.tenant.ids) ?? {};
      await fc.assert(
        fc.asyncProperty(typeof valid === 'string' ? malformedCsv(valid) : malformedBody(valid), async (body) => {
          const before = await under.api.eventCount();
          const answer = await send(route, body);
          expect(answer.status, answer.text).to.be.below(500);
          if (answer.status >= 200 && answer.status < 300) return;
          expect(answer.contentType, answer.text).to.match(/^application\/problem\+json/);
          expect(await under.api.eventCount(), `${answer.status} ${answer.text}`).to.equal(before);
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    });

  it('answers 413 to a JSON body above the limit on every route, and appends nothing', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(JSON_LIMIT) });
    for (const route of routes) {
      const before = await under.api.eventCount();
      const answer = await send(route, { text: huge, contentType: 'application/json' });
      expect(answer.status, `${routeName(route)}: ${answer.text}`).to.equal(413);
      expect(answer.contentType).to.match(/^application\/problem\+json/);
      expect(await under.api.eventCount()).to.equal(before);
    }
  });

  it('leaves Object.prototype unpolluted', () => {
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
    expect(({} as Record<string, unknown>)['isAdmin']).to.equal(undefined);
  });
});
