import { virtualClock } from '../../adapters/clock/virtualClock.ts';
import { simulatedEmail } from '../../adapters/email/simulated/simulatedEmail.ts';
import { simulatedTelephony } from '../../adapters/telephony/simulated/simulatedTelephony.ts';
import { eventId } from '../../commands/eventIds.ts';
import { streamConsentCheck } from '../../commands/messages/consentCheck.ts';
import { messageCommands } from '../../commands/messages/messageCommands.ts';
import type { Workflow } from '../../domain/campaign/draft.ts';
import type { EnrolledContact } from '../../domain/campaign/events.ts';
import { engineRegistry } from '../../domain/engineEvents.ts';
import type { Event, RecordedEvent } from '../../domain/events/event.ts';
import { dueMessagesProjection } from '../../projections/outreach/dueMessagesProjection.ts';
import { dispatchedCallsProjection } from '../../projections/outreach/dispatchedCallsProjection.ts';
import { sentTextsProjection } from '../../projections/outreach/sentTextsProjection.ts';
import type { Projection } from '../../projections/projection.ts';
import { projectionRunner } from '../../projections/projectionRunner.ts';
import { workflowRunner, type WorkflowRunnerOptions } from '../../schedulers/workflowRunner.ts';
import { tempStores } from '../support/tempStores.ts';
import { realTime } from '../support/realTime.ts';

export const companyId = '01900000-0000-7000-8000-0000000000c1';
export const campaignId = '01900000-0000-7000-8000-0000000000a1';
export const postalAddress = 'Hartley & Vance LLP\n100 N LaSalle St, Suite 1200\nChicago, IL 60602';

export const contact = (n: number, extra: Partial<EnrolledContact> = {}): EnrolledContact => ({
  caseId: `case-${n}`,
  contactId: `contact-${n}`,
  externalId: `PI-${n}`,
  phone: `+1312555${String(n).padStart(4, '0')}`,
  name: `Contact${n} Doe`,
  email: `contact${n}@example.com`,
  timezone: 'America/Chicago',
  timezoneSource: 'contact',
  ...extra,
});

/** The embedded stores, the due-messages read model, the simulated carriers on a virtual clock, and workflow runners. */
export const workflowHarness = async (start = '2026-03-02T15:00:00.000Z') => {
  const stores = tempStores(engineRegistry);
  const clock = virtualClock(new Date(start));
  const projections = projectionRunner({
    clock: realTime,
    eventStore: stores.eventStore,
    readStore: stores.readStore,
    projections: [dueMessagesProjection, dispatchedCallsProjection, sentTextsProjection] as Projection[],
    pollIntervalMs: 10,
  });
  await projections.start();
  const messages = messageCommands({ eventStore: stores.eventStore, registry: engineRegistry });
  const messageStatus = async (report: Parameters<typeof messages.applyStatusReport>[0]) => {
    await messages.applyStatusReport(report, { companyId, now: clock.now() });
  };
  const telephony = simulatedTelephony({
    seed: 7,
    scheduler: clock,
    reports: { messageStatus, callStatus: async () => {}, agent: async () => {}, inboundSms: async () => {} },
  });
  const email = simulatedEmail({ seed: 7, scheduler: clock, reports: { messageStatus, unsubscribe: async () => {} } });
  let sequence = 0;

  /** Appends events as the engine's other parts would, and waits until the due queue has them. */
  const append = async (stream: string, events: readonly Event[]) => {
    const commandId = `test-${++sequence}`;
    const now = clock.now();
    const result = await stores.eventStore.append(
      stream,
      events.map((event, i) => ({
        id: eventId(commandId, i, now),
        type: event.type,
        data: engineRegistry.encode(event),
        metadata: {
          companyId,
          commandId,
          correlationId: commandId,
          causationId: commandId,
          actor: 'test',
          occurredAt: now.toISOString(),
          schemaVersion: 1,
        },
      })),
      'any',
    );
    await settle();
    return result;
  };
  const settle = async () => {
    await projections.waitFor(await stores.eventStore.headPosition());
  };

  /** A campaign launched with these steps and contacts, by a company that has set its postal address unless told it has none. */
  const launch = async (
    workflows: Workflow[],
    contacts: EnrolledContact[],
    type: 'voice' | 'messaging' | 'multichannel' = 'multichannel',
    id = campaignId,
    withPostalAddress = true,
  ) => {
    await append(`company-${companyId}`, [
      { type: 'CompanyCreated', data: { companyId, name: 'Hartley & Vance LLP' } },
      ...(withPostalAddress
        ? [{ type: 'CompanyEmailSettingsUpdated', data: { companyId, settings: { postalAddress } } }]
        : []),
    ]);
    await append(`campaign-${id}`, [
      {
        type: 'CampaignLaunched',
        data: {
          campaignId: id,
          launchedAt: clock.now().toISOString(),
          name: 'Spring intake',
          settings: { type, workflows },
          list: {
            listId: 'list-1',
            caseType: 'personal injury',
            listRevision: 0,
            caseCount: contacts.length,
            contactCount: contacts.length,
          },
        },
      },
      { type: 'ContactsEnrolled', data: { campaignId: id, batch: 0, contacts } },
    ]);
  };

  const runner = (extra: Partial<WorkflowRunnerOptions> = {}) =>
    workflowRunner({
      eventStore: stores.eventStore,
      readStore: stores.readStore,
      registry: engineRegistry,
      telephony,
      email,
      consent: streamConsentCheck(stores.eventStore),
      routing: {
        smsFrom: '+13125559999',
        emailFrom: 'intake@hartley.example',
        smsStatusCallbackUrl: (id) => `https://engine.example/webhooks/twilio/sms/status?messageId=${id}`,
        unsubscribeUrl: ({ messageId }) => `https://engine.example/unsubscribe/token-${messageId}`,
      },
      clock,
      ...extra,
    });

  /** One tick, then the read model brought up to what it wrote. */
  const tick = async (run = runner()) => {
    const result = await run.tick();
    await settle();
    return result;
  };

  const streamTypes = async (stream: string): Promise<string[]> => {
    const types: string[] = [];
    for await (const event of stores.eventStore.readStream(stream)) types.push(event.type);
    return types;
  };

  const allEvents = async (type: string): Promise<RecordedEvent[]> => {
    const found: RecordedEvent[] = [];
    for await (const event of stores.eventStore.readAll()) if (event.type === type) found.push(event);
    return found;
  };

  return {
    stores,
    clock,
    telephony,
    email,
    append,
    settle,
    launch,
    runner,
    tick,
    streamTypes,
    allEvents,
    dispose: async () => {
      await projections.stop();
      await stores.dispose();
    },
  };
};
