import { expect } from 'chai';
import { startApi, type Api } from '../../support/apiHarness.ts';
import { startDraft, type Company } from './campaignSetup.ts';

/** Every event of a campaign's history, page after page. */
const history = async (api: Api, key: string, id: string) => {
  const items: { type: string; data: { changes?: { description?: string } } }[] = [];
  for (let after = ''; ;) {
    const page = await api.call('GET', `/v1/campaigns/${id}/history?limit=100${after}`, { key });
    items.push(...page.body.items);
    if (page.body.next === null) return items;
    after = `&after=${page.body.next}`;
  }
};

describe('concurrent autosaves of one draft', () => {
  let api: Api;
  let a: Company;

  before(async () => {
    // A store a round trip away, as EventStoreDB is, so that saves overlap between reading and appending.
    api = await startApi({ storeRoundTripMs: 5 });
    a = await api.createCompany('Hartley & Vance LLP');
  });
  after(() => api.close());

  const patch = (id: string, body: unknown, headers: Record<string, string> = {}) =>
    api.call('PATCH', `/v1/campaigns/${id}`, { key: a.apiKey, body, headers });

  it('given 100 saves at once without If-Match, then every one answers 200 and the draft holds them all', async () => {
    const { id } = await startDraft(api, a.apiKey);
    const notes = Array.from({ length: 100 }, (_, i) => `Note ${i}`);

    const answers = await Promise.all(notes.map((description) => patch(id, { description })));

    expect(answers.map((answer) => answer.status)).to.deep.equal(notes.map(() => 200));
    const saved = (await history(api, a.apiKey, id)).filter((event) => event.type === 'CampaignDraftSaved');
    expect(saved.map((event) => event.data.changes?.description).sort()).to.deep.equal([...notes].sort());
    const revisions = answers.map((answer) => answer.body.revision as number).sort((x, y) => x - y);
    expect(revisions).to.deep.equal(notes.map((_, i) => i + 1));
    const read = await api.call(
      'GET',
      `/v1/campaigns/${id}?minPosition=${answers.map((answer) => BigInt(answer.body.position)).reduce((x, y) => (x > y ? x : y))}`,
      { key: a.apiKey },
    );
    expect(read.body.revision).to.equal(100);
  });

  it('given 100 saves at once with the same If-Match, then exactly one answers 200 and the rest 412', async () => {
    const { id, revision } = await startDraft(api, a.apiKey);
    const head = await api.eventCount();

    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => patch(id, { description: `Note ${i}` }, { 'if-match': `"${revision}"` })),
    );

    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).to.have.length(1);
    expect(statuses.filter((status) => status === 412)).to.have.length(99);
    expect(await api.eventCount()).to.equal(head + 1n);
  });
});
