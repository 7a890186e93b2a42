import { expect } from 'chai';
import { parseApiKey } from '../../../commands/company/apiKeys.ts';
import { startApi, type Api } from '../../support/apiHarness.ts';

type Company = { companyId: string; apiKey: string; position: string };

describe('API keys over HTTP', () => {
  let api: Api;
  before(async () => {
    api = await startApi();
  });
  after(() => api.close());

  const issue = (key: string, body: unknown = { name: 'CRM sync' }) => api.call('POST', '/v1/api-keys', { key, body });
  const list = (key: string, query = '') => api.call('GET', `/v1/api-keys?minPosition=${0}${query}`, { key });
  const listNow = async (key: string, query = '') =>
    api.call('GET', `/v1/api-keys?minPosition=${await api.eventCount()}${query}`, { key });
  const revoke = (key: string, id: string) => api.call('DELETE', `/v1/api-keys/${id}`, { key });

  /** A refusal with this status that appends nothing. */
  const refusedWith = async (status: number, request: () => Promise<{ status: number; text: string; body: any }>) => {
    const before = await api.eventCount();
    const answer = await request();
    expect(answer.status, answer.text).to.equal(status);
    expect(await api.eventCount()).to.equal(before);
    return answer;
  };

  let firm: Company;
  beforeEach(async () => {
    firm = await api.createCompany('Hartley & Vance LLP');
  });

  it('issues a key: 201 with the key shown once, its id and the position; the key works at once', async () => {
    const answer = await issue(firm.apiKey);
    expect(answer.status, answer.text).to.equal(201);
    expect(answer.body).to.include({ name: 'CRM sync', status: 'active', revokedAt: null });
    expect(answer.body.apiKey).to.match(new RegExp(`^oek_${firm.companyId}_${answer.body.id}_`));
    expect(answer.body.position).to.match(/^\d+$/);
    expect(answer.headers.get('cache-control')).to.equal('no-store');
    expect((await api.call('GET', '/v1/settings', { key: answer.body.apiKey })).status).to.equal(200);
  });

  it('lists keys oldest first with id, name, status and times, never a secret or a hash', async () => {
    const second = await issue(firm.apiKey);
    const answer = await listNow(firm.apiKey);
    expect(answer.status).to.equal(200);
    expect(answer.body.next).to.equal(null);
    expect(answer.body.items.map((k: { name: string }) => k.name)).to.deep.equal(['Initial key', 'CRM sync']);
    for (const item of answer.body.items)
      expect(item).to.have.all.keys('id', 'name', 'status', 'createdAt', 'createdBy', 'revokedAt', 'revokedBy');
    for (const key of [firm.apiKey, second.body.apiKey]) expect(answer.text).to.not.include(parseApiKey(key)!.secret);
    expect(answer.text).to.not.match(/secret|hash|[0-9a-f]{64}/i);
  });

  it('pages with ?limit and ?after, and filters by status', async () => {
    const second = await issue(firm.apiKey, { name: 'Second' });
    await issue(firm.apiKey, { name: 'Third' });
    await revoke(firm.apiKey, second.body.id);
    const first = await listNow(firm.apiKey, '&limit=2');
    expect(first.body.items.map((k: { name: string }) => k.name)).to.deep.equal(['Initial key', 'Second']);
    const rest = await list(firm.apiKey, `&limit=2&after=${encodeURIComponent(first.body.next)}`);
    expect(rest.body.items.map((k: { name: string }) => k.name)).to.deep.equal(['Third']);
    expect(rest.body.next).to.equal(null);
    const revoked = await list(firm.apiKey, '&status=revoked');
    expect(revoked.body.items.map((k: { name: string }) => k.name)).to.deep.equal(['Second']);
    const active = await list(firm.apiKey, '&status=active');
    expect(active.body.items.map((k: { name: string }) => k.name)).to.deep.equal(['Initial key', 'Third']);
    expect(
      (await list(firm.apiKey, '&limit=0&status=gone')).body.errors.map((e: { path: string }) => e.path),
    ).to.deep.equal(['limit', 'status']);
  });

  it('revokes a key: it answers 401 at once, and the list shows when it was revoked', async () => {
    const second = await issue(firm.apiKey);
    const answer = await revoke(firm.apiKey, second.body.id);
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.body).to.include({ id: second.body.id, status: 'revoked' });
    expect(answer.body.position).to.match(/^\d+$/);
    const denied = await api.call('GET', '/v1/settings', { key: second.body.apiKey });
    expect(denied.status).to.equal(401);
    expect(denied.body.code).to.equal('AUTH.INVALID_KEY');
    const shown = await api.call('GET', `/v1/api-keys/${second.body.id}?minPosition=${answer.body.position}`, {
      key: firm.apiKey,
    });
    expect(shown.body).to.include({ status: 'revoked', revokedBy: `api-key:${firm.apiKey.split('_')[2]}` });
    expect(shown.body.revokedAt).to.be.a('string');
  });

  it('lets a key revoke itself while another stays active', async () => {
    const second = await issue(firm.apiKey);
    expect((await revoke(firm.apiKey, firm.apiKey.split('_')[2]!)).status).to.equal(200);
    expect((await api.call('GET', '/v1/api-keys', { key: firm.apiKey })).status).to.equal(401);
    expect((await api.call('GET', '/v1/api-keys', { key: second.body.apiKey })).status).to.equal(200);
  });

  it('answers 200 and appends nothing when a revoked key is revoked again', async () => {
    const second = await issue(firm.apiKey);
    await revoke(firm.apiKey, second.body.id);
    await refusedWith(200, () => revoke(firm.apiKey, second.body.id));
  });

  it("refuses to revoke the company's last active key (409) and appends nothing", async () => {
    const answer = await refusedWith(409, () => revoke(firm.apiKey, firm.apiKey.split('_')[2]!));
    expect(answer.body.code).to.equal('API_KEY.LAST_ACTIVE_KEY');
    expect((await api.call('GET', '/v1/settings', { key: firm.apiKey })).status).to.equal(200);
  });

  it("answers 404 for another company's key, to read or revoke, and appends nothing", async () => {
    const other = await api.createCompany('Other Firm LLP');
    const theirs = await issue(other.apiKey);
    await refusedWith(404, () =>
      api.call('GET', `/v1/api-keys/${theirs.body.id}?minPosition=${theirs.body.position}`, { key: firm.apiKey }),
    );
    await refusedWith(404, () => revoke(firm.apiKey, theirs.body.id));
    expect((await api.call('GET', '/v1/settings', { key: theirs.body.apiKey })).status).to.equal(200);
    const mine = await listNow(firm.apiKey);
    expect(mine.body.items.map((k: { id: string }) => k.id)).to.not.include(theirs.body.id);
  });

  it('answers 404 for an unknown key and 400 for an id that is not one, appending nothing', async () => {
    await refusedWith(404, () => revoke(firm.apiKey, '01970000-0000-7000-8000-00000000dead'));
    const bad = await refusedWith(400, () => revoke(firm.apiKey, 'not-an-id'));
    expect(bad.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['id']);
  });

  it('refuses a key without a usable name (400) and appends nothing', async () => {
    const missing = await refusedWith(400, () => issue(firm.apiKey, {}));
    expect(missing.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['name']);
    const long = await refusedWith(400, () => issue(firm.apiKey, { name: 'n'.repeat(101) }));
    expect(long.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['name']);
  });

  it('keeps keys, revocations and settings across a restart', async () => {
    const second = await issue(firm.apiKey);
    await revoke(firm.apiKey, second.body.id);
    await api.restart();
    expect((await api.call('GET', '/v1/settings', { key: second.body.apiKey })).status).to.equal(401);
    const keys = await listNow(firm.apiKey);
    expect(keys.status).to.equal(200);
    expect(keys.body.items.map((k: { status: string }) => k.status)).to.deep.equal(['active', 'revoked']);
  });

  it('answers 401 to every key route without a key', async () => {
    for (const [method, path] of [
      ['POST', '/v1/api-keys'],
      ['GET', '/v1/api-keys'],
      ['DELETE', `/v1/api-keys/${firm.apiKey.split('_')[2]}`],
    ] as const)
      await refusedWith(401, () => api.call(method, path, method === 'POST' ? { body: { name: 'x' } } : {}));
  });
});
