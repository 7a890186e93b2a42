import { expect } from 'chai';
import type { Api } from '../../support/apiHarness.ts';
import { callSeeds } from './agentEventSeeds.ts';

export const caseType = 'personal injury';
export const launchedAt = '2026-03-02T15:00:00.000Z';
const slots = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }];

/** The intake form: two required fields (a complete form answers both), a choice and free text. */
export const intakeFields = [
  { key: 'injured', label: 'Injured?', type: 'boolean', required: true },
  { key: 'injuryDate', label: 'When?', type: 'date', required: true },
  { key: 'clinic', label: 'Clinic', type: 'choice', required: false, options: ['North', 'South'] },
  { key: 'notes', label: 'Notes', type: 'text', required: false },
];

const crmFieldMappings = [
  { formField: 'injuryDate', caseField: 'incident_date' },
  { formField: 'clinic', caseField: 'treating_clinic' },
];

/** The body of an answer that must have this status. */
export const ok = async (answer: Promise<{ status: number; text: string; body: any }>, status = 200) => {
  const done = await answer;
  expect(done.status, done.text).to.equal(status);
  return done.body;
};

/**
 * What an admin sets up over HTTP: a company, a list of two cases (PI-1, PI-2), the intake form, an
 * agent and a voice campaign launched with field mappings and the given completion setting.
 */
export const launchFormCampaign = async (api: Api, completeOnFormComplete: boolean) => {
  const { companyId, apiKey: key } = await api.createCompany();
  const listId: string = (
    await ok(api.call('POST', '/v1/lists', { key, body: { name: 'Open matters', caseType } }), 201)
  ).id;
  const person = (name: string, phone: string) => ({ name, phone, timezone: 'America/Chicago' });
  const cases = [
    { externalId: 'PI-1', caseType, contacts: [person('Dana Whitfield', '+13125550142')] },
    { externalId: 'PI-2', caseType, contacts: [person('Sam Ortiz', '+13125550143')] },
  ];
  await ok(api.call('POST', `/v1/lists/${listId}/cases`, { key, body: { cases } }));
  const formId: string = (
    await ok(api.call('POST', '/v1/forms', { key, body: { name: 'Intake', caseType, fields: intakeFields } }), 201)
  ).id;
  const agent = {
    name: 'Ava',
    voice: 'warm',
    streamUrl: 'wss://voice.example.com/ava',
    callerNumber: '+13125550111',
    formId,
  };
  const agentId: string = (await ok(api.call('POST', '/v1/agents', { key, body: agent }), 201)).id;
  const draft = await ok(api.call('POST', '/v1/campaigns', { key, body: { name: 'Spring intake' } }), 201);
  const settings = {
    type: 'voice',
    listId,
    agentId,
    formId,
    schedule: { mode: 'custom', slots },
    runs: [{ start: launchedAt, slots, channels: ['voice'] }],
    crmFieldMappings,
    completeOnFormComplete,
  };
  const saved = await ok(api.call('PATCH', `/v1/campaigns/${draft.id}`, { key, body: settings }));
  expect(saved.draft.completeOnFormComplete, 'the campaign shows the setting').to.equal(completeOnFormComplete);
  await ok(api.call('POST', `/v1/campaigns/${draft.id}/launch`, { key }));
  const page = await ok(
    api.call('GET', `/v1/campaigns/${draft.id}/contacts?minPosition=${await api.eventCount()}`, { key }),
  );
  const contacts = new Map<string, { contactId: string; caseId: string }>(
    page.items.map((c: { externalId: string; contactId: string; caseId: string }) => [c.externalId, c]),
  );
  return { key, companyId, listId, formId, campaignId: draft.id as string, contacts, seeds: callSeeds(api, companyId) };
};
