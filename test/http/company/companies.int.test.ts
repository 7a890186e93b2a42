import { expect } from 'chai';
import { parseApiKey } from '../../../commands/company/apiKeys.ts';
import { ADMIN_TOKEN, startApi, type Api } from '../../support/apiHarness.ts';
import type { RecordedEvent } from '../../../domain/events/event.ts';

describe('companies over HTTP', () => {
  let api: Api;
  before(async () => {
    api = await startApi();
  });
  after(() => api.close());

  const create = (body: unknown, key?: string) => api.call('POST', '/v1/companies', { ...(key ? { key } : {}), body });

  const allEvents = async () => {
    const events: RecordedEvent[] = [];
    for await (const event of api.stores.eventStore.readAll()) events.push(event);
    return events;
  };

  it('creates a company with the admin token: 201 with the company, its first key (shown once) and the position', async () => {
    const answer = await create({ name: 'Hartley & Vance LLP' }, ADMIN_TOKEN);
    expect(answer.status, answer.text).to.equal(201);
    expect(answer.body.company).to.deep.equal({ id: answer.body.company.id, name: 'Hartley & Vance LLP' });
    expect(answer.body.company.id).to.match(/^[0-9a-f-]{36}$/);
    expect(answer.body.apiKey).to.match(
      new RegExp(`^oek_${answer.body.company.id}_${answer.body.apiKeyId}_[A-Za-z0-9_-]{43}$`),
    );
    expect(answer.body.position).to.match(/^\d+$/);
    expect(answer.headers.get('cache-control')).to.equal('no-store');
  });

  it('records every event on the company stream with the company and the admin as actor, and never the secret', async () => {
    const { companyId, apiKey } = await api.createCompany('Secret Keepers LLP');
    const secret = parseApiKey(apiKey)!.secret;
    const events = (await allEvents()).filter((e) => e.stream === `company-${companyId}`);
    expect(events.map((e) => e.type)).to.deep.equal(['CompanyCreated', 'ApiKeyIssued']);
    for (const event of events) expect(event.metadata).to.include({ companyId, actor: 'admin' });
    expect(JSON.stringify((await allEvents()).map((e) => ({ data: e.data, metadata: e.metadata })))).to.not.include(
      secret,
    );
  });

  it('lets the first key in at once', async () => {
    const { apiKey, companyId } = await api.createCompany('Quick Start LLP');
    const settings = await api.call('GET', '/v1/settings', { key: apiKey });
    expect(settings.status, settings.text).to.equal(200);
    expect(settings.body).to.include({ companyId, name: 'Quick Start LLP' });
    const keys = await api.call('GET', `/v1/api-keys?minPosition=${await api.eventCount()}`, { key: apiKey });
    expect(keys.status).to.equal(200);
    expect(keys.body.items.map((k: { name: string; status: string }) => [k.name, k.status])).to.deep.equal([
      ['Initial key', 'active'],
    ]);
  });

  it('names the first key as asked', async () => {
    const answer = await create({ name: 'Named Keys LLP', apiKeyName: 'Case management sync' }, ADMIN_TOKEN);
    expect(answer.status).to.equal(201);
    const keys = await api.call('GET', `/v1/api-keys?minPosition=${answer.body.position}`, { key: answer.body.apiKey });
    expect(keys.body.items[0]).to.include({ id: answer.body.apiKeyId, name: 'Case management sync' });
  });

  for (const [label, key] of [
    ['without a token', undefined],
    ['with a wrong token', 'not-the-admin-token'],
    ['with a company API key', 'company-key'],
  ] as const) {
    it(`answers 401 ${label} and appends nothing`, async () => {
      const presented = key === 'company-key' ? (await api.createCompany('Key Holder LLP')).apiKey : key;
      const before = await api.eventCount();
      const answer = await create({ name: 'Intruder LLP' }, presented);
      expect(answer.status, answer.text).to.equal(401);
      expect(answer.headers.get('content-type')).to.match(/application\/problem\+json/);
      expect(await api.eventCount()).to.equal(before);
    });
  }

  it('answers 400 naming each bad path and appends nothing', async () => {
    const before = await api.eventCount();
    const answer = await create({ name: '  ', apiKeyName: 7 }, ADMIN_TOKEN);
    expect(answer.status, answer.text).to.equal(400);
    expect(answer.body.errors.map((e: { path: string }) => e.path)).to.include.members(['name', 'apiKeyName']);
    expect(await api.eventCount()).to.equal(before);
  });

  it('documents every company route in /openapi.json', async () => {
    const doc = await api.call('GET', '/openapi.json');
    expect(doc.body.paths['/v1/companies'].post.security).to.deep.equal([{ adminToken: [] }]);
    expect(doc.body.paths['/v1/settings']).to.have.property('get');
    expect(doc.body.paths['/v1/settings/campaigns']).to.have.property('put');
    expect(doc.body.paths['/v1/api-keys']).to.have.all.keys('get', 'post');
    expect(doc.body.paths['/v1/api-keys/{id}']).to.have.all.keys('get', 'delete');
  });
});
