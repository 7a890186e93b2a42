import { expect } from 'chai';
import express from 'express';
import { Router } from 'express';
import { eventRegistry } from '../../domain/events/eventRegistry.ts';
import { idempotencyEventDefinitions } from '../../domain/idempotency/events.ts';
import { commandHandler } from '../../commands/handleCommand.ts';
import { idempotency } from '../../http/idempotency/idempotency.ts';
import { idempotentCommandId } from '../../http/idempotency/idempotentCommandId.ts';
import { problemHandler } from '../../http/problemDetails.ts';
import { keepRawBody } from '../../http/rawBody.ts';
import { startApi } from '../support/apiHarness.ts';
import type { RunningServer } from '../../http/server.ts';
import { listenWatched } from '../support/problemMessages.ts';
import { tallyDecider, tallyEventDefinitions, tallyRegistry } from '../support/tally.ts';
import { createHash } from 'node:crypto';
import { eventId } from '../../commands/eventIds.ts';
import { tempStores } from '../support/tempStores.ts';

const registry = eventRegistry([...tallyEventDefinitions, ...idempotencyEventDefinitions]);

describe('Idempotency-Key', () => {
  let stores: ReturnType<typeof tempStores>;
  let server: RunningServer;
  let executions: number;
  let sequence = 0;
  let now = new Date('2026-11-30T12:00:00Z');

  beforeEach(async () => {
    stores = tempStores(registry);
    executions = 0;
    const handle = commandHandler({ store: stores.eventStore, registry: tallyRegistry, decider: tallyDecider });
    const app = express();
    app.use(express.json({ verify: keepRawBody }));
    app.use(
      idempotency({
        eventStore: stores.eventStore,
        registry,
        clock: () => now,
        newId: () => `id-${++sequence}`,
        scopeOf: async (req) =>
          req.get('authorization') ? { scope: req.get('authorization')!, actor: 'test' } : undefined,
      }),
    );
    const routes = Router();
    routes.post('/tallies/:id', async (req, res, next) => {
      try {
        executions++;
        if (req.body.by === 0) return void res.status(400).json({ title: 'by must not be 0' });
        if (req.body.by === -1) throw new Error('boom');
        const commandId = idempotentCommandId(req) ?? `fresh-${++sequence}`;
        const result = await handle(
          `tally-${req.params.id}`,
          { type: 'Increment', data: { tallyId: req.params.id!, companyId: 'c', by: req.body.by } },
          { commandId, companyId: 'c', actor: 't', now },
        );
        res.status(201).json({ id: req.params.id, total: result.newState.total, position: String(result.position) });
      } catch (error) {
        next(error);
      }
    });
    app.use(routes);
    app.use(problemHandler);
    server = await listenWatched(app);
  });
  afterEach(async () => {
    await server.close(10);
    await stores.dispose();
  });

  const post = (path: string, body: unknown, key?: string, company = 'company-a') =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: company,
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: JSON.stringify(body),
    });

  const tallyEventCount = async (id: string) => {
    let n = 0;
    for await (const _ of stores.eventStore.readStream(`tally-${id}`)) n++;
    return n;
  };

  it('answers the same key and body with the first answer, running the request once', async () => {
    const first = await post('/tallies/a', { by: 2 }, 'key-1');
    const again = await post('/tallies/a', { by: 2 }, 'key-1');
    expect(first.status).to.equal(201);
    expect(again.status).to.equal(201);
    expect(await again.json()).to.deep.equal(await first.json());
    expect(again.headers.get('idempotent-replayed')).to.equal('true');
    expect(executions).to.equal(1);
    expect(await tallyEventCount('a')).to.equal(2);
  });

  it('runs requests without a key every time', async () => {
    await post('/tallies/a', { by: 2 });
    await post('/tallies/a', { by: 2 });
    expect(executions).to.equal(2);
    expect(await tallyEventCount('a')).to.equal(3);
  });

  it('refuses the key with another body (422) and while the first request still runs (409)', async () => {
    await post('/tallies/a', { by: 2 }, 'key-1');
    const reused = await post('/tallies/a', { by: 3 }, 'key-1');
    expect(reused.status).to.equal(422);
    expect(((await reused.json()) as { code: string }).code).to.equal('IDEMPOTENCY.KEY_REUSED');
    const [one, two] = await Promise.all([
      post('/tallies/b', { by: 1 }, 'key-2'),
      post('/tallies/b', { by: 1 }, 'key-2'),
    ]);
    expect([one.status, two.status].sort()).to.deep.equal([201, 409]);
    expect(await tallyEventCount('b')).to.equal(2);
  });

  it('keeps keys apart per company', async () => {
    await post('/tallies/a', { by: 2 }, 'key-1', 'company-a');
    const other = await post('/tallies/c', { by: 2 }, 'key-1', 'company-b');
    expect(other.status).to.equal(201);
    expect(executions).to.equal(2);
  });

  it('replays a refusal too, and lets the key be used again after a server failure', async () => {
    expect((await post('/tallies/a', { by: 0 }, 'key-3')).status).to.equal(400);
    expect((await post('/tallies/a', { by: 0 }, 'key-3')).status).to.equal(400);
    expect(executions).to.equal(1);
    expect((await post('/tallies/a', { by: -1 }, 'key-4')).status).to.equal(500);
    expect((await post('/tallies/a', { by: -1 }, 'key-4')).status).to.equal(500);
    expect(executions).to.equal(3);
  });

  it('treats an attempt unanswered for a minute as dead, so the key can be used again', async () => {
    // A first attempt that died after claiming the key, before it answered.
    const keyHash = createHash('sha256').update(['company-a', 'key-5'].join('\u0000')).digest('hex').slice(0, 32);
    const metadata = {
      companyId: 'company-a',
      commandId: 'dead',
      correlationId: 'dead',
      causationId: 'dead',
      actor: 't',
      occurredAt: now.toISOString(),
      schemaVersion: 1,
    };
    await stores.eventStore.append(
      `idempotency-company-a.${keyHash}`,
      [
        {
          id: eventId('dead', 0, now),
          type: 'IdempotentRequestStarted',
          data: { method: 'POST', path: '/tallies/d', requestHash: 'x' },
          metadata,
        },
      ],
      'no_stream',
    );
    expect((await post('/tallies/d', { by: 1 }, 'key-5')).status).to.equal(409);
    expect(executions).to.equal(0);
    now = new Date(now.getTime() + 61_000);
    expect((await post('/tallies/d', { by: 1 }, 'key-5')).status).to.equal(201);
    expect(executions).to.equal(1);
    expect((await post('/tallies/d', { by: 1 }, 'key-5')).headers.get('idempotent-replayed')).to.equal('true');
  });

  it('refuses a malformed key, naming the header', async () => {
    const answer = await post('/tallies/a', { by: 1 }, 'x'.repeat(300));
    expect(answer.status).to.equal(400);
    expect(((await answer.json()) as { errors: { path: string }[] }).errors[0]!.path).to.equal('Idempotency-Key');
  });

  it('answers a deeply nested body sent with a key as bad input, not a server failure', async () => {
    const api = await startApi();
    try {
      const { apiKey } = await api.createCompany();
      const before = await api.eventCount();
      const deep = `${'['.repeat(5000)}"x"${']'.repeat(5000)}`;
      const answer = await api.call('POST', '/v1/forms', {
        key: apiKey,
        body: deep,
        headers: { 'idempotency-key': 'deep-1' },
      });
      expect(answer.status).to.equal(400);
      const again = await api.call('POST', '/v1/forms', {
        key: apiKey,
        body: deep,
        headers: { 'idempotency-key': 'deep-1' },
      });
      expect(again.status).to.equal(400);
      expect(again.headers.get('idempotent-replayed')).to.equal('true');
      // Only the key's own bookkeeping (claim and recorded answer) is written.
      expect(await api.eventCount()).to.equal(before + 2n);
    } finally {
      await api.close();
    }
  });
});
