import { engineRegistry } from '../../domain/engineEvents.ts';
import type { Event } from '../../domain/events/event.ts';
import { eventId } from '../../commands/eventIds.ts';
import { projectionRunner, type ProjectionRunner } from '../../projections/projectionRunner.ts';
import type { Projection } from '../../projections/projection.ts';
import { dueQueueProjection } from '../../projections/outreach/dueQueueProjection.ts';
import { dispatchCampaignsProjection } from '../../projections/outreach/dispatchCampaignsProjection.ts';
import { dispatchedCallsProjection } from '../../projections/outreach/dispatchedCallsProjection.ts';
import { companySettingsProjection } from '../../projections/company/companySettingsProjection.ts';
import { agentsProjection } from '../../projections/agents/agentsProjection.ts';
import { sentTextsProjection } from '../../projections/outreach/sentTextsProjection.ts';
import type { CampaignEvent, EnrolledContact } from '../../domain/campaign/events.ts';
import type { Draft } from '../../domain/campaign/draft.ts';
import { callingWindow } from '../../domain/outreach/callingWindow.ts';
import { callingHoursRules } from '../../domain/outreach/callingHoursRules.ts';
import { newEntityId } from '../../adapters/clock/systemClock.ts';
import type { Scheduler } from '../../commands/scheduler.ts';
import { dispatcher, type DispatcherOptions } from '../../schedulers/dispatcher.ts';
import { callingWindowCheck, consentCheck } from '../../schedulers/dispatch/policies.ts';
import { tempStores } from '../support/tempStores.ts';
import { recordingTelephony } from './recordingTelephony.ts';
import { realTime } from '../support/realTime.ts';

export const companyId = '01900000-0000-7000-8000-0000000000c1';
export const agentId = '01900000-0000-7000-8000-0000000000b1';
export const callerNumber = '+15557650000';
/** Monday 2 March 2026, 09:00 in Chicago. */
export const monday9am = new Date('2026-03-02T15:00:00.000Z');

const projections = [
  dueQueueProjection,
  dispatchCampaignsProjection,
  dispatchedCallsProjection,
  sentTextsProjection,
  companySettingsProjection,
  agentsProjection,
] as Projection[];

/** Contacts in Chicago (Illinois), phones +1312555xxxx. */
export const contacts = (count: number, prefix = 'contact'): EnrolledContact[] =>
  Array.from({ length: count }, (_, i) => ({
    caseId: `case-${prefix}-${i}`,
    contactId: `${prefix}-${i}`,
    externalId: `EXT-${prefix}-${i}`,
    phone: `+1312555${String(i).padStart(4, '0')}`,
    timezone: 'America/Chicago',
    timezoneSource: 'contact' as const,
    state: 'IL',
  }));

export const weekdaySlots = [
  {
    days: ['mon', 'tue', 'wed', 'thu', 'fri'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri')[],
    start: '09:00',
    end: '17:00',
  },
];

/** The embedded stores, the dispatch read models kept live, a recording carrier and a movable clock. */
export const dispatchHarness = () => {
  const stores = tempStores(engineRegistry);
  let runner: ProjectionRunner | undefined;
  const clock = { current: new Date(monday9am) };
  // Tests tick by hand: the clock tells the time and never runs a timer.
  const handTicked: Scheduler = { now: () => new Date(clock.current), after: () => ({ cancel: () => {} }) };
  const telephony = recordingTelephony();
  let sequence = 0;

  const append = async (stream: string, events: readonly Event[], at = clock.current, company = companyId) => {
    const commandId = `seed-${++sequence}`;
    return stores.eventStore.append(
      stream,
      events.map((event, index) => ({
        id: eventId(commandId, index, at),
        type: event.type,
        data: engineRegistry.encode(event),
        metadata: {
          companyId: company,
          commandId,
          correlationId: commandId,
          causationId: commandId,
          actor: 'test',
          occurredAt: at.toISOString(),
          schemaVersion: 1,
        },
      })),
      'any',
    );
  };

  /** A company with 20 outbound lines at 50 % and its own calling agent. */
  const addCompany = async (company: string, agent: string, number: string) => {
    await append(
      `company-${company}`,
      [
        { type: 'CompanyCreated', data: { companyId: company, name: 'Hartley & Vance LLP' } },
        {
          type: 'CompanyCampaignSettingsUpdated',
          data: {
            companyId: company,
            settings: {
              concurrencyRate: 50,
              outboundLines: 20,
              timezone: 'America/New_York',
              defaultBusinessHours: weekdaySlots,
            },
          },
        },
        {
          type: 'CompanyEmailSettingsUpdated',
          data: {
            companyId: company,
            settings: { postalAddress: 'Hartley & Vance LLP\n100 N LaSalle St\nChicago, IL 60602' },
          },
        },
      ],
      clock.current,
      company,
    );
    await append(
      `agent-${agent}`,
      [
        {
          type: 'AgentCreated',
          data: {
            agentId: agent,
            name: 'Ava',
            voice: 'alloy',
            streamUrl: 'wss://agent.example.com/stream',
            callerNumber: number,
          },
        },
      ],
      clock.current,
      company,
    );
  };

  const caughtUp = async () => {
    await runner!.waitFor(await stores.eventStore.headPosition(), { timeoutMs: 10_000 });
  };

  return {
    stores,
    clock,
    handTicked,
    telephony,
    append,
    caughtUp,
    start: async () => {
      runner = projectionRunner({
        clock: realTime,
        eventStore: stores.eventStore,
        readStore: stores.readStore,
        projections,
        pollIntervalMs: 10,
      });
      await runner.start();
      await addCompany(companyId, agentId, callerNumber);
    },
    addCompany,
    /** A launched campaign (its first run calling from 08:00 Chicago on Monday) with its contacts enrolled. */
    launch: async (
      campaignId: string,
      enrolled: readonly EnrolledContact[],
      settings: Draft = {},
      company = companyId,
    ) => {
      const draft: Draft = {
        type: 'voice',
        agentId,
        runs: [{ start: '2026-03-02T14:00:00.000Z', slots: weekdaySlots, channels: ['voice'] }],
        schedule: { mode: 'custom', slots: weekdaySlots },
        concurrency: { limit: 5 },
        retry: { maxAttempts: 3, intervalMinutes: 30 },
        ...settings,
      };
      const events: CampaignEvent[] = [
        {
          type: 'CampaignDraftStarted',
          data: { campaignId, companyId: company, name: 'Spring intake', createdAt: clock.current.toISOString() },
        },
        {
          type: 'CampaignLaunched',
          data: {
            campaignId,
            launchedAt: clock.current.toISOString(),
            name: 'Spring intake',
            settings: draft,
            list: {
              listId: 'list-1',
              caseType: 'intake',
              listRevision: 0,
              caseCount: enrolled.length,
              contactCount: enrolled.length,
            },
          },
        },
      ];
      for (let from = 0, batch = 0; from < enrolled.length; from += 1000, batch++)
        events.push({
          type: 'ContactsEnrolled',
          data: { campaignId, batch, contacts: enrolled.slice(from, from + 1000) },
        });
      await append(`campaign-${campaignId}`, events, clock.current, company);
    },
    lifecycle: (campaignId: string, type: 'CampaignPaused' | 'CampaignResumed' | 'CampaignCompleted') =>
      append(`campaign-${campaignId}`, [{ type, data: { campaignId, at: clock.current.toISOString() } }]),
    dispatcher: (overrides: Partial<DispatcherOptions> = {}) =>
      dispatcher({
        eventStore: stores.eventStore,
        registry: engineRegistry,
        readStore: stores.readStore,
        telephony,
        callingWindow: callingWindowCheck(callingWindow({ rules: callingHoursRules(), holidays: () => false })),
        consent: consentCheck(stores.eventStore),
        clock: handTicked,
        newId: newEntityId,
        callbackUrls: (callId) => ({
          instructionsUrl: `http://127.0.0.1/webhooks/twilio/voice/twiml/${callId}`,
          statusCallbackUrl: 'http://127.0.0.1/webhooks/twilio/voice/status',
        }),
        carrierCallsPerSecond: 100,
        waitForReadModels: (position) => runner!.waitFor(position, { timeoutMs: 10_000 }),
        onError: (error, what) => {
          throw Object.assign(new Error(`dispatcher failed to ${what}: ${String(error)}`), { cause: error });
        },
        ...overrides,
      }),
    /** Every event of a type, across the store. */
    eventsOf: async (type: string) => {
      const found = [];
      for await (const event of stores.eventStore.readAll()) if (event.type === type) found.push(event);
      return found;
    },
    advance: (minutes: number) => {
      clock.current = new Date(clock.current.getTime() + minutes * 60_000);
    },
    dispose: async () => {
      await runner?.stop();
      await stores.dispose();
    },
  };
};

export type DispatchHarness = ReturnType<typeof dispatchHarness>;
