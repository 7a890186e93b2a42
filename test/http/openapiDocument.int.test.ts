import { expect } from 'chai';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { Express } from 'express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_TOKEN, startApi, type Api } from '../support/apiHarness.ts';
import { twilioRig, type TwilioRig } from '../support/twilioRig.ts';

type Json = Record<string, any>;

/** The keywords that say what a schema is; a node with none of them tells a reader and a generated client nothing. */
const typing = ['type', '$ref', 'oneOf', 'anyOf', 'allOf', 'const', 'enum', 'not'];

/** Every schema node of the document that says nothing of what it is, by where it is. */
const untypedSchemas = (document: Json): string[] => {
  const found: string[] = [];
  const walk = (schema: Json | undefined, at: string): void => {
    if (typeof schema !== 'object' || schema === null) return;
    if (!typing.some((keyword) => keyword in schema)) found.push(`${at}: ${JSON.stringify(schema)}`);
    for (const [name, property] of Object.entries(schema['properties'] ?? {}))
      walk(property as Json, `${at}.properties.${name}`);
    walk(schema['items'], `${at}.items`);
    (schema['prefixItems'] ?? []).forEach((item: Json, i: number) => walk(item, `${at}.prefixItems.${i}`));
    if (typeof schema['additionalProperties'] === 'object')
      walk(schema['additionalProperties'], `${at}.additionalProperties`);
    for (const combined of ['anyOf', 'oneOf', 'allOf'])
      (schema[combined] ?? []).forEach((member: Json, i: number) => walk(member, `${at}.${combined}.${i}`));
    walk(schema['not'], `${at}.not`);
  };
  for (const [name, schema] of Object.entries(document['components']?.['schemas'] ?? {}))
    walk(schema as Json, `components.schemas.${name}`);
  for (const [path, operations] of Object.entries<Json>(document['paths']))
    for (const [method, operation] of Object.entries<Json>(operations)) {
      const at = `${method.toUpperCase()} ${path}`;
      for (const parameter of operation['parameters'] ?? [])
        walk(parameter.schema, `${at} parameter ${parameter.name}`);
      for (const [type, media] of Object.entries<Json>(operation['requestBody']?.['content'] ?? {}))
        walk(media['schema'], `${at} body ${type}`);
      for (const [status, response] of Object.entries<Json>(operation['responses']))
        for (const [type, media] of Object.entries<Json>(response['content'] ?? {}))
          walk(media['schema'], `${at} ${status} ${type}`);
    }
  return found;
};

/** Every request body media type without an example. */
const bodiesWithoutExample = (document: Json): string[] =>
  Object.entries<Json>(document['paths']).flatMap(([path, operations]) =>
    Object.entries<Json>(operations).flatMap(([method, operation]) =>
      Object.entries<Json>(operation['requestBody']?.['content'] ?? {})
        .filter(([, media]) => media['example'] === undefined && media['examples'] === undefined)
        .map(([type]) => `${method.toUpperCase()} ${path} ${type}`),
    ),
  );

/** Every `METHOD /path` express answers, read from the app's router stack (routers are mounted at the root). */
const servedRoutes = (app: Express): string[] => {
  const routes: string[] = [];
  const walk = (stack: Json[]): void => {
    for (const layer of stack) {
      if (layer['route'])
        for (const method of Object.keys(layer['route'].methods))
          routes.push(`${method.toUpperCase()} ${String(layer['route'].path)}`);
      else if (Array.isArray(layer['handle']?.stack)) walk(layer['handle'].stack);
    }
  };
  walk((app as unknown as { router: { stack: Json[] } }).router.stack);
  return [...new Set(routes)];
};

const documentedOperations = (document: Json): string[] =>
  Object.entries<Json>(document['paths']).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
  );

const twilioCallbacks = [
  'POST /webhooks/twilio/voice/status',
  'POST /webhooks/twilio/voice/inbound',
  'POST /webhooks/twilio/voice/twiml/:callId',
  'POST /webhooks/twilio/sms/status',
  'POST /webhooks/twilio/sms/inbound',
];

const carriers: { name: string; start: () => Promise<{ url: string; app: Express; stop: () => Promise<void> }> }[] = [
  {
    name: 'the simulated carrier',
    start: async () => {
      const api: Api = await startApi();
      return { url: api.url, app: api.engine.app, stop: () => api.close() };
    },
  },
  {
    name: 'Twilio as the carrier',
    start: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'openapi-twilio-'));
      const rig: TwilioRig = await twilioRig({ dir, start: new Date('2027-03-12T15:00:00.000Z') });
      return {
        url: rig.url,
        app: rig.app,
        stop: async () => (await rig.stop(), rmSync(dir, { recursive: true, force: true })),
      };
    },
  },
];

for (const carrier of carriers)
  describe(`the OpenAPI document at /openapi.json, with ${carrier.name}`, function () {
    this.timeout(60_000);
    let engine: Awaited<ReturnType<(typeof carrier)['start']>>;
    let document: Json;

    before(async () => {
      engine = await carrier.start();
      const answer = await fetch(`${engine.url}/openapi.json`);
      expect(answer.status).to.equal(200);
      document = (await answer.json()) as Json;
    });
    after(() => engine.stop());

    it('is a valid OpenAPI 3.1 document, by swagger-parser', async () => {
      await SwaggerParser.validate(structuredClone(document) as never);
      expect(document['openapi']).to.equal('3.1.0');
    });

    it('types every schema node: none is left without a type, a $ref or a combination', () =>
      expect(untypedSchemas(document)).to.deep.equal([]));

    it('gives an example of every request body', () => expect(bodiesWithoutExample(document)).to.deep.equal([]));

    it('documents every route express serves', () => {
      const documented = new Set(documentedOperations(document));
      const served = servedRoutes(engine.app);
      expect(served.length).to.be.above(50);
      expect(served.filter((route) => !documented.has(route))).to.deep.equal([]);
    });

    it("documents Twilio's callbacks, signed with X-Twilio-Signature (HMAC-SHA1 over the URL and the sorted parameters)", () => {
      expect(documentedOperations(document)).to.include.members(twilioCallbacks);
      for (const route of twilioCallbacks) {
        const [method, path] = route.split(' ') as [string, string];
        const operation = document['paths'][path.replace(/:(\w+)/g, '{$1}')][method.toLowerCase()];
        expect(operation.security, route).to.deep.equal([{ twilioSignature: [] }]);
        expect(Object.keys(operation.requestBody.content), route).to.deep.equal(['application/x-www-form-urlencoded']);
      }
      const scheme = document['components']['securitySchemes']['twilioSignature'];
      expect(scheme).to.include({ type: 'apiKey', in: 'header', name: 'X-Twilio-Signature' });
      expect(scheme.description)
        .to.match(/HMAC-SHA1/)
        .and.to.match(/sorted by name/)
        .and.to.match(/URL/);
    });

    it('serves a readable reference at /docs, with no key, whose script this server serves itself', async () => {
      const page = await fetch(`${engine.url}/docs`);
      expect(page.status).to.equal(200);
      expect(page.headers.get('content-type')).to.match(/^text\/html/);
      const html = await page.text();
      expect(html).to.contain('spec-url="/openapi.json"');
      const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]!);
      expect(scripts).to.have.length(1);
      expect(scripts[0]).to.match(/^\/[^/]/, 'a path on this server, not another host');
      const script = await fetch(`${engine.url}${scripts[0]}`);
      expect(script.status).to.equal(200);
      expect(script.headers.get('content-type')).to.match(/^application\/javascript/);
      expect(await script.text()).to.contain('Redoc');
    });
  });

describe('the request body examples of /openapi.json', function () {
  this.timeout(60_000);
  let api: Api;
  before(async () => (api = await startApi()));
  after(() => api.close());

  it('are bodies their routes take: sent as documented, none is refused as invalid, of the wrong type, or missing', async () => {
    const document = (await api.call('GET', '/openapi.json')).body as Json;
    const { apiKey } = await api.createCompany();
    const tried: string[] = [];
    for (const [path, operations] of Object.entries<Json>(document['paths']))
      for (const [method, operation] of Object.entries<Json>(operations)) {
        const security = Object.keys(operation['security']?.[0] ?? {})[0];
        if (security !== 'apiKey' && security !== 'adminToken') continue;
        for (const [type, media] of Object.entries<Json>(operation['requestBody']?.['content'] ?? {})) {
          const concrete = path.replace(/\{\w+\}/g, '01937a3c-5d2e-7a10-8b1c-4e5f6a7b8c9d');
          const body =
            typeof media['example'] === 'string'
              ? media['example']
              : JSON.stringify(media['example'] ?? Object.values<Json>(media['examples'])[0]!['value']);
          const answer = await api.call(method.toUpperCase(), concrete, {
            key: security === 'apiKey' ? apiKey : ADMIN_TOKEN,
            body,
            headers: { 'content-type': type, 'idempotency-key': `example-${tried.length}` },
          });
          expect([400, 415], `${method.toUpperCase()} ${path}: ${answer.text}`).not.to.include(answer.status);
          expect(answer.status, `${method.toUpperCase()} ${path}: ${answer.text}`).to.be.below(500);
          tried.push(`${method.toUpperCase()} ${path}`);
        }
      }
    expect(tried).to.include.members([
      'POST /v1/agents',
      'PATCH /v1/campaigns/{id}',
      'POST /v1/lists/{id}/cases/import',
      'POST /v1/companies',
    ]);
  });
});
