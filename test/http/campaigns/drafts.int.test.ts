import { expect } from 'chai';
import { startApi, type Answer, type Api } from '../../support/apiHarness.ts';
import { refusedWithoutEvents } from '../../support/refused.ts';
import {
  createAgent,
  createForm,
  launchableDraft,
  setCompanyHours,
  startDraft,
  type Company,
} from './campaignSetup.ts';

/** One value of every part a draft saves, all of which would be refused at launch. */
const parts: Record<string, unknown> = {
  description: 'Follow up on spring intake',
  type: 'multichannel',
  listId: '01900000-0000-7000-8000-0000000000a9',
  agentId: 'not-even-an-id',
  formId: '01900000-0000-7000-8000-0000000000f9',
  schedule: { mode: 'custom', slots: [{ days: ['sat'], start: '06:00', end: '23:00' }] },
  runs: [
    {
      name: 'First pass',
      start: '2026-03-09T09:00:00-06:00',
      slots: [{ days: ['mon'], start: '09:00', end: '11:00' }],
      channels: ['voice', 'sms'],
    },
  ],
  workflows: [
    {
      trigger: { kind: 'call_outcome', outcome: 'no_answer' },
      steps: [{ channel: 'sms', body: 'We tried to reach you', delayMinutes: 5 }],
    },
    {
      trigger: { kind: 'form_answer', fieldKey: 'treated', value: 'no' },
      steps: [{ channel: 'email', subject: 'Next steps', body: 'Here is what happens next' }],
    },
  ],
  concurrency: { limit: 0, pacingPerMinute: 12 },
  retry: { maxAttempts: 3, intervalMinutes: 60 },
  routing: {
    mode: 'schedule_based',
    businessHours: 'transfer',
    afterHours: 'ai',
    forwardingNumber: '555',
    timezone: 'America/Denver',
  },
  externalInvocation: { enabled: true, webhookUrl: 'https://crm.example.com/hooks/outreach' },
  reportSchedules: [{ report: 'engagement', frequency: 'monthly', dayOfMonth: 1, time: '07:30', recipients: [] }],
  crmFieldMappings: [{ formField: 'injuryDate', caseField: 'incident_date' }],
};

describe('campaign drafts over HTTP', () => {
  let api: Api;
  let a: Company;
  let b: Company;

  before(async () => {
    api = await startApi();
    a = await api.createCompany('Hartley & Vance LLP');
    b = await api.createCompany('Other Firm LLP');
  });
  after(() => api.close());

  const patch = (id: string, body: unknown, key = a.apiKey, headers: Record<string, string> = {}) =>
    api.call('PATCH', `/v1/campaigns/${id}`, { key, body, headers });
  const get = (id: string, key = a.apiKey, query = '') => api.call('GET', `/v1/campaigns/${id}${query}`, { key });

  /** Asserts a refusal with this status, and that nothing was appended. */
  const refused = (status: number, send: () => Promise<Answer>) => refusedWithoutEvents(api, status, send);

  it('starts a DRAFT as soon as a name is sent: 201 with id, revision and position', async () => {
    const answer = await api.call('POST', '/v1/campaigns', { key: a.apiKey, body: { name: 'Spring intake' } });
    expect(answer.status, answer.text).to.equal(201);
    expect(answer.body).to.include({ name: 'Spring intake', status: 'DRAFT', revision: 0, companyId: a.companyId });
    expect(answer.body.id).to.be.a('string');
    expect(answer.body.position).to.match(/^\d+$/);
    expect(answer.headers.get('etag')).to.equal('"0"');
    const read = await get(answer.body.id, a.apiKey, `?minPosition=${answer.body.position}`);
    expect(read.status).to.equal(200);
    expect(read.body).to.deep.include({ id: answer.body.id, name: 'Spring intake', status: 'DRAFT', draft: {} });
  });

  it('refuses a create without a name, naming it, and appends nothing', async () => {
    const answer = await refused(400, () => api.call('POST', '/v1/campaigns', { key: a.apiKey, body: { name: '' } }));
    expect(answer.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['name']);
    await refused(400, () => api.call('POST', '/v1/campaigns', { key: a.apiKey }));
  });

  for (const [part, value] of Object.entries(parts))
    it(`autosaves ${part} on its own, with no launch validation`, async () => {
      const { id } = await startDraft(api, a.apiKey);
      const answer = await patch(id, { [part]: value });
      expect(answer.status, answer.text).to.equal(200);
      expect(answer.body.revision).to.equal(1);
      expect(answer.body.draft).to.deep.equal({ [part]: value });
      const read = await get(id, a.apiKey, `?minPosition=${answer.body.position}`);
      expect(read.body.draft).to.deep.equal({ [part]: value });
    });

  it('autosaves every part at once, clears a part with null, and records nothing for a repeat', async () => {
    const { id } = await startDraft(api, a.apiKey);
    const all = await patch(id, parts);
    expect(all.status, all.text).to.equal(200);
    expect(all.body.draft).to.deep.equal(parts);
    const cleared = await patch(id, { routing: null, description: null });
    expect(cleared.body.draft).to.not.have.any.keys('routing', 'description');
    expect(cleared.body.revision).to.equal(2);
    const before = await api.eventCount();
    const repeat = await patch(id, { retry: { intervalMinutes: 60, maxAttempts: 3 } });
    expect(repeat.status).to.equal(200);
    expect(repeat.body.revision).to.equal(2);
    expect(await api.eventCount()).to.equal(before);
  });

  it('refuses a badly shaped autosave, naming each path, and appends nothing', async () => {
    const { id } = await startDraft(api, a.apiKey);
    const answer = await refused(400, () =>
      patch(id, {
        type: 'fax',
        concurrency: { limit: 'many' },
        schedule: { mode: 'custom', slots: [{ days: ['funday'], start: '09:00', end: '10:00' }] },
      }),
    );
    expect(answer.body.errors.map((e: { path: string }) => e.path)).to.include.members([
      'type',
      'concurrency.limit',
      'schedule.slots.0.days.0',
    ]);
  });

  it('refuses parts a campaign does not have, by name', async () => {
    const { id } = await startDraft(api, a.apiKey);
    const answer = await refused(400, () => patch(id, { listID: 'x', description: 'ok' }));
    expect(answer.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['listID']);
  });

  it('copies the company default business hours into a schedule in company mode', async () => {
    const company = await api.createCompany('Company Hours LLP');
    await setCompanyHours(api, company.apiKey, '10:00', '15:00');
    const { id } = await startDraft(api, company.apiKey);
    const answer = await patch(id, { schedule: { mode: 'company' } }, company.apiKey);
    expect(answer.body.draft.schedule).to.deep.equal({
      mode: 'company',
      slots: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '10:00', end: '15:00' }],
    });
  });

  it('remembers the builder step and the draft for another device of the same company', async () => {
    const second = await api.call('POST', '/v1/api-keys', { key: a.apiKey, body: { name: 'tablet' } });
    expect(second.status, second.text).to.equal(201);
    const { id } = await startDraft(api, a.apiKey);
    const runs = parts['runs'];
    const workflows = parts['workflows'];
    await patch(id, { runs, workflows });
    const step = await api.call('PUT', `/v1/campaigns/${id}/step`, { key: a.apiKey, body: { step: 'workflows' } });
    expect(step.status, step.text).to.equal(200);
    const elsewhere = await get(id, second.body.apiKey, `?minPosition=${step.body.position}`);
    expect(elsewhere.status).to.equal(200);
    expect(elsewhere.body.step).to.equal('workflows');
    expect(elsewhere.body.draft).to.deep.equal({ runs, workflows });
  });

  it('refuses a step that is not a builder step', async () => {
    const { id } = await startDraft(api, a.apiKey);
    const answer = await refused(400, () =>
      api.call('PUT', `/v1/campaigns/${id}/step`, { key: a.apiKey, body: { step: 'somewhere' } }),
    );
    expect(answer.body.errors[0].path).to.equal('step');
  });

  it("links a pre-built agent's form when the agent is chosen, and the form step shows it", async () => {
    const formId = await createForm(api, a.apiKey);
    const agentId = await createAgent(api, a.apiKey, formId);
    const { id } = await startDraft(api, a.apiKey);
    const saved = await patch(id, { agentId });
    expect(saved.body.draft).to.deep.equal({ agentId, formId });
    await api.call('PUT', `/v1/campaigns/${id}/step`, { key: a.apiKey, body: { step: 'form' } });
    const read = await get(id, a.apiKey, `?minPosition=${(await api.eventCount()).toString()}`);
    expect(read.body).to.deep.include({ step: 'form' });
    expect(read.body.draft.formId).to.equal(formId);
  });

  it("does not link the form of another company's agent", async () => {
    const formId = await createForm(api, b.apiKey);
    const agentId = await createAgent(api, b.apiKey, formId);
    const { id } = await startDraft(api, a.apiKey);
    const saved = await patch(id, { agentId });
    expect(saved.body.draft).to.deep.equal({ agentId });
  });

  it('honours If-Match: the current revision saves, a stale one answers 412 and changes nothing', async () => {
    const { id } = await startDraft(api, a.apiKey);
    const first = await patch(id, { description: 'one' }, a.apiKey, { 'if-match': '"0"' });
    expect(first.status, first.text).to.equal(200);
    expect(first.body.revision).to.equal(1);
    expect(first.headers.get('etag')).to.equal('"1"');
    await refused(412, () => patch(id, { description: 'two' }, a.apiKey, { 'if-match': '"0"' }));
    const read = await get(id, a.apiKey, `?minPosition=${first.body.position}`);
    expect(read.body.draft.description).to.equal('one');
    await refused(400, () => patch(id, { description: 'two' }, a.apiKey, { 'if-match': 'yesterday' }));
  });

  it("answers 404, not 412, for another company's campaign or none at all, whatever If-Match names", async () => {
    const { id } = await startDraft(api, a.apiKey);
    await refused(404, () => patch(id, { description: 'mine now' }, b.apiKey, { 'if-match': '"7"' }));
    await refused(404, () => patch('no-such-campaign', { description: 'x' }, a.apiKey, { 'if-match': '"0"' }));
  });

  it('deletes a draft; GET then answers 404 and the list no longer shows it', async () => {
    const { id } = await startDraft(api, a.apiKey, 'To be deleted');
    const answer = await api.call('DELETE', `/v1/campaigns/${id}`, { key: a.apiKey });
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.body).to.include({ id, deleted: true });
    expect((await get(id, a.apiKey, `?minPosition=${answer.body.position}`)).status).to.equal(404);
    const list = await api.call('GET', `/v1/campaigns?status=draft&limit=100&minPosition=${answer.body.position}`, {
      key: a.apiKey,
    });
    expect(list.body.items.map((c: { id: string }) => c.id)).to.not.include(id);
    await refused(404, () => api.call('DELETE', `/v1/campaigns/${id}`, { key: a.apiKey }));
  });

  it('refuses to delete a launched campaign with 409', async () => {
    const company = await api.createCompany('Launching LLP');
    const { campaignId } = await launchableDraft(api, company);
    const launch = await api.call('POST', `/v1/campaigns/${campaignId}/launch`, { key: company.apiKey });
    expect(launch.status, launch.text).to.equal(200);
    const answer = await refused(409, () => api.call('DELETE', `/v1/campaigns/${campaignId}`, { key: company.apiKey }));
    expect(answer.body.code).to.equal('CAMPAIGN.NOT_A_DRAFT');
  });

  it("answers 404 for another company's campaign, on every route, and changes nothing", async () => {
    const { id } = await startDraft(api, a.apiKey);
    await refused(404, () => patch(id, { description: 'mine now' }, b.apiKey));
    await refused(404, () => api.call('PUT', `/v1/campaigns/${id}/step`, { key: b.apiKey, body: { step: 'list' } }));
    await refused(404, () => api.call('DELETE', `/v1/campaigns/${id}`, { key: b.apiKey }));
    await refused(404, () => api.call('POST', `/v1/campaigns/${id}/launch`, { key: b.apiKey }));
    await refused(404, () => api.call('POST', `/v1/campaigns/${id}/pause`, { key: b.apiKey }));
    expect((await get(id, b.apiKey, `?minPosition=${(await api.eventCount()).toString()}`)).status).to.equal(404);
    expect((await get(id, b.apiKey, '?asOf=2099-01-01T00:00:00Z')).status).to.equal(404);
    expect((await api.call('GET', `/v1/campaigns/${id}/history`, { key: b.apiKey })).status).to.equal(404);
  });
});
