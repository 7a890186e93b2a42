import { expect } from 'chai';
import { Router } from 'express';
import * as t from 'io-ts';
import { decodeBody } from '../../http/decodeBody.ts';
import {
  ConcurrencyError,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  UnauthorizedError,
  ValidationError,
} from '../../domain/errors.ts';
import { startTestServer, type TestServer } from './testServer.ts';

/** Test-only routes that throw each kind of error, echo bodies and decode with a codec. */
const throwingRouter = (): Router => {
  const router = Router();
  const errors: Record<string, () => Error> = {
    validation: () =>
      new ValidationError('CAMPAIGN.INVALID', 'name is too long', [{ path: 'name', message: 'at most 80 characters' }]),
    unauthorized: () => new UnauthorizedError('AUTH.MISSING_KEY', 'an API key is required'),
    forbidden: () => new ForbiddenError('AUTH.NOT_ADMIN', 'the admin token is required'),
    'not-found': () => new NotFoundError('CAMPAIGN.NOT_FOUND', 'no campaign c-1'),
    concurrency: () => new ConcurrencyError('campaign-c-1', '3', '4'),
    'illegal-state': () => new IllegalStateError('CAMPAIGN.NOT_A_DRAFT', 'only a draft can be deleted'),
    'launch-problems': () =>
      new IllegalStateError('CAMPAIGN.NOT_LAUNCHABLE', 'the campaign cannot launch', [
        { path: 'listId', message: 'a list is required' },
        { path: 'agentId', message: 'a voice campaign needs an agent' },
      ]),
    surprise: () => new Error('SQLITE_CORRUPT at /var/lib/secret.db while calling +15551234567'),
  };
  router.all('/boom/:kind', (req) => {
    const make = errors[req.params.kind as string];
    if (!make) throw new Error('unknown kind');
    throw make();
  });
  router.get('/boom-async', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    throw new NotFoundError('THING.NOT_FOUND', 'no such thing');
  });
  router.post('/echo', (req, res) => {
    res.json({
      kind: typeof req.body,
      length: typeof req.body === 'string' ? req.body.length : JSON.stringify(req.body ?? null).length,
    });
  });
  const Contacts = t.type({ name: t.string, contacts: t.array(t.type({ phone: t.string })) });
  router.post('/decode', (req, res) => {
    const body = decodeBody(Contacts, req.body);
    res.json({ name: body.name });
  });
  return router;
};

type ProblemBody = { type: string; title: string; status: number; detail: string; code?: string; errors?: unknown[] };

describe('problem+json errors', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({
      routers: [throwingRouter()],
      limits: { jsonBytes: 1024 ** 2, csvBytes: 10 * 1024 ** 2 },
    });
  });
  after(() => server.close());

  const call = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${server.url}${path}`, init);
    const contentType = response.headers.get('content-type') ?? '';
    const text = await response.text();
    return { status: response.status, contentType, text, body: JSON.parse(text) as ProblemBody };
  };

  const cases: [string, number, string, RequestInit?][] = [
    ['validation', 400, 'CAMPAIGN.INVALID'],
    ['unauthorized', 401, 'AUTH.MISSING_KEY'],
    ['forbidden', 403, 'AUTH.NOT_ADMIN'],
    ['not-found', 404, 'CAMPAIGN.NOT_FOUND'],
    ['concurrency', 409, 'STREAM.WRONG_EXPECTED_REVISION'],
    ['concurrency', 412, 'STREAM.WRONG_EXPECTED_REVISION', { method: 'PATCH', headers: { 'If-Match': '3' } }],
    ['illegal-state', 409, 'CAMPAIGN.NOT_A_DRAFT'],
    ['launch-problems', 422, 'CAMPAIGN.NOT_LAUNCHABLE'],
  ];
  for (const [kind, status, code, init] of cases) {
    it(`answers ${status} problem+json for ${kind}${init ? ' with If-Match' : ''}`, async () => {
      const response = await call(`/boom/${kind}`, init);
      expect(response.status).to.equal(status);
      expect(response.contentType).to.match(/^application\/problem\+json/);
      expect(response.body).to.include({ status, code });
      expect(response.body.type).to.match(/^urn:outreach:problem:/);
      expect(response.body.title).to.be.a('string').and.not.empty;
      expect(response.body.detail).to.be.a('string').and.not.empty;
    });
  }

  it('lists the field errors of a validation error', async () => {
    const { body } = await call('/boom/validation');
    expect(body.errors).to.deep.equal([{ path: 'name', message: 'at most 80 characters' }]);
  });

  it('lists every launch problem at once with 422', async () => {
    const { body } = await call('/boom/launch-problems');
    expect(body.errors).to.deep.equal([
      { path: 'listId', message: 'a list is required' },
      { path: 'agentId', message: 'a voice campaign needs an agent' },
    ]);
  });

  it('maps an error from an async handler', async () => {
    const { status, body } = await call('/boom-async');
    expect(status).to.equal(404);
    expect(body.code).to.equal('THING.NOT_FOUND');
  });

  it('answers 500 for anything else without leaking its message, and logs it', async () => {
    const { status, contentType, text, body } = await call('/boom/surprise');
    expect(status).to.equal(500);
    expect(contentType).to.match(/^application\/problem\+json/);
    expect(Object.keys(body).sort()).to.deep.equal(['detail', 'status', 'title', 'type']);
    expect(text).not.to.contain('SQLITE').and.not.to.contain('secret.db').and.not.to.contain('5551234567');
    const logged = server.logs().find((line) => line.level === 50 && JSON.stringify(line).includes('SQLITE_CORRUPT'));
    expect(logged, 'the error is logged').to.exist;
    expect(JSON.stringify(logged)).not.to.contain('5551234567');
  });

  it('answers 404 problem+json for an unknown route', async () => {
    const { status, contentType, body } = await call('/v1/nothing-here', { method: 'DELETE' });
    expect(status).to.equal(404);
    expect(contentType).to.match(/^application\/problem\+json/);
    expect(body.code).to.equal('ROUTE.NOT_FOUND');
  });

  it('answers 400 for malformed JSON without quoting it', async () => {
    const { status, contentType, text, body } = await call('/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"phone": "+15551234567",',
    });
    expect(status).to.equal(400);
    expect(contentType).to.match(/^application\/problem\+json/);
    expect(body.code).to.equal('REQUEST.MALFORMED_BODY');
    expect(text).not.to.contain('5551234567');
  });

  it('answers 413 for a JSON body over 1 MB and accepts one just under', async () => {
    const payload = (size: number) => JSON.stringify({ data: 'x'.repeat(size - 11) });
    expect(payload(1024 ** 2)).to.have.length(1024 ** 2);
    const under = await call('/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: payload(1024 ** 2),
    });
    expect(under.status).to.equal(200);
    const over = await call('/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: payload(1024 ** 2 + 1),
    });
    expect(over.status).to.equal(413);
    expect(over.contentType).to.match(/^application\/problem\+json/);
    expect(over.body.code).to.equal('REQUEST.BODY_TOO_LARGE');
  });

  it('accepts text/csv bodies far larger than the JSON limit', async () => {
    const csv = 'externalId,caseType,name,phone\n' + 'c-1,injury,Jane,+15551234567\n'.repeat(100_000);
    expect(csv.length).to.be.greaterThan(2 * 1024 ** 2);
    const response = await fetch(`${server.url}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });
    expect(response.status).to.equal(200);
    expect(await response.json()).to.deep.equal({ kind: 'string', length: csv.length });
  });

  it('names each failing path when a body does not decode', async () => {
    const { status, body } = await call('/decode', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 5, contacts: [{ phone: '+15551234567' }, {}] }),
    });
    expect(status).to.equal(400);
    expect(body.code).to.equal('REQUEST.INVALID_BODY');
    expect((body.errors as { path: string }[]).map((e) => e.path)).to.deep.equal(['name', 'contacts.1.phone']);
  });

  it('answers 400 when a decoding route gets no JSON body at all', async () => {
    const { status, body } = await call('/decode', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(status).to.equal(400);
    expect(body.errors).to.deep.equal([{ path: '(root)', message: 'expected a JSON body' }]);
  });
});

describe('configured body limits', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ routers: [throwingRouter()], limits: { jsonBytes: 100, csvBytes: 1000 } });
  });
  after(() => server.close());

  const post = (contentType: string, body: string) =>
    fetch(`${server.url}/echo`, { method: 'POST', headers: { 'content-type': contentType }, body }).then(
      (r) => r.status,
    );

  it('applies the JSON limit it was given', async () => {
    expect(await post('application/json', JSON.stringify({ a: 'x'.repeat(50) }))).to.equal(200);
    expect(await post('application/json', JSON.stringify({ a: 'x'.repeat(150) }))).to.equal(413);
  });

  it('applies the CSV limit it was given', async () => {
    expect(await post('text/csv', 'a\n'.repeat(400))).to.equal(200);
    expect(await post('text/csv', 'a\n'.repeat(600))).to.equal(413);
  });
});
