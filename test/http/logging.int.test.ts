import { expect } from 'chai';
import { Router } from 'express';
import { createLogger } from '../../http/logging.ts';
import { startTestServer, type TestServer } from './testServer.ts';

const phone = '+15551234567';
const email = 'jane.doe@example.com';

const router = (): Router => {
  const r = Router();
  r.post('/v1/lists/:id/cases', (req, res) => {
    req.log.info({ body: req.body }, `added a case for ${phone}`);
    res.status(201).json({ added: 1 });
  });
  r.get('/explode', () => {
    throw new Error(`carrier refused ${phone} and ${email}`);
  });
  return r;
};

describe('request logging', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ routers: [router()] });
  });
  afterEach(() => server.close());

  it('logs one line per request with method, masked URL, status and request id, and no credentials or bodies', async () => {
    const response = await fetch(
      `${server.url}/v1/lists/l-1/cases?phone=${encodeURIComponent(phone)}&email=${encodeURIComponent(email)}&cc=${encodeURIComponent(email)}&recipient=${phone}&to=2026-12-31`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: 'Bearer sk_live_secret_api_key',
          'x-request-id': 'trace-42',
        },
        body: JSON.stringify({ name: 'Jane Doe', phone, email, note: 'message body: settle for 10k' }),
      },
    );
    expect(response.status).to.equal(201);
    expect(response.headers.get('x-request-id')).to.equal('trace-42');
    const text = server.logText();
    expect(text)
      .not.to.contain('5551234567')
      .and.not.to.contain('jane.doe')
      .and.not.to.contain('sk_live_secret_api_key');
    expect(text).not.to.contain('settle for 10k');
    const completed = server
      .logs()
      .find((line) => (line.res as { statusCode?: number } | undefined)?.statusCode === 201);
    expect(completed, 'a completion line').to.exist;
    expect(completed?.req).to.deep.include({ id: 'trace-42', method: 'POST' });
    expect((completed?.req as { url: string }).url).to.equal(
      '/v1/lists/l-1/cases?phone=[redacted]&email=[redacted]&cc=[redacted]&recipient=[redacted]&to=2026-12-31',
    );
  });

  it('masks contact details in a logged server error', async () => {
    const response = await fetch(`${server.url}/explode`);
    expect(response.status).to.equal(500);
    const text = server.logText();
    expect(text).to.contain('carrier refused +*********67 and j***@example.com');
    expect(text).not.to.contain('5551234567').and.not.to.contain('jane.doe');
  });

  it('gives each request a fresh id when the caller sends none or an unusable one', async () => {
    const first = await fetch(`${server.url}/healthz`);
    const second = await fetch(`${server.url}/healthz`, {
      headers: { 'x-request-id': 'bad id with spaces and {json}' },
    });
    const [a, b] = [first.headers.get('x-request-id'), second.headers.get('x-request-id')];
    expect(a).to.match(/^[0-9a-f-]{36}$/);
    expect(b).to.match(/^[0-9a-f-]{36}$/);
    expect(a).not.to.equal(b);
  });

  it('does not log liveness probes or metric scrapes', async () => {
    await fetch(`${server.url}/healthz`);
    await fetch(`${server.url}/metrics`);
    await fetch(`${server.url}/readyz`);
    const urls = server.logs().map((line) => (line.req as { url?: string } | undefined)?.url);
    expect(urls).to.deep.equal(['/readyz']);
  });
});

describe('createLogger', () => {
  const capture = () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
    return { logger, text: () => lines.join('') };
  };

  it('masks phone numbers and emails in messages, interpolations and nested fields', () => {
    const { logger, text } = capture();
    logger.info({ to: phone, contact: { emails: [email] } }, 'sent to %s via %s', phone, email);
    expect(text()).not.to.contain('5551234567').and.not.to.contain('jane.doe');
    expect(text()).to.contain('+*********67').and.contain('j***@example.com');
  });

  it('masks an error logged on its own', () => {
    const { logger, text } = capture();
    logger.error(new Error(`could not reach ${phone}`));
    expect(text()).to.contain('could not reach +*********67').and.not.to.contain('5551234567');
  });

  it('masks the fields, causes and aggregated errors of a logged error', () => {
    const { logger, text } = capture();
    const refused = Object.assign(new Error('carrier refused 3125550111'), { to: phone, details: { email } });
    logger.error(
      { err: new AggregateError([refused, new Error('x', { cause: refused })], 'dispatch failed') },
      'outreach',
    );
    logger.error({ err: new Error('dispatch failed', { cause: refused }) }, 'outreach');
    expect(text()).to.contain('carrier refused ********11').and.contain('+*********67');
    expect(text()).not.to.contain('5551234567').and.not.to.contain('3125550111').and.not.to.contain('jane.doe');
  });

  it('drops bodies and credentials whatever they hold', () => {
    const { logger, text } = capture();
    logger.info({
      sms: { body: 'Your hearing is on Monday', to: phone },
      headers: { authorization: 'Bearer k' },
      authToken: 'tw-secret',
    });
    expect(text()).not.to.contain('hearing').and.not.to.contain('Bearer k').and.not.to.contain('tw-secret');
    expect(text()).to.contain('[redacted]');
  });
});
