import type { DemoClient } from './demoClient.ts';
import { demoCasesCsv } from './demoCases.ts';

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'];
const caseType = 'personal injury';
/** The demo firm; later runs on the same store add `(run n)` to it. */
export const demoCompany = 'Hartley & Vance LLP';
/** The firm's time zone: its settings, and the local time the demo shows. */
export const demoTimezone = 'America/Chicago';

/**
 * What an admin does before outreach starts: the company and its settings, a list imported from CSV,
 * an intake form, an AI agent with that form, and a multi-channel campaign, launched.
 */
export const setUpDemoCampaign = async (
  client: DemoClient,
  adminToken: string,
  options: { contacts: number; seed: number; now: Date; companyName?: string },
) => {
  const opened = await client.post('/v1/companies', adminToken, { name: options.companyName ?? demoCompany });
  const key: string = opened.apiKey;
  await client.put('/v1/settings/campaigns', key, {
    concurrencyRate: 80,
    outboundLines: 25,
    timezone: demoTimezone,
    defaultBusinessHours: [{ days: weekdays, start: '09:00', end: '17:00' }],
  });
  // Every email prints it (CAN-SPAM); the campaign's thank-you email cannot launch without it.
  await client.put('/v1/settings/email', key, {
    postalAddress: `${options.companyName ?? demoCompany}\n100 N LaSalle St, Suite 1200\nChicago, IL 60602`,
  });
  const list = await client.post('/v1/lists', key, { name: 'Open personal-injury matters', caseType });
  const imported = await client.csv(
    `/v1/lists/${list.id}/cases/import`,
    key,
    demoCasesCsv(options.contacts, caseType, options.seed),
  );
  const form = await client.post('/v1/forms', key, {
    name: 'Case check-in',
    caseType,
    fields: [
      { key: 'reachedContact', label: 'Reached the client', type: 'boolean', required: true },
      { key: 'interested', label: 'Wants a follow-up', type: 'boolean', required: false },
      {
        key: 'preferredChannel',
        label: 'Preferred channel',
        type: 'choice',
        required: false,
        options: ['phone', 'sms', 'email'],
      },
    ],
  });
  const agent = await client.post('/v1/agents', key, {
    name: 'Ava',
    voice: 'warm-female-en-US',
    streamUrl: 'wss://voice.example.com/agents/ava',
    callerNumber: '+13125550111',
    formId: form.id,
  });
  const draft = await client.post('/v1/campaigns', key, { name: 'Winter case check-in' });
  const later = (days: number) => new Date(options.now.getTime() + days * 86_400_000).toISOString();
  await client.patch(`/v1/campaigns/${draft.id}`, key, {
    description: 'Reach every open matter by phone, with texts and emails around the calls.',
    type: 'multichannel',
    listId: list.id,
    agentId: agent.id,
    schedule: { mode: 'custom', slots: [{ days: [...weekdays, 'sat'], start: '09:00', end: '20:00' }] },
    runs: [
      {
        name: 'Daytime pass',
        start: options.now.toISOString(),
        slots: [{ days: weekdays, start: '09:00', end: '18:00' }],
        channels: ['voice', 'sms', 'email'],
      },
      {
        name: 'Evening pass',
        start: later(2),
        slots: [{ days: [...weekdays, 'sat'], start: '17:00', end: '20:00' }],
        channels: ['voice'],
      },
    ],
    workflows: [
      {
        name: 'Heads-up',
        trigger: { kind: 'enrolled' },
        steps: [
          {
            channel: 'sms',
            body: 'Hi {{contact.firstName}}, {{company.name}} here about case {{case.externalId}}. Ava, our assistant, will call you shortly. Reply STOP to opt out.',
          },
        ],
      },
      {
        name: 'Missed you',
        trigger: { kind: 'call_outcome', outcome: 'no_answer' },
        steps: [
          {
            channel: 'sms',
            delayMinutes: 15,
            body: 'Sorry we missed you, {{contact.firstName}}. We will try again; or call us back at +13125550111.',
          },
        ],
      },
      {
        name: 'Thank you',
        trigger: { kind: 'call_outcome', outcome: 'answered' },
        steps: [
          {
            channel: 'email',
            delayMinutes: 5,
            subject: 'Thank you for speaking with us',
            body: 'Thank you, {{contact.name}}. Your case {{case.externalId}} is in good hands.\n\n{{company.name}}',
          },
        ],
      },
    ],
    // A machine answer hangs up; the text follows once the call has ended.
    voicemail: {
      policy: 'follow_up_sms',
      message:
        'Hi {{contact.firstName}}, {{company.name}} tried to reach you about case {{case.externalId}}. Call us back at +13125550111. Reply STOP to opt out.',
    },
    concurrency: { limit: 12, pacingPerMinute: 20 },
    retry: { maxAttempts: 3, intervalMinutes: 120 },
    routing: { mode: 'transfer', forwardingNumber: '+13125550100' },
  });
  const launched = await client.post(`/v1/campaigns/${draft.id}/launch`, key);
  return { key, campaignId: draft.id as string, listId: list.id as string, imported, launched };
};
