import { expect } from 'chai';
import { documentedRoutes, routeName, takesBody, type DocumentedRoute } from './documentedRoutes.ts';
import { tenantUnderTest, validBodies } from './tenantFixtures.ts';

// Read while mocha loads this file, so every documented write route gets tests of its own; Twilio's
// callbacks are documented here too but served only with a Twilio carrier, which this engine has not.
const routes = (await documentedRoutes()).filter((route) => takesBody(route) && route.security !== 'twilioSignature');

const json = 'application/json';
const form = 'application/x-www-form-urlencoded';

/** Routes whose valid body must be taken and acted on (the others may still refuse it for their state). */
const mustSucceed = new Set([
  'POST /v1/companies',
  'POST /v1/api-keys',
  'PUT /v1/settings/campaigns',
  'POST /v1/forms',
  'POST /v1/lists',
  'POST /v1/lists/{id}/cases',
  'POST /v1/lists/{id}/cases/import',
  'POST /v1/campaigns',
  'PATCH /v1/campaigns/{id}',
  'PUT /v1/campaigns/{id}/step',
]);

const accepted = (route: DocumentedRoute): readonly string[] =>
  route.contentTypes.length > 0 ? route.contentTypes : [json];

/** The valid body written flat as a form, as a browser or `curl -d` would send it (never empty: that is no body). */
const asForm = (body: unknown): string => {
  const fields = Object.entries(typeof body === 'object' && body !== null ? body : { body }).map(
    ([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)],
  );
  return new URLSearchParams(fields.length > 0 ? fields : [['reason', 'form data']]).toString();
};

describe('request media types on every documented POST, PUT and PATCH route', function () {
  this.timeout(120_000);
  const under = tenantUnderTest(routes);

  const validBody = (route: DocumentedRoute): unknown => validBodies[routeName(route)]?.(under.tenant.ids) ?? {};

  const send = under.send;

  it('finds the JSON, CSV and form routes', () => {
    const names = routes.map(routeName);
    expect(names).to.include.members([
      'POST /v1/forms',
      'PATCH /v1/campaigns/{id}',
      'PUT /v1/settings/campaigns',
      'POST /v1/lists/{id}/cases/import',
      'POST /unsubscribe/{token}',
    ]);
    expect(routes.find((r) => routeName(r) === 'POST /v1/lists/{id}/cases/import')?.contentTypes).to.deep.equal([
      'text/csv',
    ]);
  });

  for (const route of routes) {
    const takes = accepted(route);
    const refused = [
      form,
      'multipart/form-data; boundary=x',
      'text/plain',
      'text/csv',
      `${json}; charset=utf-7`,
      `${json}; charset=utf-16`,
      'application/merge-patch+json',
      'text/csv; charset=latin1',
      undefined,
    ].filter((type) => type === undefined || !takes.includes(type.split(';')[0]!) || /charset=(?!utf-8)/.test(type));

    it(`${routeName(route)}: refuses ${refused.map((t) => t ?? 'no Content-Type').join(', ')} with 415 naming what it takes, and appends nothing`, async () => {
      const body = validBody(route);
      for (const type of refused) {
        const text = type === form ? asForm(body) : typeof body === 'string' ? body : JSON.stringify(body);
        const before = await under.api.eventCount();
        const answer = await send(route, type, text);
        const sent = type?.split(';')[0];
        expect(answer.status, `${type}: ${answer.text}`).to.equal(415);
        expect(answer.headers.get('content-type')).to.match(/^application\/problem\+json/);
        expect(answer.body['code']).to.equal('REQUEST.UNSUPPORTED_MEDIA_TYPE');
        expect(answer.body['detail']).to.contain(sent ?? 'no Content-Type');
        for (const taken of takes) expect(answer.body['detail']).to.contain(taken);
        expect(answer.body['errors']).to.deep.equal([
          { path: 'Content-Type', message: `expected ${takes.join(' or ')} (UTF-8)` },
        ]);
        if (route.method !== 'PUT')
          expect(answer.headers.get(route.method === 'POST' ? 'accept-post' : 'accept-patch')).to.equal(
            takes.join(', '),
          );
        expect(await under.api.eventCount(), `${type} appended`).to.equal(before);
      }
    });

    it(`${routeName(route)}: takes ${takes.join(', ')} with or without charset=utf-8`, async () => {
      for (const type of takes.flatMap((taken) => [
        taken,
        `${taken}; charset=utf-8`,
        `${taken.toUpperCase()}; Charset="UTF-8"`,
      ])) {
        const body = validBody(route);
        const text = type.toLowerCase().startsWith(form)
          ? asForm(body)
          : typeof body === 'string'
            ? body
            : JSON.stringify(body);
        const answer = await send(route, type, text);
        expect(answer.status, `${type}: ${answer.text}`).not.to.equal(415);
        expect(answer.status, `${type}: ${answer.text}`).to.be.below(500);
        if (mustSucceed.has(routeName(route))) expect(answer.status, `${type}: ${answer.text}`).to.be.within(200, 299);
      }
    });
  }

  it('says the body is missing, and what it should be, when a route that needs one is sent none, whatever Content-Type it names', async () => {
    for (const [name, takes] of [
      ['POST /v1/forms', json],
      ['PATCH /v1/campaigns/{id}', json],
      ['POST /v1/lists/{id}/cases/import', 'text/csv'],
    ] as const) {
      const route = routes.find((r) => routeName(r) === name)!;
      for (const type of [undefined, json, 'text/plain', 'text/csv']) {
        const before = await under.api.eventCount();
        const answer = await send(route, type, type === undefined ? undefined : '');
        expect(answer.status, `${name} ${type}: ${answer.text}`).to.equal(400);
        expect(answer.body['code']).to.equal('REQUEST.MISSING_BODY');
        expect(answer.body['detail']).to.equal(`The request has no body; this route takes ${takes} (UTF-8).`);
        expect(answer.body['errors']).to.deep.equal([
          { path: '(root)', message: `missing; expected a body of ${takes} (UTF-8)` },
        ]);
        expect(await under.api.eventCount()).to.equal(before);
      }
    }
  });

  it('takes no body at all on the routes whose body is optional, and documents which those are', async () => {
    const document = (await under.api.call('GET', '/openapi.json')).body as {
      paths: Record<string, Record<string, { requestBody?: { required: boolean } }>>;
    };
    const optional = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, op]) => op.requestBody?.required === false)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(optional).to.include.members(['POST /v1/campaigns/{id}/pause', 'POST /v1/campaigns/{id}/invocations']);
    const pause = routes.find((r) => routeName(r) === 'POST /v1/campaigns/{id}/pause')!;
    const answer = await send(pause, json, '');
    expect(answer.body['code'], answer.text).not.to.equal('REQUEST.MISSING_BODY');
    expect(answer.status, answer.text).to.be.below(500);
  });

  it('documents a 415 answer on every route that takes a body', async () => {
    const document = (await under.api.call('GET', '/openapi.json')).body as {
      paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
    };
    const operations = Object.values(document.paths)
      .flatMap((operations) => Object.values(operations))
      .filter((operation) => operation.requestBody);
    expect(operations.length).to.be.above(10);
    for (const operation of operations) expect(operation.responses).to.have.property('415');
  });
});
