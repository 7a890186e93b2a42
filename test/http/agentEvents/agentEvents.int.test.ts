import { expect } from 'chai';
import { startApi, type Api } from '../../support/apiHarness.ts';
import { callSeeds } from './agentEventSeeds.ts';

const campaignId = '01900000-0000-7000-8000-000000000601';
const callId = '01900000-0000-7000-8000-000000000602';
const phone = '+13125550142';
const at = '2026-03-02T15:00:00.000Z';

describe('POST /v1/agent-events', () => {
  let api: Api;
  let key: string;
  let companyId: string;
  const typesOf = async (stream: string) => {
    const types: string[] = [];
    for await (const event of api.stores.eventStore.readStream(stream)) types.push(event.type);
    return types;
  };
  const post = (body: unknown, as = key) => api.call('POST', '/v1/agent-events', { key: as, body });

  beforeEach(async () => {
    api = await startApi();
    ({ companyId, apiKey: key } = await api.createCompany());
    await callSeeds(api, companyId).placedCall(campaignId, 'contact-1', callId, at);
  });
  afterEach(() => api.close());

  it('records form answers on the call, once however often they are posted', async () => {
    const body = { kind: 'form_answers', callId, answers: { injured: true, clinic: 'North' } };
    expect((await post(body)).status).to.equal(202);
    const again = await post(body);
    expect(again.status).to.equal(202);
    expect(again.body).to.deep.equal({ callId, kind: 'form_answers' });
    expect(await typesOf(`call-${callId}`)).to.deep.equal(['CallPlaced', 'FormAnswersRecorded']);
  });

  it('records an in-call opt-out for the number, for the whole company', async () => {
    expect((await post({ kind: 'opt_out', callId, utterance: 'Stop calling me.' })).status).to.equal(202);
    expect(await typesOf(`consent-${companyId}.${phone}`)).to.deep.equal(['ContactOptedOut']);
    expect(await typesOf(`call-${callId}`)).to.include('CallOptOutRequested');
  });

  it('answers 404 for a call of another company, recording nothing', async () => {
    const other = await api.createCompany('Other LLP');
    const before = await api.eventCount();
    const answer = await post({ kind: 'summary', callId, summary: 'Someone else’s call.' }, other.apiKey);
    expect(answer.status).to.equal(404);
    expect(await api.eventCount()).to.equal(before);
  });

  it('refuses an answer JSON cannot carry as sent (1e309, an integer past 2^53), naming it and recording nothing', async () => {
    for (const amount of ['1e309', '9007199254740993', '-1e400']) {
      const before = await api.eventCount();
      const answer = await api.call('POST', '/v1/agent-events', {
        key,
        body: `{"kind":"form_answers","callId":"${callId}","answers":{"settlement":${amount}}}`,
      });
      expect(answer.status, answer.text).to.equal(400);
      expect(
        answer.body.errors.map((e: { path: string }) => e.path),
        amount,
      ).to.include('answers.settlement');
      expect(await api.eventCount()).to.equal(before);
    }
  });

  it('records an answer of -0 as 0, which is what JSON keeps of it', async () => {
    const answer = await api.call('POST', '/v1/agent-events', {
      key,
      body: `{"kind":"form_answers","callId":"${callId}","answers":{"visits":-0}}`,
    });
    expect(answer.status, answer.text).to.equal(202);
    const recorded: unknown[] = [];
    for await (const event of api.stores.eventStore.readStream(`call-${callId}`))
      if (event.type === 'FormAnswersRecorded') recorded.push(event.data);
    expect(JSON.stringify(recorded)).to.contain('"visits":0');
  });

  it('refuses a report it cannot read (400) or an unknown key (401), recording nothing', async () => {
    const before = await api.eventCount();
    const bad = await post({ kind: 'form_answers', callId, answers: { injured: { nested: true } } });
    expect(bad.status).to.equal(400);
    expect(bad.body.errors).to.be.an('array').that.is.not.empty;
    expect((await post({ kind: 'dance', callId })).status).to.equal(400);
    expect((await post({ kind: 'summary', callId, summary: 'x' }, 'oek_not-a-key')).status).to.equal(401);
    expect(await api.eventCount()).to.equal(before);
  });

  it('refuses a transfer with no forwarding number (409), and carries a call_ended report without an outcome nowhere', async () => {
    expect((await post({ kind: 'transfer_requested', callId, reason: 'wants a human' })).status).to.equal(409);
    expect((await post({ kind: 'call_ended', callId, reason: 'completed' })).status).to.equal(202);
    expect(await typesOf(`enrollment-${campaignId}.contact-1`)).to.deep.equal(['CallRequested']);
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = await api.call('GET', '/openapi.json');
    expect(doc.body.paths['/v1/agent-events']?.post).to.be.an('object');
  });
});
