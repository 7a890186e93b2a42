import { expect } from 'chai';
import { startApi, type Api } from '../../support/apiHarness.ts';
import { errorPaths, refusedWithoutEvents } from '../../support/refused.ts';

const settings = {
  name: 'Intake agent',
  voice: 'alloy',
  streamUrl: 'wss://voice.example.com/stream',
  callerNumber: '+13125550100',
};
const form = {
  name: 'Intake',
  caseType: 'personal injury',
  fields: [{ key: 'injuryDate', label: 'When?', type: 'date', required: true }],
};

describe('AI agents over HTTP', () => {
  let api: Api;
  let a: { companyId: string; apiKey: string };
  let b: { companyId: string; apiKey: string };

  before(async () => {
    api = await startApi();
    a = await api.createCompany('Hartley & Vance LLP');
    b = await api.createCompany('Other Firm LLP');
  });
  after(() => api.close());

  const post = (body: unknown, key = a.apiKey) => api.call('POST', '/v1/agents', { key, body });

  const refused = async (body: unknown, paths: string[]) => {
    const answer = await refusedWithoutEvents(api, 400, () => post(body));
    expect(errorPaths(answer)).to.have.members(paths);
    return answer;
  };

  it('creates an agent and answers 201 with it, its id and the position written', async () => {
    const answer = await post(settings);
    expect(answer.status, answer.text).to.equal(201);
    expect(answer.body).to.include({ ...settings, companyId: a.companyId });
    expect(answer.body).to.not.have.property('formId');
    expect(answer.body.position).to.match(/^\d+$/);
    const read = await api.call('GET', `/v1/agents/${answer.body.id}?minPosition=${answer.body.position}`, {
      key: a.apiKey,
    });
    expect(read.status).to.equal(200);
    expect(read.body).to.include({ id: answer.body.id, ...settings });
  });

  it('normalises the caller number to E.164, reading national numbers as US', async () => {
    expect((await post({ ...settings, callerNumber: '(312) 555-0199' })).body.callerNumber).to.equal('+13125550199');
    expect((await post({ ...settings, callerNumber: '+44 20 7183 8750' })).body.callerNumber).to.equal('+442071838750');
  });

  it('links a form of the company: a pre-built agent', async () => {
    const created = await api.call('POST', '/v1/forms', { key: a.apiKey, body: form });
    const answer = await post({ ...settings, formId: created.body.id });
    expect(answer.status, answer.text).to.equal(201);
    expect(answer.body.formId).to.equal(created.body.id);
    const linked = await api.call('GET', `/v1/agents?formId=${created.body.id}&minPosition=${answer.body.position}`, {
      key: a.apiKey,
    });
    expect(linked.body.items.map((agent: { id: string }) => agent.id)).to.deep.equal([answer.body.id]);
    const events = [];
    for await (const event of api.stores.eventStore.readStream(`agent-${answer.body.id}`)) events.push(event);
    expect(events.map((event) => event.data)).to.deep.equal([
      { agentId: answer.body.id, ...settings, formId: created.body.id },
    ]);
  });

  it("refuses another company's form with 400 naming formId, as it refuses one that does not exist", async () => {
    const theirs = await api.call('POST', '/v1/forms', { key: b.apiKey, body: form });
    expect(theirs.status).to.equal(201);
    const answer = await refused({ ...settings, formId: theirs.body.id }, ['formId']);
    expect(answer.body.errors[0].message).to.equal('no form with this id in your company');
    await refused({ ...settings, formId: '0190f5e2-7c1a-7000-8000-000000000999' }, ['formId']);
    await refused({ ...settings, formId: 'form-1' }, ['formId']);
  });

  it('refuses stream URLs that are not wss:// or https://', async () => {
    await refused({ ...settings, streamUrl: 'ws://voice.example.com/stream' }, ['streamUrl']);
    await refused({ ...settings, streamUrl: 'http://voice.example.com/stream' }, ['streamUrl']);
    await refused({ ...settings, streamUrl: 'not a url' }, ['streamUrl']);
  });

  it('refuses a number that is no phone number', async () => {
    await refused({ ...settings, callerNumber: '555' }, ['callerNumber']);
    await refused({ ...settings, callerNumber: 15551234567 }, ['callerNumber']);
  });

  it('gives, in refusing a caller number, an example number that it takes itself', async () => {
    const answer = await refused({ ...settings, callerNumber: '555' }, ['callerNumber']);
    const example = /\+\d{8,15}/.exec(answer.body.errors[0].message)?.[0];
    expect(example, answer.body.errors[0].message).to.be.a('string');
    const taken = await post({ ...settings, callerNumber: example });
    expect(taken.status, taken.text).to.equal(201);
    expect(taken.body.callerNumber).to.equal(example);
  });

  it('names every invalid path of the body at once', async () => {
    await refused({ voice: '', streamUrl: 7, callerNumber: 'abc', formId: 12 }, [
      'name',
      'voice',
      'streamUrl',
      'callerNumber',
      'formId',
    ]);
  });

  it('needs an API key', async () => {
    const before = await api.eventCount();
    expect((await api.call('POST', '/v1/agents', { body: settings })).status).to.equal(401);
    expect((await api.call('GET', '/v1/agents', { key: 'oek_nonsense' })).status).to.equal(401);
    expect(await api.eventCount()).to.equal(before);
  });

  it("answers 404 for another company's agent and never lists it", async () => {
    const mine = await post({ ...settings, name: 'Only for A' });
    const theirs = await api.call('GET', `/v1/agents/${mine.body.id}?minPosition=${mine.body.position}`, {
      key: b.apiKey,
    });
    expect(theirs.status).to.equal(404);
    const list = await api.call('GET', `/v1/agents?minPosition=${mine.body.position}`, { key: b.apiKey });
    expect(list.body.items.map((agent: { id: string }) => agent.id)).to.not.include(mine.body.id);
    expect(list.body.items.every((agent: { companyId: string }) => agent.companyId === b.companyId)).to.equal(true);
  });

  it('lists agents a page at a time, oldest first', async () => {
    const company = await api.createCompany('Paging LLP');
    const ids: string[] = [];
    let position = '0';
    for (let i = 0; i < 3; i++) {
      const answer = await post({ ...settings, name: `Agent ${i}` }, company.apiKey);
      ids.push(answer.body.id);
      position = answer.body.position;
    }
    const first = await api.call('GET', `/v1/agents?limit=2&minPosition=${position}`, { key: company.apiKey });
    expect(first.body.items.map((agent: { id: string }) => agent.id)).to.deep.equal(ids.slice(0, 2));
    const second = await api.call('GET', `/v1/agents?limit=2&after=${first.body.next}`, { key: company.apiKey });
    expect(second.body).to.deep.include({ next: null });
    expect(second.body.items.map((agent: { id: string }) => agent.id)).to.deep.equal(ids.slice(2));
  });
});
