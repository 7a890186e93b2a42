import type { CampaignEvent } from '../../../domain/campaign/events.ts';
import type { Draft } from '../../../domain/campaign/draft.ts';
import { listFactsOf, type LaunchFacts } from '../../../domain/campaign/launchValidation.ts';
import type { Case } from '../../../domain/list/events.ts';
import { federalCallingHours } from '../../../domain/outreach/callingHoursRules.ts';

export const campaignId = '01900000-0000-7000-8000-000000000001';
export const companyId = '01900000-0000-7000-8000-0000000000c1';
export const otherCompanyId = '01900000-0000-7000-8000-0000000000c2';
export const listId = '01900000-0000-7000-8000-0000000000a1';
export const formId = '01900000-0000-7000-8000-0000000000f1';
export const agentId = '01900000-0000-7000-8000-0000000000b1';
export const now = '2026-03-02T15:00:00.000Z';

export const started: CampaignEvent = {
  type: 'CampaignDraftStarted',
  data: { campaignId, companyId, name: 'Spring intake', createdAt: '2026-03-01T09:00:00.000Z' },
};

export const saved = (
  changes: Extract<CampaignEvent, { type: 'CampaignDraftSaved' }>['data']['changes'],
): CampaignEvent => ({
  type: 'CampaignDraftSaved',
  data: { campaignId, changes },
});

/** A case of the list with `contacts` contacts. */
export const caseOf = (n: number, caseType = 'personal injury', contacts = 1): Case => ({
  caseId: `case-${n}`,
  externalId: `EXT-${n}`,
  caseType,
  contacts: Array.from({ length: contacts }, (_, i) => ({
    contactId: `contact-${n}-${i}`,
    name: `Client ${n}`,
    phone: `+1555000${String(n).padStart(4, '0')}`,
    timezone: 'America/Chicago',
    timezoneSource: 'contact' as const,
    ...(i === 0 ? { email: `client${n}@example.com`, state: 'IL' } : {}),
  })),
});

/** A draft that launches against `launchableFacts()`. */
export const launchableDraft: Draft = {
  type: 'voice',
  listId,
  agentId,
  formId,
  schedule: { mode: 'custom', slots: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }] },
  runs: [
    {
      start: '2026-03-02T14:00:00.000Z',
      slots: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }],
      channels: ['voice'],
    },
  ],
  concurrency: { limit: 5, pacingPerMinute: 30 },
  routing: { mode: 'transfer', forwardingNumber: '+15557654321' },
  reportSchedules: [
    { report: 'calls', frequency: 'weekly', dayOfWeek: 'mon', time: '08:00', recipients: ['partner@example.com'] },
  ],
  crmFieldMappings: [{ formField: 'injury_date', caseField: 'incident_date' }],
};

export const launchableFacts = (overrides: Partial<LaunchFacts> = {}): LaunchFacts => ({
  list: listFactsOf(listId, 'personal injury', 2, [caseOf(1), caseOf(2, 'personal injury', 2)]),
  form: { formId, caseType: 'personal injury', fieldKeys: ['injury_date', 'wants_callback'] },
  agent: { agentId },
  company: {
    concurrencyRate: 50,
    outboundLines: 10,
    timezone: 'America/New_York',
    defaultBusinessHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '10:00', end: '16:00' }],
  },
  postalAddress: 'Hartley & Vance LLP\n100 N LaSalle St\nChicago, IL 60602',
  ...overrides,
  federalHours: overrides.federalHours ?? federalCallingHours,
});

export const launchable: readonly CampaignEvent[] = [started, saved(launchableDraft)];

export const launched: CampaignEvent = {
  type: 'CampaignLaunched',
  data: {
    campaignId,
    launchedAt: now,
    name: 'Spring intake',
    settings: launchableDraft,
    list: { listId, caseType: 'personal injury', listRevision: 2, caseCount: 2, contactCount: 3 },
  },
};

export const paused: CampaignEvent = { type: 'CampaignPaused', data: { campaignId, at: now } };
export const completed: CampaignEvent = { type: 'CampaignCompleted', data: { campaignId, at: now } };
export const deleted: CampaignEvent = { type: 'CampaignDeleted', data: { campaignId, at: now } };
