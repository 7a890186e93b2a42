import { expect } from 'chai';
import { startApi, type Answer, type Api } from '../../support/apiHarness.ts';
import { refusedWithoutEvents } from '../../support/refused.ts';
import {
  addCases,
  caseOf,
  createAgent,
  createForm,
  launchableDraft,
  seedList,
  setCompanyHours,
  startDraft,
  type Company,
} from './campaignSetup.ts';

describe('campaign launch and lifecycle over HTTP', () => {
  let api: Api;
  let a: Company;
  let b: Company;

  before(async () => {
    api = await startApi();
    a = await api.createCompany('Hartley & Vance LLP');
    b = await api.createCompany('Other Firm LLP');
  });
  after(() => api.close());

  const post = (id: string, action: string, key = a.apiKey, body?: unknown) =>
    api.call('POST', `/v1/campaigns/${id}/${action}`, { key, ...(body !== undefined ? { body } : {}) });
  const patch = (id: string, body: unknown, key = a.apiKey) => api.call('PATCH', `/v1/campaigns/${id}`, { key, body });

  const refused = (status: number, send: () => Promise<Answer>) => refusedWithoutEvents(api, status, send);

  it('launches a complete draft: ACTIVE, with the list frozen and its contacts enrolled', async () => {
    const { campaignId, listId } = await launchableDraft(api, a, 3);
    const answer = await post(campaignId, 'launch');
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.body).to.deep.include({
      status: 'ACTIVE',
      enrolledContacts: 3,
      counts: { cases: 3, contacts: 3, enrolled: 3 },
    });
    expect(answer.body.launch.list).to.deep.include({
      listId,
      caseType: 'personal injury',
      caseCount: 3,
      contactCount: 3,
    });
    const history = await api.call('GET', `/v1/campaigns/${campaignId}/history`, { key: a.apiKey });
    const types = history.body.items.map((e: { type: string }) => e.type);
    expect(types.slice(-2)).to.deep.equal(['CampaignLaunched', 'ContactsEnrolled']);
    const enrolled = history.body.items.at(-1).data;
    expect(enrolled.contacts).to.have.length(3);
    expect(enrolled.campaignId).to.equal(campaignId);
    expect(enrolled.contacts[0]).to.include.keys(
      'caseId',
      'contactId',
      'externalId',
      'phone',
      'email',
      'timezone',
      'timezoneSource',
      'state',
    );
    expect(enrolled.contacts.map((c: { externalId: string }) => c.externalId)).to.deep.equal([
      'EXT-1',
      'EXT-2',
      'EXT-3',
    ]);
  });

  it('freezes report schedules, CRM field mappings and the membership: cases added later are not enrolled', async () => {
    const { campaignId, listId } = await launchableDraft(api, a, 2);
    const launched = await post(campaignId, 'launch');
    await addCases(api, a.companyId, listId, [caseOf('LATE-1')]);
    expect(launched.body.draft.reportSchedules).to.deep.equal([
      { report: 'calls', frequency: 'daily', time: '07:00', recipients: ['partner@example.com'] },
    ]);
    expect(launched.body.draft.crmFieldMappings).to.deep.equal([
      { formField: 'injuryDate', caseField: 'incident_date' },
    ]);
    await refused(409, () => patch(campaignId, { reportSchedules: [], crmFieldMappings: [] }));
    const read = await api.call('GET', `/v1/campaigns/${campaignId}?minPosition=${launched.body.position}`, {
      key: a.apiKey,
    });
    expect(read.body.counts).to.deep.equal({ cases: 2, contacts: 2, enrolled: 2 });
    const history = await api.call('GET', `/v1/campaigns/${campaignId}/history`, { key: a.apiKey });
    const enrolled = history.body.items
      .filter((e: { type: string }) => e.type === 'ContactsEnrolled')
      .flatMap((e: { data: { contacts: { externalId: string }[] } }) => e.data.contacts);
    expect(enrolled.map((c: { externalId: string }) => c.externalId)).to.deep.equal(['EXT-1', 'EXT-2']);
  });

  it('launches in company times on the engine defaults when the company never set its own hours', async () => {
    const fresh = await api.createCompany('Fresh Firm LLP');
    const { campaignId } = await launchableDraft(api, fresh, 1);
    expect((await patch(campaignId, { schedule: null }, fresh.apiKey)).status).to.equal(200);
    const answer = await post(campaignId, 'launch', fresh.apiKey);
    expect(answer.status, answer.text).to.equal(200);
    const settings = await api.call('GET', '/v1/settings', { key: fresh.apiKey });
    expect(answer.body.launch.companyHours).to.deep.include({ timezone: settings.body.campaigns.timezone });
  });

  it('refuses email steps until the company sets the postal address its email prints (CAN-SPAM), then launches', async () => {
    const firm = await api.createCompany('No Address Yet LLP');
    const { campaignId } = await launchableDraft(api, firm, 1);
    const emailStep = {
      trigger: { kind: 'enrolled' },
      steps: [{ channel: 'email', subject: 'Your case', body: 'Hello {{contact.name}}' }],
    };
    expect((await patch(campaignId, { workflows: [emailStep] }, firm.apiKey)).status).to.equal(200);
    const answer = await refused(422, () => post(campaignId, 'launch', firm.apiKey));
    expect(answer.body.errors).to.deep.equal([
      {
        path: 'workflows.0.steps.0',
        message:
          "email needs the company's postal address (CAN-SPAM): set email.postalAddress with PUT /v1/settings/email",
      },
    ]);
    const set = await api.call('PUT', '/v1/settings/email', {
      key: firm.apiKey,
      body: { postalAddress: 'No Address Yet LLP\n1 Main St\nSpringfield, IL 62701' },
    });
    expect(set.status, set.text).to.equal(200);
    const launched = await post(campaignId, 'launch', firm.apiKey);
    expect(launched.status, launched.text).to.equal(200);
  });

  it('refuses message templates that cannot render, naming each template', async () => {
    const { campaignId } = await launchableDraft(api, a, 1);
    const saved = await patch(campaignId, {
      workflows: [
        {
          trigger: { kind: 'enrolled' },
          steps: [
            { channel: 'sms', body: 'Hi {{#contact.name}} unclosed' },
            { channel: 'email', subject: 'About {{case.nickname}}', body: 'Hello {{contact.name}}' },
          ],
        },
      ],
      voicemail: { policy: 'leave_message', message: 'Call {{> partial}}' },
    });
    expect(saved.status, saved.text).to.equal(200);
    const answer = await refused(422, () => post(campaignId, 'launch'));
    const paths = answer.body.errors.map((e: { path: string }) => e.path);
    expect(paths).to.include.members(['workflows.0.steps.0.body', 'workflows.0.steps.1.subject', 'voicemail.message']);
    expect(paths).not.to.include('workflows.0.steps.1.body');
  });

  it('answers 422 with every problem at once, and appends nothing', async () => {
    const formId = await createForm(api, a.apiKey, 'estate');
    const listId = await seedList(api, a.companyId, 'personal injury', [
      caseOf('EXT-1'),
      caseOf('EXT-2', 'workers comp'),
    ]);
    const { id } = await startDraft(api, a.apiKey, 'No');
    await patch(id, {
      type: 'voice',
      listId,
      formId,
      routing: { mode: 'transfer', forwardingNumber: '555' },
      schedule: { mode: 'custom', slots: [{ days: ['mon'], start: '07:00', end: '22:00' }] },
      concurrency: { limit: 0, pacingPerMinute: -1 },
      reportSchedules: [{ report: 'calls', frequency: 'weekly', time: '08:00', recipients: ['nobody'] }],
    });
    const answer = await refused(422, () => post(id, 'launch'));
    expect(answer.body.code).to.equal('CAMPAIGN.NOT_LAUNCHABLE');
    expect(answer.body.errors.map((e: { path: string }) => e.path)).to.deep.equal([
      'name',
      'listId',
      'formId',
      'agentId',
      'routing.forwardingNumber',
      'schedule.slots.0',
      'runs',
      'concurrency.limit',
      'concurrency.pacingPerMinute',
      'reportSchedules.0.dayOfWeek',
      'reportSchedules.0.recipients.0',
    ]);
    expect(answer.body.errors[1].message).to.match(/EXT-2/);
    const read = await api.call('GET', `/v1/campaigns/${id}`, { key: a.apiKey });
    expect(read.body.status).to.equal('DRAFT');
  });

  it("counts another company's list, form and agent as missing", async () => {
    const listId = await seedList(api, b.companyId, 'personal injury', [caseOf('B-1')]);
    const formId = await createForm(api, b.apiKey);
    const agentId = await createAgent(api, b.apiKey);
    const { id } = await startDraft(api, a.apiKey);
    const slots = [{ days: ['mon'], start: '09:00', end: '12:00' }];
    await patch(id, {
      type: 'voice',
      listId,
      formId,
      agentId,
      schedule: { mode: 'custom', slots },
      runs: [{ start: '2026-03-02T14:00:00.000Z', slots, channels: ['voice'] }],
    });
    const answer = await refused(422, () => post(id, 'launch'));
    expect(answer.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['listId', 'formId', 'agentId']);
  });

  it('launches company times with the company hours of the moment of launch', async () => {
    const company = await api.createCompany('Company Times LLP');
    await setCompanyHours(api, company.apiKey, '09:00', '17:00');
    const { campaignId } = await launchableDraft(api, company, 1);
    await patch(campaignId, { schedule: { mode: 'company' } }, company.apiKey);
    await setCompanyHours(api, company.apiKey, '10:00', '14:00');
    const answer = await post(campaignId, 'launch', company.apiKey);
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.body.draft.schedule).to.deep.equal({
      mode: 'company',
      slots: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '10:00', end: '14:00' }],
    });
    expect(answer.body.launch.companyHours).to.deep.include({ timezone: 'America/Chicago' });
  });

  it('enrols a large list in batches of at most 1,000 contacts', async () => {
    const company = await api.createCompany('Big List LLP');
    const { campaignId } = await launchableDraft(api, company, 2300);
    const answer = await post(campaignId, 'launch', company.apiKey);
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.body.enrolledContacts).to.equal(2300);
    const history = await api.call('GET', `/v1/campaigns/${campaignId}/history`, { key: company.apiKey });
    const batches = history.body.items
      .filter((e: { type: string }) => e.type === 'ContactsEnrolled')
      .map((e: { data: { contacts: unknown[] } }) => e.data.contacts.length);
    expect(batches).to.deep.equal([1000, 1000, 300]);
  });

  it('pauses, resumes and completes, and refuses what does not fit the status with 409, changing nothing', async () => {
    const { campaignId: id } = await launchableDraft(api, a, 1);
    const draftPause = await refused(409, () => post(id, 'pause'));
    expect(draftPause.body.code).to.equal('CAMPAIGN.NOT_ACTIVE');
    await refused(409, () => post(id, 'resume'));
    await refused(409, () => post(id, 'complete'));
    expect((await post(id, 'launch')).status).to.equal(200);
    await refused(409, () => post(id, 'launch'));
    await refused(409, () => post(id, 'resume'));
    const paused = await post(id, 'pause', a.apiKey, { reason: 'client asked for a break' });
    expect(paused.status, paused.text).to.equal(200);
    expect(paused.body).to.include({ status: 'PAUSED' });
    await refused(409, () => post(id, 'pause'));
    const resumed = await post(id, 'resume');
    expect(resumed.body.status).to.equal('ACTIVE');
    const completed = await post(id, 'complete');
    expect(completed.body.status).to.equal('COMPLETED');
    for (const action of ['pause', 'resume', 'complete', 'launch']) await refused(409, () => post(id, action));
    const reason = await api.call('GET', `/v1/campaigns/${id}/history`, { key: a.apiKey });
    expect(reason.body.items.find((e: { type: string }) => e.type === 'CampaignPaused').data.reason).to.equal(
      'client asked for a break',
    );
  });

  it('refuses a lifecycle body that is not what it expects', async () => {
    const { campaignId } = await launchableDraft(api, a, 1);
    await post(campaignId, 'launch');
    const answer = await refused(400, () => post(campaignId, 'pause', a.apiKey, { reason: 42 }));
    expect(answer.body.errors[0].path).to.equal('reason');
  });

  it('honours If-Match on launch', async () => {
    const { campaignId } = await launchableDraft(api, a, 1);
    await refused(412, () =>
      api.call('POST', `/v1/campaigns/${campaignId}/launch`, { key: a.apiKey, headers: { 'if-match': '"0"' } }),
    );
    const answer = await api.call('POST', `/v1/campaigns/${campaignId}/launch`, {
      key: a.apiKey,
      headers: { 'if-match': '"1"' },
    });
    expect(answer.status, answer.text).to.equal(200);
  });

  it('answers a re-sent launch with the same Idempotency-Key once, enrolling nobody twice', async () => {
    const { campaignId } = await launchableDraft(api, a, 2);
    const send = () =>
      api.call('POST', `/v1/campaigns/${campaignId}/launch`, {
        key: a.apiKey,
        headers: { 'idempotency-key': `launch-${campaignId}` },
      });
    const first = await send();
    const countAfterFirst = await api.eventCount();
    const second = await send();
    expect(second.status).to.equal(first.status);
    expect(second.body.position).to.equal(first.body.position);
    expect(await api.eventCount()).to.equal(countAfterFirst);
  });
});
