import { expect } from 'chai';
import { parseApiKey } from '../../../commands/company/apiKeys.ts';
import { ADMIN_TOKEN, startApi, type Api } from '../../support/apiHarness.ts';

/** Under an Idempotency-Key the answer is recorded for replays; a key's secret must not be recorded with it. */
describe('API keys are shown once, even under an Idempotency-Key', () => {
  let api: Api;
  before(async () => {
    api = await startApi();
  });
  after(() => api.close());

  // The secret itself: it may hold `_`, so the key is parsed rather than split.
  const secretOf = (key: string) => parseApiKey(key)!.secret;
  const storeHolds = async (text: string) => {
    for await (const event of api.stores.eventStore.readAll())
      if (JSON.stringify({ data: event.data, metadata: event.metadata }).includes(text)) return true;
    return false;
  };

  it('POST /v1/api-keys: the replay answers the same key id with the key withheld, and no event holds the secret', async () => {
    const firm = await api.createCompany();
    const send = () =>
      api.call('POST', '/v1/api-keys', {
        key: firm.apiKey,
        body: { name: 'CRM sync' },
        headers: { 'Idempotency-Key': 'issue-crm-key' },
      });
    const first = await send();
    expect(first.status, first.text).to.equal(201);
    const replay = await send();
    expect(replay.status).to.equal(201);
    expect(replay.headers.get('idempotent-replayed')).to.equal('true');
    expect(replay.body).to.deep.equal({ ...first.body, apiKey: null });
    expect(await storeHolds(secretOf(first.body.apiKey))).to.equal(false);
    expect((await api.call('GET', '/v1/settings', { key: first.body.apiKey })).status).to.equal(200);
  });

  it('POST /v1/companies: the replay answers the same company with the key withheld, and no event holds the secret', async () => {
    const send = () =>
      api.call('POST', '/v1/companies', {
        key: ADMIN_TOKEN,
        body: { name: 'Once Only LLP' },
        headers: { 'Idempotency-Key': 'open-once-only' },
      });
    const first = await send();
    expect(first.status, first.text).to.equal(201);
    const replay = await send();
    expect(replay.body).to.deep.equal({ ...first.body, apiKey: null });
    expect(await storeHolds(secretOf(first.body.apiKey))).to.equal(false);
  });
});
