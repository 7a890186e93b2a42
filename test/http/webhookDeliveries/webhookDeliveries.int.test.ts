import { expect } from 'chai';
import { Webhook } from 'standardwebhooks';
import { startApi, type Api } from '../../support/apiHarness.ts';
import { errorPaths, refusedWithoutEvents } from '../../support/refused.ts';
import { webhookReceiver } from '../../support/webhookReceiver.ts';
import { launchableDraft, type Company } from '../campaigns/campaignSetup.ts';
import { launchFacts } from '../../../commands/campaigns/launchFacts.ts';
import { federalCallingHours } from '../../../domain/outreach/callingHoursRules.ts';

describe('campaign webhooks over HTTP', function () {
  this.timeout(60_000);
  let api: Api;
  let a: Company;
  let b: Company;
  let receiver: Awaited<ReturnType<typeof webhookReceiver>>;

  before(async () => {
    api = await startApi({ webhooks: { allowPrivate: true } });
    a = await api.createCompany('Hartley & Vance LLP');
    b = await api.createCompany('Other Firm LLP');
    receiver = await webhookReceiver();
  });
  after(async () => {
    await receiver.close();
    await api.close();
  });
  beforeEach(() => receiver.answerWith(() => ({ status: 200 })));

  const post = (path: string, key = a.apiKey, headers: Record<string, string> = {}) =>
    api.call('POST', path, { key, headers });
  const get = (path: string, key = a.apiKey) => api.call('GET', path, { key });
  /** One scheduler tick; answers the query that reads the log once the tick's attempts are in it. */
  const tick = async (): Promise<string> => {
    const positions = (await api.webhooks.tick()).map((attempted) => attempted.position);
    return positions.length === 0 ? '' : `?minPosition=${positions.reduce((a, b) => (a > b ? a : b))}`;
  };
  const deliveries = async (campaignId: string, query = '') =>
    (await get(`/v1/campaigns/${campaignId}/webhook-deliveries${query}`)).body.items as any[];

  /** A voice draft whose external invocation posts to the receiver. */
  const draftWithWebhook = async (url = receiver.url) => {
    const { campaignId } = await launchableDraft(api, a);
    const saved = await api.call('PATCH', `/v1/campaigns/${campaignId}`, {
      key: a.apiKey,
      body: { externalInvocation: { enabled: true, webhookUrl: url } },
    });
    expect(saved.status, saved.text).to.equal(200);
    return campaignId;
  };

  it('given a draft, when its secret is rotated, then the secret is answered once, never by a GET, and a replay of the request answers null', async () => {
    const campaignId = await draftWithWebhook();
    const rotated = await post(`/v1/campaigns/${campaignId}/webhook-secret`, a.apiKey, {
      'Idempotency-Key': `rotate-${campaignId}`,
    });
    expect(rotated.status, rotated.text).to.equal(201);
    expect(rotated.body.secret).to.match(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(rotated.body.secret.slice('whsec_'.length), 'base64')).to.have.length(32);
    expect(rotated.headers.get('cache-control')).to.equal('no-store');
    const replay = await post(`/v1/campaigns/${campaignId}/webhook-secret`, a.apiKey, {
      'Idempotency-Key': `rotate-${campaignId}`,
    });
    expect(replay.body).to.include({ campaignId, secret: null, position: rotated.body.position });
    expect(await post(`/v1/campaigns/${campaignId}/launch`)).to.have.property('status', 200);
    for (const path of [
      `/v1/campaigns/${campaignId}`,
      `/v1/campaigns/${campaignId}/history`,
      `/v1/campaigns/${campaignId}/webhook-deliveries`,
      '/v1/campaigns',
    ])
      expect((await get(`${path}?minPosition=${rotated.body.position}`)).text, path).to.not.include(
        rotated.body.secret.slice(6),
      );
  });

  it("given another company's campaign, then rotating its secret and reading its deliveries answer 404 and append nothing", async () => {
    const campaignId = await draftWithWebhook();
    await refusedWithoutEvents(api, 404, () => post(`/v1/campaigns/${campaignId}/webhook-secret`, b.apiKey));
    await refusedWithoutEvents(api, 404, () => get(`/v1/campaigns/${campaignId}/webhook-deliveries`, b.apiKey));
  });

  it('given a launched campaign, then each event is delivered signed with the secret of the moment, and the log shows each attempt', async () => {
    const campaignId = await draftWithWebhook();
    const first = (await post(`/v1/campaigns/${campaignId}/webhook-secret`)).body.secret as string;
    await post(`/v1/campaigns/${campaignId}/launch`);
    await api.webhooks.tick();
    const second = (await post(`/v1/campaigns/${campaignId}/webhook-secret`)).body.secret as string;
    await post(`/v1/campaigns/${campaignId}/pause`, a.apiKey);
    const settled = await tick();

    const got = receiver.received.filter((r) => JSON.parse(r.body).campaignId === campaignId);
    expect(got.map((r) => JSON.parse(r.body).type)).to.deep.equal(['campaign.launched', 'campaign.paused']);
    expect(new Webhook(first).verify(got[0]!.body, got[0]!.headers as Record<string, string>)).to.include({
      type: 'campaign.launched',
      campaignId,
    });
    expect(new Webhook(second).verify(got[1]!.body, got[1]!.headers as Record<string, string>)).to.include({
      type: 'campaign.paused',
      campaignId,
    });
    expect(() => new Webhook(first).verify(got[1]!.body, got[1]!.headers as Record<string, string>)).to.throw();

    const log = await deliveries(campaignId, settled);
    expect(log.map((d) => [d.type, d.status, d.attempts.length, d.attempts[0].statusCode])).to.deep.equal([
      ['campaign.paused', 'delivered', 1, 200],
      ['campaign.launched', 'delivered', 1, 200],
    ]);
    expect(log[1].id).to.equal(got[0]!.headers['webhook-id']);
    expect(log[1].data).to.include({ name: 'Spring intake', caseCount: 2, contactCount: 2 });
    const paged = await get(`/v1/campaigns/${campaignId}/webhook-deliveries?limit=1`);
    expect(paged.body.items.map((d: any) => d.type)).to.deep.equal(['campaign.paused']);
    const rest = await get(
      `/v1/campaigns/${campaignId}/webhook-deliveries?limit=1&after=${encodeURIComponent(paged.body.next)}`,
    );
    expect(rest.body.items.map((d: any) => d.type)).to.deep.equal(['campaign.launched']);
  });

  it('given a failing delivery, when it is retried by hand, then one attempt goes out at once and is logged as manual; one waiting behind it answers 409', async () => {
    const campaignId = await draftWithWebhook();
    const secret = (await post(`/v1/campaigns/${campaignId}/webhook-secret`)).body.secret as string;
    receiver.answerWith(() => ({ status: 500 }));
    await post(`/v1/campaigns/${campaignId}/launch`);
    await post(`/v1/campaigns/${campaignId}/pause`);
    const [paused, launched] = await deliveries(campaignId, await tick());
    expect(launched.attempts.map((t: any) => [t.outcome, t.statusCode])).to.deep.equal([['retrying', 500]]);
    expect(paused.attempts).to.deep.equal([]);

    await refusedWithoutEvents(api, 409, () =>
      post(`/v1/campaigns/${campaignId}/webhook-deliveries/${paused.id}/retry`),
    );
    await refusedWithoutEvents(api, 404, () =>
      post(`/v1/campaigns/${campaignId}/webhook-deliveries/01900000-0000-7000-8000-000000000bad/retry`),
    );
    await refusedWithoutEvents(api, 404, () =>
      post(`/v1/campaigns/${campaignId}/webhook-deliveries/${launched.id}/retry`, b.apiKey),
    );

    receiver.answerWith(() => ({ status: 204 }));
    const retried = await post(`/v1/campaigns/${campaignId}/webhook-deliveries/${launched.id}/retry`);
    expect(retried.status, retried.text).to.equal(200);
    expect(retried.body).to.deep.include({ id: launched.id, outcome: 'delivered' });
    expect(retried.body.attempt).to.include({ attempt: 2, statusCode: 204, manual: true, outcome: 'delivered' });
    const last = receiver.received.at(-1)!;
    expect(new Webhook(secret).verify(last.body, last.headers as Record<string, string>)).to.include({
      id: launched.id,
    });

    const again = await post(`/v1/campaigns/${campaignId}/webhook-deliveries/${launched.id}/retry`);
    expect(again.body.attempt).to.include({ attempt: 3, manual: true });
    // The log is read once it holds the manual retry and what the tick then sent.
    const ticked = (await api.webhooks.tick()).map((attempted) => BigInt(attempted.position));
    const reached = [BigInt(again.body.position as string), ...ticked].reduce((a, b) => (a > b ? a : b));
    const log = await deliveries(campaignId, `?minPosition=${reached}`);
    expect(log.map((d) => [d.type, d.status, d.attempts.map((t: any) => t.statusCode)])).to.deep.equal([
      ['campaign.paused', 'delivered', [204]],
      ['campaign.launched', 'delivered', [500, 204, 204]],
    ]);
  });

  it('given a campaign without a secret, then nothing is sent and a retry answers 409 until one is rotated', async () => {
    const campaignId = await draftWithWebhook();
    await post(`/v1/campaigns/${campaignId}/launch`);
    const before = receiver.received.length;
    await api.webhooks.tick();
    expect(receiver.received.length).to.equal(before);
    const [launched] = await deliveries(campaignId);
    expect(launched).to.include({ type: 'campaign.launched', status: 'pending' });
    await refusedWithoutEvents(api, 409, () =>
      post(`/v1/campaigns/${campaignId}/webhook-deliveries/${launched.id}/retry`),
    );
    await post(`/v1/campaigns/${campaignId}/webhook-secret`);
    await api.webhooks.tick();
    expect(receiver.received.slice(before).map((r) => JSON.parse(r.body).type)).to.deep.equal(['campaign.launched']);
  });
});

describe('a webhook URL on a private address', () => {
  let api: Api;
  let a: Company;
  before(async () => {
    api = await startApi();
    a = await api.createCompany('Hartley & Vance LLP');
  });
  after(() => api.close());

  it('given a literal loopback, private, link-local or localhost URL, or another scheme, then saving it answers 400 naming it and appends nothing; a public one saves and launches', async () => {
    const { campaignId } = await launchableDraft(api, a);
    for (const url of [
      'http://127.0.0.1:8080/hooks',
      'http://localhost/hooks',
      'http://[::1]/',
      'http://169.254.169.254/latest',
      'https://10.1.2.3/in',
      'ftp://hooks.example.com/in',
    ]) {
      const answer = await refusedWithoutEvents(api, 400, () =>
        api.call('PATCH', `/v1/campaigns/${campaignId}`, {
          key: a.apiKey,
          body: { externalInvocation: { enabled: true, webhookUrl: url } },
        }),
      );
      expect(errorPaths(answer), url).to.deep.equal(['externalInvocation.webhookUrl']);
      expect(answer.body.errors[0].message, url).to.match(
        url.startsWith('ftp') ? /http\(s\) URL/ : /private, loopback or link-local/,
      );
    }
    // A URL still being typed is kept, as any half-finished part is, and named at launch.
    expect(
      (
        await api.call('PATCH', `/v1/campaigns/${campaignId}`, {
          key: a.apiKey,
          body: { externalInvocation: { enabled: true, webhookUrl: 'https://' } },
        })
      ).status,
    ).to.equal(200);
    const halfTyped = await refusedWithoutEvents(api, 422, () =>
      api.call('POST', `/v1/campaigns/${campaignId}/launch`, { key: a.apiKey }),
    );
    expect(errorPaths(halfTyped)).to.deep.equal(['externalInvocation.webhookUrl']);
    await api.call('PATCH', `/v1/campaigns/${campaignId}`, {
      key: a.apiKey,
      body: { externalInvocation: { enabled: true, webhookUrl: 'https://hooks.hartley-vance.example/in' } },
    });
    expect((await api.call('POST', `/v1/campaigns/${campaignId}/launch`, { key: a.apiKey })).status).to.equal(200);
  });

  it('given a draft saved with a private URL where they were allowed, then the facts launch reads where they are not name it', async () => {
    const allowing = await startApi({ webhooks: { allowPrivate: true } });
    try {
      const b = await allowing.createCompany('Hartley & Vance LLP');
      const { campaignId } = await launchableDraft(allowing, b);
      await allowing.call('PATCH', `/v1/campaigns/${campaignId}`, {
        key: b.apiKey,
        body: { externalInvocation: { enabled: true, webhookUrl: 'http://127.0.0.1:8080/hooks' } },
      });
      const facts = await launchFacts(
        allowing.stores.eventStore,
        (await allowing.call('GET', `/v1/campaigns/${campaignId}`, { key: b.apiKey })).body.draft,
        b.companyId,
        { federalHours: federalCallingHours },
      );
      expect(facts.webhookUrl?.map((p) => p.path)).to.deep.equal(['externalInvocation.webhookUrl']);
      expect(facts.webhookUrl?.[0]?.message).to.match(/private, loopback or link-local/);
    } finally {
      await allowing.close();
    }
  });
});
