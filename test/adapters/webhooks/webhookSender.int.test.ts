import { expect } from 'chai';
import { Webhook } from 'standardwebhooks';
import { signedWebhook } from '../../../commands/webhooks/signedWebhook.ts';
import { newWebhookSecret } from '../../../commands/webhooks/webhookSecrets.ts';
import { httpWebhookSender, type ResolveHost } from '../../../adapters/webhooks/webhookSender.ts';
import { webhookReceiver } from '../../support/webhookReceiver.ts';

/** A name no public DNS knows, resolved here to this machine: what a name pointed at an internal host looks like. */
const internalName = 'hooks.hartley-vance.test';
const toLoopback: ResolveHost = async (host) => (host === internalName ? [{ address: '127.0.0.1', family: 4 }] : []);
const message = {
  id: '01900000-0000-7000-8000-00000000d001',
  type: 'campaign.paused',
  occurredAt: '2026-03-02T15:00:00.000Z',
  campaignId: 'c1',
  data: { at: '2026-03-02T15:00:00.000Z' },
};

describe('sending a webhook', () => {
  let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
  beforeEach(async () => (receiver = await webhookReceiver(() => ({ status: 202 }))));
  afterEach(() => receiver.close());

  it('given a signed webhook, then the receiver gets it and any Standard Webhooks library verifies its signature with the secret', async () => {
    const secret = newWebhookSecret();
    const signed = signedWebhook(message, secret, new Date());
    const answer = await httpWebhookSender({ allowPrivate: true })({ url: receiver.url, ...signed });
    expect(answer.statusCode).to.equal(202);
    expect(answer.latencyMs).to.be.a('number').and.at.least(0);
    const [got] = receiver.received;
    expect(JSON.parse(got!.body)).to.deep.equal(message);
    expect(new Webhook(secret).verify(got!.body, got!.headers as Record<string, string>)).to.deep.equal(message);
    expect(() => new Webhook(newWebhookSecret()).verify(got!.body, got!.headers as Record<string, string>)).to.throw();
  });

  it('given a name that resolves to 127.0.0.1 and private addresses not allowed, then nothing is sent and the error says why', async () => {
    const answer = await httpWebhookSender({ resolve: toLoopback })({
      url: `http://${internalName}:${receiver.port}/hooks`,
      headers: {},
      body: '{}',
    });
    expect(answer.statusCode).to.equal(undefined);
    expect(answer.error).to.equal(
      `refused: ${internalName} resolves to 127.0.0.1, a private, loopback or link-local address`,
    );
    expect(receiver.received).to.have.length(0);
  });

  it('given localhost through the system resolver, or a literal loopback or metadata address, then nothing is sent', async () => {
    const send = httpWebhookSender();
    for (const url of [
      `http://localhost:${receiver.port}/hooks`,
      receiver.url,
      `http://[::ffff:127.0.0.1]:${receiver.port}/`,
      'http://169.254.169.254/latest/meta-data',
    ]) {
      const answer = await send({ url, headers: {}, body: '{}' });
      expect(answer.error, url).to.match(/^refused: .* a private, loopback or link-local address$/);
    }
    expect(receiver.received).to.have.length(0);
  });

  it('given WEBHOOK_ALLOW_PRIVATE, then the name is sent to, on the very address that was checked (public DNS does not know the name)', async () => {
    const answer = await httpWebhookSender({ resolve: toLoopback, allowPrivate: true })({
      url: `http://${internalName}:${receiver.port}/hooks`,
      headers: { 'webhook-id': 'x' },
      body: '{}',
    });
    expect(answer.statusCode).to.equal(202);
    expect(receiver.received[0]!.headers['host']).to.equal(`${internalName}:${receiver.port}`);
  });

  it('given a receiver slower than the timeout, then the attempt ends at the timeout with an error', async () => {
    receiver.answerWith(() => ({ status: 200, delayMs: 2000 }));
    const answer = await httpWebhookSender({ allowPrivate: true, timeoutMs: 300 })({
      url: receiver.url,
      headers: {},
      body: '{}',
    });
    expect(answer).to.include({ error: 'timed out after 300 ms' });
    expect(answer.latencyMs).to.be.within(250, 1500);
  });

  it('given nothing listening, then the connection error is the answer', async () => {
    await receiver.close();
    const answer = await httpWebhookSender({ allowPrivate: true })({ url: receiver.url, headers: {}, body: '{}' });
    expect(answer.error).to.match(/ECONNREFUSED/);
    receiver = await webhookReceiver();
  });

  it('given something that is not an http(s) URL, then it is refused without a request', async () => {
    expect(
      await httpWebhookSender({ allowPrivate: true })({ url: 'file:///etc/passwd', headers: {}, body: '' }),
    ).to.deep.equal({ latencyMs: 0, error: 'refused: not an http(s) URL' });
  });
});
