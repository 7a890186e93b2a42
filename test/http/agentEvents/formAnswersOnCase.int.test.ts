import { expect } from 'chai';
import { newEntityId } from '../../../adapters/clock/systemClock.ts';
import { campaignLog } from '../../../scripts/replay/campaignLog.ts';
import { startApi, type Api } from '../../support/apiHarness.ts';
import { errorPaths, refusedWithoutEvents } from '../../support/refused.ts';
import { launchFormCampaign, launchedAt, ok } from './formCampaign.ts';

const later = '2026-03-03T15:00:00.000Z';

type CaseItem = { id: string; externalId: string; fields: Record<string, unknown>; fieldsUpdatedAt?: string };

describe('form answers reach the case', function () {
  this.timeout(30_000);
  let api: Api;
  let setup: Awaited<ReturnType<typeof launchFormCampaign>>;
  let key: string;
  let listId: string;
  let campaignId: string;
  let dana: { contactId: string; caseId: string };

  const fresh = async () => `minPosition=${await api.eventCount()}`;
  const report = (callId: string, answers: Record<string, unknown>) =>
    api.call('POST', '/v1/agent-events', { key, body: { kind: 'form_answers', callId, answers } });
  const casesOfList = async (): Promise<CaseItem[]> =>
    (await ok(api.call('GET', `/v1/lists/${listId}/cases?${await fresh()}`, { key }))).items;
  const contactOf = async (contactId: string) =>
    ok(api.call('GET', `/v1/campaigns/${campaignId}/contacts/${contactId}?${await fresh()}`, { key }));
  const enrollmentTypes = async (contactId: string) => {
    const seen: { type: string; reason?: string }[] = [];
    for await (const event of api.stores.eventStore.readStream(`enrollment-${campaignId}.${contactId}`)) {
      const { reason } = event.data as { reason?: string };
      seen.push({ type: event.type, ...(reason ? { reason } : {}) });
    }
    return seen;
  };

  const launched = async (completeOnFormComplete: boolean) => {
    api = await startApi();
    setup = await launchFormCampaign(api, completeOnFormComplete);
    ({ key, listId, campaignId } = setup);
    dana = setup.contacts.get('PI-1')!;
  };
  afterEach(() => api?.close());

  it("writes the mapped answers onto the list's case and into the contact's timeline, once however often they are reported", async () => {
    await launched(false);
    const callId = newEntityId();
    await setup.seeds.placedCall(campaignId, dana.contactId, callId, launchedAt);

    expect((await report(callId, { injured: true, clinic: 'north', notes: 'Back pain' })).status).to.equal(202);
    const [one, two] = await casesOfList();
    expect(one).to.deep.include({ id: dana.caseId, externalId: 'PI-1', fields: { treating_clinic: 'North' } });
    expect(two).to.deep.include({ externalId: 'PI-2', fields: {} });

    const head = await api.eventCount();
    expect((await report(callId, { injured: true, clinic: 'North', notes: 'Back pain' })).status, 'a repeat').to.equal(
      202,
    );
    expect(await api.eventCount(), 'a repeat writes nothing').to.equal(head);

    expect((await report(callId, { clinic: 'South', injuryDate: '2026-02-14' })).status).to.equal(202);
    expect((await casesOfList())[0]!.fields).to.deep.equal({ treating_clinic: 'South', incident_date: '2026-02-14' });

    const contact = await contactOf(dana.contactId);
    const written = contact.timeline.filter((entry: { kind: string }) => entry.kind === 'case_fields_updated');
    expect(written.map((entry: { fields: unknown }) => entry.fields)).to.deep.equal([
      { treating_clinic: 'North' },
      { treating_clinic: 'South', incident_date: '2026-02-14' },
    ]);
    expect(written[0]).to.include({ listId, caseId: dana.caseId, callId, formId: setup.formId });
    expect(contact.status, 'the campaign does not complete on a complete form').to.equal('active');
    const log = await campaignLog(api.stores.eventStore, campaignId, undefined, (event) => event.type);
    expect(
      log!.filter((type) => type === 'CaseFieldsUpdated'),
      "the campaign's log shows what it wrote on the case",
    ).to.have.length(2);
  });

  it('refuses answers that do not fit the form, naming each, and writes nothing anywhere', async () => {
    await launched(true);
    const callId = newEntityId();
    await setup.seeds.placedCall(campaignId, dana.contactId, callId, launchedAt);

    const refused = await refusedWithoutEvents(api, 400, () =>
      report(callId, { injured: 'yes', injuryDate: '2026-02-14', pets: 2, clinic: 'East' }),
    );
    expect(errorPaths(refused)).to.deep.equal(['answers.injured', 'answers.pets', 'answers.clinic']);
    expect(refused.body.errors[1].message).to.match(/no field pets/);
    await refusedWithoutEvents(api, 400, () => report(callId, { injuryDate: '14/02/2026' }));
    expect((await casesOfList())[0]!.fields).to.deep.equal({});

    expect((await report(callId, { clinic: 'North' })).status).to.equal(202);
    expect((await report(callId, { clinic: null })).status, 'null clears an answer').to.equal(202);
    expect((await casesOfList())[0]!.fields).to.deep.equal({});
  });

  it('completes the contact once its form is complete over all its calls, and dials it no more', async () => {
    await launched(true);
    const first = newEntityId();
    await setup.seeds.placedCall(campaignId, dana.contactId, first, launchedAt);
    expect((await report(first, { injured: true, clinic: 'North' })).status).to.equal(202);
    expect((await contactOf(dana.contactId)).status, 'a field is still missing').to.equal('active');

    await setup.seeds.endedCall(campaignId, dana.contactId, first, launchedAt);
    const second = newEntityId();
    await setup.seeds.placedCall(campaignId, dana.contactId, second, later, 2);
    expect((await report(second, { injuryDate: '2026-02-14' })).status).to.equal(202);

    const contact = await contactOf(dana.contactId);
    expect(contact).to.include({ status: 'completed', nextAttemptAt: null });
    expect(contact.timeline.find((entry: { kind: string }) => entry.kind === 'status')).to.include({
      change: 'completed',
      reason: 'form_complete',
    });
    const completed = await ok(
      api.call('GET', `/v1/campaigns/${campaignId}/contacts?status=completed&${await fresh()}`, { key }),
    );
    expect(completed.items.map((c: { contactId: string }) => c.contactId)).to.deep.equal([dana.contactId]);
    const reported = await ok(
      api.call('GET', `/v1/campaigns/${campaignId}/reports/contacts?${await fresh()}`, { key }),
    );
    expect(reported.items.find((row: { contactId: string }) => row.contactId === dana.contactId)).to.include({
      status: 'completed',
    });

    expect((await report(second, { injuryDate: '2026-02-14', notes: 'Confirmed' })).status).to.equal(202);
    expect(await enrollmentTypes(dana.contactId)).to.deep.equal([
      { type: 'CallRequested' },
      { type: 'CallAttemptEnded' },
      { type: 'CallRequested' },
      { type: 'ContactMarkedCompleted', reason: 'form_complete' },
    ]);
  });

  it('documents the setting, the case fields and the timeline entry in the OpenAPI document', async () => {
    api = await startApi();
    const doc = (await api.call('GET', '/openapi.json')).body;
    const json = (path: string, method: string, part: 'requestBody' | 'response') => {
      const operation = doc.paths[path][method];
      return JSON.stringify(part === 'requestBody' ? operation.requestBody : operation.responses['200']);
    };
    expect(json('/v1/campaigns/{id}', 'patch', 'requestBody')).to.contain('completeOnFormComplete');
    expect(json('/v1/lists/{id}/cases', 'get', 'response')).to.contain('fieldsUpdatedAt');
    expect(json('/v1/campaigns/{id}/contacts/{contactId}', 'get', 'response')).to.contain('case_fields_updated');
  });
});
