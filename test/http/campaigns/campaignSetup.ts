import { expect } from 'chai';
import { eventId } from '../../../commands/eventIds.ts';
import { newEntityId } from '../../../adapters/clock/systemClock.ts';
import { listStream, type Case } from '../../../domain/list/events.ts';
import { engineRegistry } from '../../../domain/engineEvents.ts';
import { CASES_PER_EVENT } from '../../../domain/list/decider.ts';
import type { Api } from '../../support/apiHarness.ts';

export type Company = { companyId: string; apiKey: string };

/**
 * A list written straight to its stream, as the lists area records it: the campaign tests then do not
 * depend on list routes, and can hold cases the list routes would screen out (another case type).
 */
export const seedList = async (
  api: Api,
  companyId: string,
  caseType: string,
  cases: readonly Case[],
): Promise<string> => {
  const listId = newEntityId();
  await appendList(api, companyId, listId, [
    { type: 'ListCreated', data: { listId, companyId, name: `List ${listId.slice(-4)}`, caseType } },
  ]);
  // A thousand cases an append, as an import records them, so a large list fits the store's append limit.
  for (let from = 0; from < cases.length; from += CASES_PER_EVENT)
    await addCases(api, companyId, listId, cases.slice(from, from + CASES_PER_EVENT));
  return listId;
};

/** More cases for a seeded list, as a later import would add them. */
export const addCases = (api: Api, companyId: string, listId: string, cases: readonly Case[]) =>
  appendList(api, companyId, listId, [{ type: 'CasesAdded', data: { listId, cases } }]);

const appendList = async (
  api: Api,
  companyId: string,
  listId: string,
  events: readonly { type: string; data: unknown }[],
) => {
  const commandId = newEntityId();
  const now = new Date();
  const metadata = {
    companyId,
    commandId,
    correlationId: commandId,
    causationId: commandId,
    actor: 'test',
    occurredAt: now.toISOString(),
    schemaVersion: 1,
  };
  await api.stores.eventStore.append(
    listStream(listId),
    events.map((event, i) => ({
      id: eventId(commandId, i, now),
      type: event.type,
      data: engineRegistry.encode(event),
      metadata,
    })),
    'any',
  );
};

let phone = 0;

export const caseOf = (externalId: string, caseType = 'personal injury', contacts = 1): Case => ({
  caseId: newEntityId(),
  externalId,
  caseType,
  contacts: Array.from({ length: contacts }, () => ({
    contactId: newEntityId(),
    name: 'Jane Roe',
    phone: `+1312555${String(++phone % 10000).padStart(4, '0')}`,
    email: 'jane@example.com',
    timezone: 'America/Chicago',
    timezoneSource: 'contact' as const,
    state: 'IL',
  })),
});

const ok = <B>(answer: { status: number; body: B; text: string }, status = 201): B => {
  expect(answer.status, answer.text).to.equal(status);
  return answer.body;
};

export const createForm = async (api: Api, key: string, caseType = 'personal injury'): Promise<string> =>
  ok(
    await api.call('POST', '/v1/forms', {
      key,
      body: {
        name: 'Injury intake',
        caseType,
        fields: [{ key: 'injuryDate', label: 'When were you injured?', type: 'date', required: true }],
      },
    }),
  ).id;

export const createAgent = async (api: Api, key: string, formId?: string): Promise<string> =>
  ok(
    await api.call('POST', '/v1/agents', {
      key,
      body: {
        name: 'Ava',
        voice: 'alloy',
        streamUrl: 'wss://voice.example.com/stream',
        callerNumber: '+13125550100',
        ...(formId ? { formId } : {}),
      },
    }),
  ).id;

export const setCompanyHours = async (api: Api, key: string, start = '09:00', end = '17:00'): Promise<void> => {
  ok(
    await api.call('PUT', '/v1/settings/campaigns', {
      key,
      body: {
        concurrencyRate: 50,
        outboundLines: 10,
        timezone: 'America/Chicago',
        defaultBusinessHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start, end }],
      },
    }),
    200,
  );
};

export const startDraft = async (
  api: Api,
  key: string,
  name = 'Spring intake',
): Promise<{ id: string; revision: number; position: string }> =>
  ok(await api.call('POST', '/v1/campaigns', { key, body: { name } }));

/** A draft with everything a voice campaign needs to launch. */
export const launchableDraft = async (api: Api, company: Company, contacts = 2) => {
  const formId = await createForm(api, company.apiKey);
  const agentId = await createAgent(api, company.apiKey);
  const listId = await seedList(
    api,
    company.companyId,
    'personal injury',
    Array.from({ length: contacts }, (_, i) => caseOf(`EXT-${i + 1}`)),
  );
  const draft = await startDraft(api, company.apiKey);
  ok(
    await api.call('PATCH', `/v1/campaigns/${draft.id}`, {
      key: company.apiKey,
      body: {
        type: 'voice',
        listId,
        agentId,
        formId,
        schedule: {
          mode: 'custom',
          slots: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }],
        },
        runs: [
          {
            start: '2026-03-02T14:00:00.000Z',
            slots: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }],
            channels: ['voice'],
          },
        ],
        concurrency: { limit: 5, pacingPerMinute: 30 },
        reportSchedules: [{ report: 'calls', frequency: 'daily', time: '07:00', recipients: ['partner@example.com'] }],
        crmFieldMappings: [{ formField: 'injuryDate', caseField: 'incident_date' }],
      },
    }),
    200,
  );
  return { campaignId: draft.id, listId, formId, agentId };
};

/** A voice draft over the list, with a form, an agent and one weekday run: ready to launch. */
export const voiceDraftOver = async (api: Api, company: Company, listId: string, name?: string): Promise<string> => {
  const formId = await createForm(api, company.apiKey);
  const agentId = await createAgent(api, company.apiKey);
  const draft = await startDraft(api, company.apiKey, name);
  const slots = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }];
  const saved = await api.call('PATCH', `/v1/campaigns/${draft.id}`, {
    key: company.apiKey,
    body: {
      type: 'voice',
      listId,
      agentId,
      formId,
      schedule: { mode: 'custom', slots },
      runs: [{ start: '2026-03-02T14:00:00.000Z', slots, channels: ['voice'] }],
    },
  });
  expect(saved.status, saved.text).to.equal(200);
  return draft.id;
};
