import { expect } from 'chai';
import { Router } from 'express';
import * as t from 'io-ts';
import type { Readiness } from '../../http/readiness.ts';
import { createRouteRegistry, documentedRoute } from '../../http/routeRegistry.ts';
import { healthyReadiness, startTestServer, type TestServer } from './testServer.ts';

const projection = (lag: number) => ({
  name: 'campaigns',
  version: 2,
  checkpoint: 12345678901234567890n - BigInt(lag),
  head: 12345678901234567890n,
  lag,
});

describe('operational routes', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const readyz = async (readiness: Readiness, maxLag = 100) => {
    server = await startTestServer({ readiness, readyz: { maxLag, timeoutMs: 100 } });
    const response = await fetch(`${server.url}/readyz`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('GET /healthz answers 200 {status: ok}', async () => {
    server = await startTestServer();
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.match(/^application\/json/);
    expect(await response.json()).to.deep.equal({ status: 'ok' });
  });

  describe('GET /readyz', () => {
    it('answers 200 when both stores answer and lag is within the bound, with positions as strings', async () => {
      const { status, body } = await readyz(healthyReadiness([projection(100)]), 100);
      expect(status).to.equal(200);
      expect(body).to.deep.equal({
        status: 'ready',
        eventStore: 'up',
        readStore: 'up',
        maxLag: 100,
        projections: [
          {
            name: 'campaigns',
            version: 2,
            checkpoint: '12345678901234567790',
            head: '12345678901234567890',
            lag: 100,
            status: 'ok',
          },
        ],
        problems: [],
      });
    });

    it('answers 503 when the event store is down', async () => {
      const { status, body } = await readyz({ ...healthyReadiness(), eventStore: async () => false });
      expect(status).to.equal(503);
      expect(body).to.include({ status: 'not_ready', eventStore: 'down', readStore: 'up' });
      expect(body.problems).to.deep.equal(['event store unreachable']);
    });

    it('answers 503 when the read store check throws', async () => {
      const { status, body } = await readyz({
        ...healthyReadiness(),
        readStore: async () => {
          throw new Error('connection refused');
        },
      });
      expect(status).to.equal(503);
      expect(body).to.include({ readStore: 'down', eventStore: 'up' });
    });

    it('says which process runs each projection when they run under leases', async () => {
      const { body } = await readyz(healthyReadiness([{ ...projection(0), active: false, heldBy: 'engine-2' }]), 100);
      expect((body.projections as object[])[0]).to.include({ status: 'ok', active: false, heldBy: 'engine-2' });
    });

    it('answers 503 when a projection lags more than the bound', async () => {
      const { status, body } = await readyz(healthyReadiness([projection(101)]), 100);
      expect(status).to.equal(503);
      expect(body.problems).to.deep.equal(['projection campaigns v2 lags by 101 events (at most 100)']);
      expect((body.projections as { status: string }[])[0]?.status).to.equal('lagging');
    });

    it('answers 503 when a projection has stopped, saying why', async () => {
      const { status, body } = await readyz(
        healthyReadiness([{ ...projection(0), failed: 'cannot decode event X at s@3' }]),
        100,
      );
      expect(status).to.equal(503);
      expect(body.problems).to.deep.equal(['projection campaigns v2 stopped: cannot decode event X at s@3']);
      expect((body.projections as { status: string; failed: string }[])[0]).to.include({
        status: 'stopped',
        failed: 'cannot decode event X at s@3',
      });
    });

    it('answers 503 when a check hangs past its timeout', async () => {
      const started = Date.now();
      const { status, body } = await readyz({ ...healthyReadiness(), projections: () => new Promise(() => undefined) });
      expect(status).to.equal(503);
      expect(body.problems).to.deep.equal(['projection status unavailable']);
      expect(Date.now() - started).to.be.lessThan(2000);
    });
  });

  it('GET /metrics serves default metrics and the request histogram by method, route pattern and status', async () => {
    const routes = createRouteRegistry();
    const things = Router();
    documentedRoute(
      things,
      routes,
      { method: 'get', path: '/things/:id', summary: 'a thing', responses: { 200: { description: 'ok' } } },
      (req, res) => {
        res.json({ id: req.params.id });
      },
    );
    server = await startTestServer({ routes, routers: [things] });
    await fetch(`${server.url}/healthz`);
    await fetch(`${server.url}/things/abc-123`);
    await fetch(`${server.url}/no/such/route/xyz`);
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.match(/^text\/plain/);
    const text = await response.text();
    expect(text).to.contain('process_cpu_user_seconds_total');
    expect(text).to.match(
      /http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/healthz",status="200"\} \d+/,
    );
    expect(text).to.match(/http_request_duration_seconds_count\{method="GET",route="\/things\/:id",status="200"\} 1/);
    expect(text).to.match(/http_request_duration_seconds_count\{method="GET",route="unmatched",status="404"\} 1/);
    expect(text).not.to.contain('abc-123').and.not.to.contain('xyz');
  });

  it('GET /openapi.json documents the operational routes and every route a router registers', async () => {
    const routes = createRouteRegistry();
    const lists = Router();
    documentedRoute(
      lists,
      routes,
      {
        method: 'post',
        path: '/v1/lists/:id/cases',
        summary: 'Add cases to a list',
        security: 'apiKey',
        requestBody: { schema: t.type({ cases: t.array(t.type({ externalId: t.string })) }) },
        responses: { 200: { description: 'added' } },
      },
      (_req, res) => {
        res.json({});
      },
    );
    server = await startTestServer({ routes, routers: [lists] });
    const response = await fetch(`${server.url}/openapi.json`);
    expect(response.status).to.equal(200);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    expect(doc.openapi).to.equal('3.1.0');
    expect(Object.keys(doc.paths)).to.include.members([
      '/healthz',
      '/readyz',
      '/metrics',
      '/openapi.json',
      '/v1/lists/{id}/cases',
    ]);
    for (const path of ['/healthz', '/readyz', '/metrics', '/openapi.json'])
      expect(doc.paths[path]?.get?.summary).to.be.a('string').and.not.empty;
    expect(doc.paths['/readyz']?.get?.responses).to.have.keys('200', '503');
    const addCases = doc.paths['/v1/lists/{id}/cases']?.post;
    expect(addCases?.parameters).to.deep.equal([
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
    ]);
    expect(addCases?.security).to.deep.equal([{ apiKey: [] }]);
    expect(addCases?.requestBody).to.deep.equal({
      required: true,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: {
              cases: {
                type: 'array',
                items: { type: 'object', properties: { externalId: { type: 'string' } }, required: ['externalId'] },
              },
            },
            required: ['cases'],
          },
        },
      },
    });
  });
});
