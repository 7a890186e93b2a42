import { expect } from 'chai';
import { startApi, type Api } from '../../support/apiHarness.ts';

describe('lists over HTTP', () => {
  let api: Api;
  let a: { companyId: string; apiKey: string };
  let b: { companyId: string; apiKey: string };

  before(async () => {
    api = await startApi();
    a = await api.createCompany('Hartley & Vance LLP');
    b = await api.createCompany('Other Firm LLP');
  });
  after(() => api.close());

  const create = (body: unknown, key = a.apiKey) => api.call('POST', '/v1/lists', { key, body });

  it('creates a list and answers 201 with it, its id, empty counts and the position written', async () => {
    const answer = await create({ name: 'March intake', caseType: 'personal injury' });
    expect(answer.status, answer.text).to.equal(201);
    expect(answer.body).to.include({ name: 'March intake', caseType: 'personal injury', companyId: a.companyId });
    expect(answer.body.id).to.be.a('string');
    expect(answer.body.position).to.match(/^\d+$/);
    expect(answer.body.counts).to.deep.equal({ cases: 0, contacts: 0 });

    const read = await api.call('GET', `/v1/lists/${answer.body.id}?minPosition=${answer.body.position}`, {
      key: a.apiKey,
    });
    expect(read.status, read.text).to.equal(200);
    expect(read.body).to.deep.include({
      id: answer.body.id,
      name: 'March intake',
      caseType: 'personal injury',
      counts: { cases: 0, contacts: 0 },
    });
  });

  it('refuses a list without a name or case type with 400 naming each path, and appends nothing', async () => {
    const before = await api.eventCount();
    const answer = await create({ name: '  ', caseType: 7 });
    expect(answer.status).to.equal(400);
    expect(answer.headers.get('content-type')).to.match(/application\/problem\+json/);
    expect(answer.body.errors.map((e: { path: string }) => e.path)).to.include.members(['name', 'caseType']);
    expect(await api.eventCount()).to.equal(before);
  });

  it("pages through the company's lists with ?after= and never shows another company's", async () => {
    const own = await api.createCompany('Paging Firm LLP');
    const made: string[] = [];
    let position = '0';
    for (const name of ['One', 'Two', 'Three']) {
      const answer = await create({ name, caseType: 'probate' }, own.apiKey);
      made.push(answer.body.id);
      position = answer.body.position;
    }
    await create({ name: 'Elsewhere', caseType: 'probate' }, b.apiKey);
    const first = await api.call('GET', `/v1/lists?limit=2&minPosition=${position}`, { key: own.apiKey });
    expect(first.status, first.text).to.equal(200);
    expect(first.body.items.map((l: { id: string }) => l.id)).to.deep.equal(made.slice(0, 2));
    expect(first.body.next).to.be.a('string');
    const second = await api.call('GET', `/v1/lists?limit=2&after=${encodeURIComponent(first.body.next)}`, {
      key: own.apiKey,
    });
    expect(second.body.items.map((l: { id: string }) => l.id)).to.deep.equal(made.slice(2));
    expect(second.body.next).to.equal(null);
  });

  it("answers 404 for another company's list, and for an id that cannot be a list", async () => {
    const answer = await create({ name: 'Private', caseType: 'probate' });
    const other = await api.call('GET', `/v1/lists/${answer.body.id}?minPosition=${answer.body.position}`, {
      key: b.apiKey,
    });
    expect(other.status).to.equal(404);
    expect((await api.call('GET', '/v1/lists/not-an-id', { key: a.apiKey })).status).to.equal(404);
  });

  it('answers 401 without an API key', async () => expect((await api.call('GET', '/v1/lists')).status).to.equal(401));
});
