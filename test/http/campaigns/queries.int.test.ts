import { expect } from 'chai';
import { startApi, type Api } from '../../support/apiHarness.ts';
import { launchableDraft, startDraft, type Company } from './campaignSetup.ts';

type Summary = { id: string; name: string; status: string };

describe('campaign queries over HTTP: list, detail as of a point, history', () => {
  let api: Api;
  let a: Company;
  let b: Company;
  let time = new Date('2026-03-02T10:00:00.000Z');
  /** Moves the engine's clock on, so each command happens at a time of its own. */
  const later = (minutes = 1) => {
    time = new Date(time.getTime() + minutes * 60_000);
    return time;
  };

  before(async () => {
    api = await startApi({ clock: () => time });
    a = await api.createCompany('Hartley & Vance LLP');
    b = await api.createCompany('Other Firm LLP');
  });
  after(() => api.close());

  const list = (query = '', key = a.apiKey) =>
    api.call('GET', `/v1/campaigns?minPosition=${positionNow}${query}`, { key });
  let positionNow = '0';
  const settle = async () => {
    positionNow = (await api.eventCount()).toString();
  };

  it('lists drafts as DRAFT and never counts them as active', async () => {
    const draft = await startDraft(api, a.apiKey, 'Still drafting');
    const { campaignId: active } = await launchableDraft(api, a, 1);
    expect((await api.call('POST', `/v1/campaigns/${active}/launch`, { key: a.apiKey })).status).to.equal(200);
    const { campaignId: paused } = await launchableDraft(api, a, 1);
    await api.call('POST', `/v1/campaigns/${paused}/launch`, { key: a.apiKey });
    await api.call('POST', `/v1/campaigns/${paused}/pause`, { key: a.apiKey });
    await startDraft(api, b.apiKey, 'Not yours');
    await settle();

    const answer = await list();
    expect(answer.status, answer.text).to.equal(200);
    const byId = new Map(answer.body.items.map((item: Summary) => [item.id, item]));
    expect(byId.get(draft.id)).to.deep.include({
      name: 'Still drafting',
      status: 'DRAFT',
      type: null,
      counts: { cases: 0, contacts: 0, enrolled: 0 },
    });
    expect(byId.get(active)).to.deep.include({
      status: 'ACTIVE',
      type: 'voice',
      counts: { cases: 1, contacts: 1, enrolled: 1 },
    });
    expect(byId.get(paused)).to.deep.include({ status: 'PAUSED' });
    expect(answer.body.items.map((item: Summary) => item.name)).to.not.include('Not yours');
    // Two drafts were started by launchableDraft and launched; one draft stays a draft.
    expect(answer.body.activeCampaigns).to.equal(1);
    expect(answer.body.countsByStatus).to.deep.equal({ DRAFT: 1, ACTIVE: 1, PAUSED: 1, COMPLETED: 0 });
  });

  it('filters by status, in either case, and refuses a status that does not exist', async () => {
    const drafts = await list('&status=draft');
    expect(drafts.body.items.map((item: Summary) => item.status)).to.deep.equal(['DRAFT']);
    const running = await list('&status=ACTIVE,paused');
    expect(running.body.items.map((item: Summary) => item.status).sort()).to.deep.equal(['ACTIVE', 'PAUSED']);
    const bad = await list('&status=archived');
    expect(bad.status).to.equal(400);
    expect(bad.body.errors[0].path).to.equal('status');
  });

  it('pages the list newest first with ?after= cursors', async () => {
    const company = await api.createCompany('Many Drafts LLP');
    const names = ['one', 'two', 'three', 'four', 'five'];
    for (const name of names) await startDraft(api, company.apiKey, name);
    await settle();
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list(
        `&limit=2${after ? `&after=${after}` : ''}`,
        company.apiKey,
      );
      expect(page.status, page.text).to.equal(200);
      expect(page.body.items.length).to.be.at.most(2);
      seen.push(...page.body.items.map((item: Summary) => item.name));
      after = page.body.next;
    } while (after);
    expect(seen).to.deep.equal([...names].reverse());
  });

  it('returns the history in order, with revision, position, time and actor, a page at a time', async () => {
    const { id } = await startDraft(api, a.apiKey, 'Audited');
    later();
    await api.call('PATCH', `/v1/campaigns/${id}`, { key: a.apiKey, body: { description: 'first' } });
    later();
    await api.call('PUT', `/v1/campaigns/${id}/step`, { key: a.apiKey, body: { step: 'list' } });
    later();
    await api.call('PATCH', `/v1/campaigns/${id}`, { key: a.apiKey, body: { type: 'messaging' } });

    const first = await api.call('GET', `/v1/campaigns/${id}/history?limit=3`, { key: a.apiKey });
    expect(first.status, first.text).to.equal(200);
    expect(first.body.items.map((e: { type: string }) => e.type)).to.deep.equal([
      'CampaignDraftStarted',
      'CampaignDraftSaved',
      'CampaignStepChanged',
    ]);
    expect(first.body.items.map((e: { revision: number }) => e.revision)).to.deep.equal([0, 1, 2]);
    expect(first.body.next).to.equal('2');
    const [started, saved] = first.body.items;
    expect(started.actor).to.match(/^api-key:/);
    expect(saved.data).to.deep.equal({ campaignId: id, changes: { description: 'first' } });
    expect(BigInt(saved.position) > BigInt(started.position)).to.equal(true);
    expect(Date.parse(saved.occurredAt) > Date.parse(started.occurredAt)).to.equal(true);

    const second = await api.call('GET', `/v1/campaigns/${id}/history?limit=3&after=${first.body.next}`, {
      key: a.apiKey,
    });
    expect(second.body.items.map((e: { revision: number; type: string }) => [e.revision, e.type])).to.deep.equal([
      [3, 'CampaignDraftSaved'],
    ]);
    expect(second.body.next).to.equal(null);

    const bad = await api.call('GET', `/v1/campaigns/${id}/history?after=yesterday`, { key: a.apiKey });
    expect(bad.status).to.equal(400);
  });

  it('keeps the history of a deleted draft for auditors', async () => {
    const { id } = await startDraft(api, a.apiKey, 'Short-lived');
    await api.call('DELETE', `/v1/campaigns/${id}`, { key: a.apiKey });
    const history = await api.call('GET', `/v1/campaigns/${id}/history`, { key: a.apiKey });
    expect(history.body.items.map((e: { type: string }) => e.type)).to.deep.equal([
      'CampaignDraftStarted',
      'CampaignDeleted',
    ]);
  });

  it('folds the campaign as of a position or a time, from its events alone', async () => {
    const { campaignId: id } = await launchableDraft(api, a, 1);
    later(10);
    const renamed = await api.call('PATCH', `/v1/campaigns/${id}`, {
      key: a.apiKey,
      body: { name: 'Renamed before launch' },
    });
    const beforeLaunch = time.toISOString();
    later(10);
    const launched = await api.call('POST', `/v1/campaigns/${id}/launch`, { key: a.apiKey });
    later(10);
    const paused = await api.call('POST', `/v1/campaigns/${id}/pause`, { key: a.apiKey });

    const atRename = await api.call('GET', `/v1/campaigns/${id}?asOf=${renamed.body.position}`, { key: a.apiKey });
    expect(atRename.status, atRename.text).to.equal(200);
    expect(atRename.body).to.deep.include({
      name: 'Renamed before launch',
      status: 'DRAFT',
      revision: renamed.body.revision,
    });
    expect(atRename.body.asOf).to.deep.equal({ requested: renamed.body.position, position: renamed.body.position });

    const byTime = await api.call('GET', `/v1/campaigns/${id}?asOf=${encodeURIComponent(beforeLaunch)}`, {
      key: a.apiKey,
    });
    expect(byTime.body).to.deep.include({ status: 'DRAFT', name: 'Renamed before launch' });

    const atLaunch = await api.call('GET', `/v1/campaigns/${id}?asOf=${launched.body.position}`, { key: a.apiKey });
    expect(atLaunch.body).to.deep.include({ status: 'ACTIVE', enrolledContacts: 1 });

    const now = await api.call('GET', `/v1/campaigns/${id}?minPosition=${paused.body.position}`, { key: a.apiKey });
    const asOfNow = await api.call('GET', `/v1/campaigns/${id}?asOf=${paused.body.position}`, { key: a.apiKey });
    const { asOf: _asOf, ...folded } = asOfNow.body;
    expect(folded).to.deep.equal(now.body);
    expect(now.body.status).to.equal('PAUSED');

    const beforeItExisted = await api.call('GET', `/v1/campaigns/${id}?asOf=2000-01-01T00:00:00Z`, { key: a.apiKey });
    expect(beforeItExisted.status).to.equal(404);
    const bad = await api.call('GET', `/v1/campaigns/${id}?asOf=last-tuesday`, { key: a.apiKey });
    expect(bad.status).to.equal(400);
    expect(bad.body.errors[0].path).to.equal('asOf');
  });

  it('serves the ETag of the current revision on the detail', async () => {
    const { id } = await startDraft(api, a.apiKey, 'Tagged');
    const saved = await api.call('PATCH', `/v1/campaigns/${id}`, { key: a.apiKey, body: { description: 'x' } });
    const read = await api.call('GET', `/v1/campaigns/${id}?minPosition=${saved.body.position}`, { key: a.apiKey });
    expect(read.headers.get('etag')).to.equal('"1"');
  });
});
