import { expect } from 'chai';
import { startApi, type Api } from '../../support/apiHarness.ts';
import { errorPaths, refusedWithoutEvents } from '../../support/refused.ts';

const intake = {
  name: 'Injury intake',
  caseType: 'personal injury',
  fields: [
    { key: 'injuryDate', label: 'When were you injured?', type: 'date', required: true },
    { key: 'treated', label: 'Did you see a doctor?', type: 'choice', required: true, options: ['yes', 'no'] },
  ],
};

describe('forms over HTTP', () => {
  let api: Api;
  let a: { companyId: string; apiKey: string };
  let b: { companyId: string; apiKey: string };

  before(async () => {
    api = await startApi();
    a = await api.createCompany('Hartley & Vance LLP');
    b = await api.createCompany('Other Firm LLP');
  });
  after(() => api.close());

  const post = (body: unknown, key = a.apiKey) => api.call('POST', '/v1/forms', { key, body });

  /** Asserts a refusal: 400 naming these paths, and nothing appended. */
  const refused = async (body: unknown, paths: string[]) => {
    const answer = await refusedWithoutEvents(api, 400, () => post(body));
    expect(errorPaths(answer)).to.include.members(paths);
    return answer;
  };

  it('creates a form and answers 201 with it, its id and the position written', async () => {
    const answer = await post(intake);
    expect(answer.status, answer.text).to.equal(201);
    expect(answer.body).to.include({ name: 'Injury intake', caseType: 'personal injury', companyId: a.companyId });
    expect(answer.body.id).to.be.a('string');
    expect(answer.body.position).to.match(/^\d+$/);
    expect(answer.body.fields).to.deep.equal(intake.fields);

    const read = await api.call('GET', `/v1/forms/${answer.body.id}?minPosition=${answer.body.position}`, {
      key: a.apiKey,
    });
    expect(read.status).to.equal(200);
    expect(read.body).to.deep.include({
      id: answer.body.id,
      name: 'Injury intake',
      caseType: 'personal injury',
      fields: intake.fields,
    });
  });

  it('drops properties it does not know', async () => {
    const answer = await post({ ...intake, colour: 'red', fields: [{ ...intake.fields[0], secret: 1 }] });
    expect(answer.status).to.equal(201);
    expect(answer.body).to.not.have.property('colour');
    expect(answer.body.fields[0]).to.not.have.property('secret');
  });

  it('names each invalid path and appends nothing', async () => {
    await refused({ caseType: '', fields: [{ key: 'a', label: 'A', type: 'colour', required: 'yes' }] }, [
      'name',
      'caseType',
      'fields.0.type',
      'fields.0.required',
    ]);
  });

  it('refuses a body that is not a JSON object', async () => {
    await refused([intake], ['(root)']);
    const before = await api.eventCount();
    const answer = await api.call('POST', '/v1/forms', {
      key: a.apiKey,
      body: '{"name": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(answer.status).to.equal(400);
    const noBody = await api.call('POST', '/v1/forms', { key: a.apiKey });
    expect(noBody.status).to.equal(400);
    expect(await api.eventCount()).to.equal(before);
  });

  it('refuses repeated keys, options on non-choice fields and choices without options, naming each', async () => {
    await refused(
      {
        ...intake,
        fields: [
          { key: 'age', label: 'Age', type: 'number', required: true, options: ['1'] },
          { key: 'age', label: 'Age again', type: 'text', required: false },
          { key: 'plan', label: 'Plan', type: 'choice', required: true },
        ],
      },
      ['fields.0.options', 'fields.1.key', 'fields.2.options'],
    );
  });

  it('refuses a form without fields', async () => {
    await refused({ ...intake, fields: [] }, ['fields']);
  });

  it('needs an API key', async () => {
    const before = await api.eventCount();
    expect((await api.call('POST', '/v1/forms', { body: intake })).status).to.equal(401);
    expect((await api.call('GET', '/v1/forms')).status).to.equal(401);
    expect(await api.eventCount()).to.equal(before);
  });

  it("answers 404 for another company's form and never lists it", async () => {
    const mine = await post({ ...intake, name: 'Only for A' });
    const theirs = await api.call('GET', `/v1/forms/${mine.body.id}?minPosition=${mine.body.position}`, {
      key: b.apiKey,
    });
    expect(theirs.status).to.equal(404);
    expect(theirs.headers.get('content-type')).to.match(/application\/problem\+json/);
    const list = await api.call('GET', `/v1/forms?minPosition=${mine.body.position}`, { key: b.apiKey });
    expect(list.status).to.equal(200);
    expect(list.body.items.map((f: { id: string }) => f.id)).to.not.include(mine.body.id);
    expect(list.body.items.every((f: { companyId: string }) => f.companyId === b.companyId)).to.equal(true);
  });

  it('answers 404 for an id that is no form at all', async () => {
    expect((await api.call('GET', '/v1/forms/not-a-form', { key: a.apiKey })).status).to.equal(404);
    expect(
      (await api.call('GET', '/v1/forms/0190f5e2-7c1a-7000-8000-000000000999', { key: a.apiKey })).status,
    ).to.equal(404);
  });

  it('lists forms a page at a time, oldest first, and filters by case type', async () => {
    const company = await api.createCompany('Paging LLP');
    const ids: string[] = [];
    let position = '0';
    for (let i = 0; i < 5; i++) {
      const answer = await post(
        { ...intake, name: `Form ${i}`, caseType: i % 2 === 0 ? 'probate' : 'intake' },
        company.apiKey,
      );
      ids.push(answer.body.id);
      position = answer.body.position;
    }
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { status: number; body: { items: { id: string }[]; next: string | null } } = await api.call(
        'GET',
        `/v1/forms?limit=2&minPosition=${position}${after ? `&after=${after}` : ''}`,
        { key: company.apiKey },
      );
      expect(page.status).to.equal(200);
      expect(page.body.items.length).to.be.at.most(2);
      seen.push(...page.body.items.map((f) => f.id));
      after = page.body.next;
    } while (after);
    expect(seen).to.deep.equal(ids);

    const probate = await api.call('GET', `/v1/forms?caseType=probate`, { key: company.apiKey });
    expect(probate.body.items.map((f: { name: string }) => f.name)).to.deep.equal(['Form 0', 'Form 2', 'Form 4']);
  });

  it('refuses a bad page size or cursor with 400', async () => {
    const limit = await api.call('GET', '/v1/forms?limit=1000', { key: a.apiKey });
    expect(limit.status).to.equal(400);
    expect(limit.body.errors[0].path).to.equal('limit');
    expect((await api.call('GET', '/v1/forms?after=garbage', { key: a.apiKey })).status).to.equal(400);
  });
});
