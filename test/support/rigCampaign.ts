import type { DemoClient } from '../../scripts/demo/demoClient.ts';
import { ADMIN_TOKEN } from './apiHarness.ts';

export type RigContact = {
  readonly phone: string;
  readonly name?: string;
  readonly email?: string;
  readonly timezone?: string;
  readonly state?: string;
};

export type RigCampaign = {
  readonly contacts: readonly RigContact[];
  readonly company: {
    readonly outboundLines: number;
    readonly concurrencyRate: number;
    readonly timezone?: string;
    readonly businessHours?: readonly Record<string, unknown>[];
  };
  /** The number the campaign's agent calls from (and inbound callers dial); one number for every rig company when absent. */
  readonly callerNumber?: string;
  /** The campaign's settings as the builder takes them (runs, schedule, workflows, concurrency, retry...). */
  readonly settings: Record<string, unknown>;
  /** The form's fields; when absent, the fields the simulated agent answers (`reachedContact` required). */
  readonly formFields?: readonly Record<string, unknown>[];
};

const caseType = 'personal injury';

/** The fields the simulated agent answers: answers must fit the campaign's form, or they are refused. */
export const simulatedAgentFields = [
  { key: 'reachedContact', label: 'Reached', type: 'boolean', required: true },
  { key: 'interested', label: 'Interested', type: 'boolean', required: false },
  {
    key: 'preferredChannel',
    label: 'Preferred channel',
    type: 'choice',
    required: false,
    options: ['phone', 'sms', 'email'],
  },
];

const csvOf = (contacts: readonly RigContact[]): string =>
  ['externalId,caseType,name,phone,email,timezone,state']
    .concat(
      contacts.map((c, i) =>
        [
          `PI-${String(i + 1).padStart(5, '0')}`,
          caseType,
          c.name ?? `Client ${i + 1}`,
          c.phone,
          c.email ?? '',
          c.timezone ?? '',
          c.state ?? '',
        ].join(','),
      ),
    )
    .join('\n') + '\n';

/** What an admin does before outreach: a company, its list, a form, an agent and a campaign, launched over HTTP. */
export const launchRigCampaign = async (client: DemoClient, setup: RigCampaign) => {
  const opened = await client.post('/v1/companies', ADMIN_TOKEN, { name: 'Hartley & Vance LLP' });
  const key: string = opened.apiKey;
  const companyId: string = opened.company.id;
  await client.put('/v1/settings/campaigns', key, {
    concurrencyRate: setup.company.concurrencyRate,
    outboundLines: setup.company.outboundLines,
    timezone: setup.company.timezone ?? 'America/Chicago',
    defaultBusinessHours: setup.company.businessHours ?? [
      { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' },
    ],
  });
  await client.put('/v1/settings/email', key, {
    postalAddress: 'Hartley & Vance LLP\n100 N LaSalle St, Suite 1200\nChicago, IL 60602',
  });
  const list = await client.post('/v1/lists', key, { name: 'Open matters', caseType });
  const imported = await client.csv(`/v1/lists/${list.id}/cases/import`, key, csvOf(setup.contacts));
  if (imported.rejected.length > 0)
    throw new Error(`cases rejected: ${JSON.stringify(imported.rejected).slice(0, 500)}`);
  const form = await client.post('/v1/forms', key, {
    name: 'Check-in',
    caseType,
    fields: setup.formFields ?? simulatedAgentFields,
  });
  const agent = await client.post('/v1/agents', key, {
    name: 'Ava',
    voice: 'warm',
    streamUrl: 'wss://voice.example.com/ava',
    callerNumber: setup.callerNumber ?? '+13125550111',
    formId: form.id,
  });
  const draft = await client.post('/v1/campaigns', key, { name: 'Check-in' });
  await client.patch(`/v1/campaigns/${draft.id}`, key, { listId: list.id, agentId: agent.id, ...setup.settings });
  const launched = await client.post(`/v1/campaigns/${draft.id}/launch`, key);
  return {
    key,
    companyId,
    campaignId: draft.id as string,
    agentId: agent.id as string,
    formId: form.id as string,
    enrolled: launched.enrolledContacts as number,
  };
};
