import { expect } from 'chai';
import { eventId } from '../../commands/eventIds.ts';
import type { Draft } from '../../domain/campaign/draft.ts';
import type { EnrolledContact } from '../../domain/campaign/events.ts';
import { engineRegistry } from '../../domain/engineEvents.ts';
import type { Event, RecordedEvent } from '../../domain/events/event.ts';
import { campaignContactsProjection } from '../../projections/campaignContacts/campaignContactsProjection.ts';
import type { Projection } from '../../projections/projection.ts';
import type { Doc, ReadStore } from '../../projections/readStore.ts';
import { projectionRunner, type ProjectionRunner } from '../../projections/projectionRunner.ts';
import { ALL_CONTACTS_DONE, campaignCompletion } from '../../schedulers/campaignCompletion.ts';
import { tempStores } from '../support/tempStores.ts';
import { realTime } from '../support/realTime.ts';

const companyId = '01900000-0000-7000-8000-0000000000c1';
const monday = new Date('2026-03-02T15:00:00.000Z');
const slots = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'] as 'mon'[], start: '09:00', end: '17:00' }];
const voice: Draft = { type: 'voice', runs: [{ start: monday.toISOString(), slots, channels: ['voice'] }] };
const workflows: Draft['workflows'] = [
  { trigger: { kind: 'enrolled' }, steps: [{ channel: 'sms', body: 'Hello {{contact.name}}' }] },
];

const contact = (n: number): EnrolledContact => ({
  caseId: `case-${n}`,
  contactId: `contact-${n}`,
  externalId: `PI-${n}`,
  phone: `+1312555${String(n).padStart(4, '0')}`,
  timezone: 'America/Chicago',
  timezoneSource: 'contact',
});

describe('campaign completion: a campaign whose contacts are all done completes by itself', () => {
  let stores: ReturnType<typeof tempStores>;
  let runner: ProjectionRunner;
  let sequence = 0;
  const clock = { current: new Date(monday) };
  let campaignId: string;

  const append = async (stream: string, events: readonly Event[]) => {
    const commandId = `seed-${++sequence}`;
    await stores.eventStore.append(
      stream,
      events.map((event, i) => ({
        id: eventId(commandId, i, clock.current),
        type: event.type,
        data: engineRegistry.encode(event),
        metadata: {
          companyId,
          commandId,
          correlationId: commandId,
          causationId: commandId,
          actor: 'test',
          occurredAt: clock.current.toISOString(),
          schemaVersion: 1,
        },
      })),
      'any',
    );
  };
  const enrollment = (contactId: string, events: readonly { type: string; data: object }[]) =>
    append(
      `enrollment-${campaignId}.${contactId}`,
      events.map((e) => ({ type: e.type, data: { campaignId, contactId, ...e.data } })) as Event[],
    );
  const callEnded = (contactId: string, callId: string, outcome = 'answered') =>
    enrollment(contactId, [
      {
        type: 'CallRequested',
        data: {
          callId,
          attempt: 1,
          run: 0,
          to: '+13125550001',
          requestedAt: clock.current.toISOString(),
          decision: {
            localTime: '09:00',
            timezone: 'America/Chicago',
            window: {},
            capacity: { limit: 5, inFlight: 0, lines: 1, rate: 100, pacing: null, available: 1 },
          },
        },
      },
      { type: 'CallAttemptEnded', data: { callId, attempt: 1, run: 0, outcome, endedAt: clock.current.toISOString() } },
    ]);
  const launch = async (settings: Draft, enrolled: EnrolledContact[], contactCount = enrolled.length) => {
    campaignId = `campaign-${++sequence}`;
    await append(`campaign-${campaignId}`, [
      {
        type: 'CampaignDraftStarted',
        data: { campaignId, companyId, name: 'Spring intake', createdAt: clock.current.toISOString() },
      },
      {
        type: 'CampaignLaunched',
        data: {
          campaignId,
          launchedAt: clock.current.toISOString(),
          name: 'Spring intake',
          settings,
          list: { listId: 'list-1', caseType: 'intake', listRevision: 0, caseCount: contactCount, contactCount },
        },
      },
      { type: 'ContactsEnrolled', data: { campaignId, batch: 0, contacts: enrolled } },
    ] as Event[]);
  };
  const completion = () =>
    campaignCompletion({
      eventStore: stores.eventStore,
      registry: engineRegistry,
      readStore: stores.readStore,
      clock: { now: () => new Date(clock.current), after: () => ({ cancel: () => {} }) },
      waitForReadModels: (position) => runner.waitFor(position, { timeoutMs: 10_000 }),
      onError: (error) => {
        throw error;
      },
    });
  const tick = async () => {
    await runner.waitFor(await stores.eventStore.headPosition(), { timeoutMs: 10_000 });
    return completion().tick();
  };
  const completions = async (): Promise<RecordedEvent[]> => {
    const found: RecordedEvent[] = [];
    for await (const event of stores.eventStore.readStream(`campaign-${campaignId}`))
      if (event.type === 'CampaignCompleted') found.push(event);
    return found;
  };

  beforeEach(async () => {
    stores = tempStores(engineRegistry);
    runner = projectionRunner({
      clock: realTime,
      eventStore: stores.eventStore,
      readStore: stores.readStore,
      projections: [campaignContactsProjection as Projection],
      pollIntervalMs: 10,
    });
    await runner.start();
  });
  afterEach(async () => {
    await runner.stop();
    await stores.dispose();
  });

  it('waits while any contact is due a call, then completes once each is called, completed or withheld, at the clock time and once', async () => {
    await launch(voice, [contact(1), contact(2), contact(3)]);
    expect((await tick()).completed).to.deep.equal([]);
    await callEnded('contact-1', 'call-1');
    await enrollment('contact-2', [{ type: 'ContactMarkedCompleted', data: { at: clock.current.toISOString() } }]);
    expect((await tick()).completed).to.deep.equal([]);
    await enrollment('contact-3', [
      { type: 'CallsWithheld', data: { reason: 'opted_out', at: clock.current.toISOString() } },
    ]);
    clock.current = new Date(monday.getTime() + 3_600_000);
    expect((await tick()).completed).to.deep.equal([campaignId]);
    const [completed] = await completions();
    expect(completed!.data).to.deep.equal({ campaignId, at: clock.current.toISOString(), reason: ALL_CONTACTS_DONE });
    expect(completed!.metadata).to.include({ companyId, actor: 'campaign-completion' });
    expect((await tick()).completed).to.deep.equal([]);
    expect(await completions()).to.have.length(1);
  });

  it('keeps the campaign open while a retry is planned or a call is still in progress, even for a contact marked Completed', async () => {
    await launch(voice, [contact(1), contact(2)]);
    await callEnded('contact-1', 'call-1', 'busy');
    await enrollment('contact-1', [
      { type: 'NextAttemptScheduled', data: { at: clock.current.toISOString(), reason: 'retry_after_busy', run: 0 } },
    ]);
    await enrollment('contact-2', [
      {
        type: 'CallRequested',
        data: {
          callId: 'call-2',
          attempt: 1,
          run: 0,
          to: '+13125550002',
          requestedAt: clock.current.toISOString(),
          decision: {
            localTime: '09:00',
            timezone: 'America/Chicago',
            window: {},
            capacity: { limit: 5, inFlight: 0, lines: 1, rate: 100, pacing: null, available: 1 },
          },
        },
      },
      { type: 'ContactMarkedCompleted', data: { at: clock.current.toISOString() } },
    ]);
    await enrollment('contact-1', [{ type: 'ContactCompletedAllCalls', data: { at: clock.current.toISOString() } }]);
    expect((await tick()).completed).to.deep.equal([]);
    await enrollment('contact-2', [
      {
        type: 'CallAttemptEnded',
        data: { callId: 'call-2', attempt: 1, run: 0, outcome: 'answered', endedAt: clock.current.toISOString() },
      },
    ]);
    expect((await tick()).completed).to.deep.equal([campaignId]);
  });

  it('waits for message steps to be reviewed and sent, not for calls a messaging campaign never makes', async () => {
    await launch({ type: 'messaging', workflows, runs: [{ start: monday.toISOString(), slots, channels: ['sms'] }] }, [
      contact(1),
    ]);
    expect((await tick()).completed).to.deep.equal([]);
    await append(`workflow-${campaignId}.contact-1`, [
      {
        type: 'WorkflowStepsPlanned',
        data: {
          campaignId,
          contactId: 'contact-1',
          factsSeen: 1,
          steps: [{ step: 'w1.s1', messageId: 'm-1', channel: 'sms', dueAt: clock.current.toISOString() }],
          plannedAt: clock.current.toISOString(),
        },
      },
    ] as Event[]);
    expect((await tick()).completed).to.deep.equal([]);
    await append('message-m-1', [
      {
        type: 'MessageRequested',
        data: {
          messageId: 'm-1',
          campaignId,
          contactId: 'contact-1',
          channel: 'sms',
          step: 'w1.s1',
          to: '+13125550001',
          from: '+13125559999',
          body: 'Hello',
          requestedAt: clock.current.toISOString(),
        },
      },
    ] as Event[]);
    expect((await tick()).completed).to.deep.equal([campaignId]);
  });

  it('in a multichannel campaign, a contact completed for calls stays open for its messages, and a call outcome is reviewed first', async () => {
    await launch({ ...voice, type: 'multichannel', workflows }, [contact(1)]);
    await enrollment('contact-1', [{ type: 'ContactCompletedAllCalls', data: { at: clock.current.toISOString() } }]);
    await append(`workflow-${campaignId}.contact-1`, [
      {
        type: 'WorkflowStepsPlanned',
        data: { campaignId, contactId: 'contact-1', factsSeen: 1, steps: [], plannedAt: clock.current.toISOString() },
      },
    ] as Event[]);
    expect((await tick()).completed).to.deep.equal([campaignId]);

    await launch({ ...voice, type: 'multichannel', workflows }, [contact(2)]);
    await append(`workflow-${campaignId}.contact-2`, [
      {
        type: 'WorkflowStepsPlanned',
        data: { campaignId, contactId: 'contact-2', factsSeen: 1, steps: [], plannedAt: clock.current.toISOString() },
      },
    ] as Event[]);
    await callEnded('contact-2', 'call-9', 'no_answer');
    expect((await tick()).completed, 'the outcome may trigger a follow-up text').to.deep.equal([]);
    await append(`workflow-${campaignId}.contact-2`, [
      {
        type: 'WorkflowStepsPlanned',
        data: { campaignId, contactId: 'contact-2', factsSeen: 2, steps: [], plannedAt: clock.current.toISOString() },
      },
    ] as Event[]);
    expect((await tick()).completed).to.deep.equal([campaignId]);
  });

  it('never completes a paused campaign or one whose enrolment it has not read whole; a resumed one completes', async () => {
    await launch(voice, [contact(1)], 2);
    await enrollment('contact-1', [{ type: 'ContactMarkedCompleted', data: { at: clock.current.toISOString() } }]);
    expect((await tick()).completed, 'one of two contacts enrolled').to.deep.equal([]);
    await append(`campaign-${campaignId}`, [
      { type: 'ContactsEnrolled', data: { campaignId, batch: 1, contacts: [contact(2)] } },
      { type: 'CampaignPaused', data: { campaignId, at: clock.current.toISOString() } },
    ] as Event[]);
    await enrollment('contact-2', [{ type: 'ContactMarkedCompleted', data: { at: clock.current.toISOString() } }]);
    expect((await tick()).completed).to.deep.equal([]);
    await append(`campaign-${campaignId}`, [
      { type: 'CampaignResumed', data: { campaignId, at: clock.current.toISOString() } },
    ] as Event[]);
    expect((await tick()).completed).to.deep.equal([campaignId]);
  });

  it('never completes a campaign whose stream says its enrolment is unfinished, whatever its read model counts', async () => {
    await launch(voice, [contact(1)], 2);
    await enrollment('contact-1', [{ type: 'ContactMarkedCompleted', data: { at: clock.current.toISOString() } }]);
    await runner.waitFor(await stores.eventStore.headPosition(), { timeoutMs: 10_000 });
    // A read model that counts every contact enrolled, as one could after a batch recorded twice.
    const overcounting = (doc: Doc | null): Doc | null =>
      doc && 'contactCount' in doc ? { ...doc, enrolled: doc['contactCount'] } : doc;
    const readStore: ReadStore = {
      ...stores.readStore,
      get: async (collection, id) => overcounting(await stores.readStore.get(collection, id)),
      find: async (collection, filter, options) => {
        const page = await stores.readStore.find(collection, filter, options);
        return { ...page, items: page.items.map((doc) => overcounting(doc)!) };
      },
    };
    const overcounted = campaignCompletion({
      eventStore: stores.eventStore,
      registry: engineRegistry,
      readStore,
      clock: { now: () => new Date(clock.current), after: () => ({ cancel: () => {} }) },
    });
    expect((await overcounted.tick()).completed).to.deep.equal([]);
    expect(await completions()).to.deep.equal([]);
  });

  it('two schedulers on one store complete a campaign once', async () => {
    await launch(voice, [contact(1)]);
    await enrollment('contact-1', [{ type: 'ContactMarkedCompleted', data: { at: clock.current.toISOString() } }]);
    await runner.waitFor(await stores.eventStore.headPosition(), { timeoutMs: 10_000 });
    const results = await Promise.all([completion().tick(), completion().tick(), completion().tick()]);
    expect(results.flatMap((r) => r.completed)).to.have.length.within(1, 3);
    expect(await completions()).to.have.length(1);
  });

  it('runs on its clock: started, it completes a finished campaign when its timer fires, and stops', async () => {
    await launch(voice, [contact(1)]);
    await enrollment('contact-1', [{ type: 'ContactMarkedCompleted', data: { at: clock.current.toISOString() } }]);
    await runner.waitFor(await stores.eventStore.headPosition(), { timeoutMs: 10_000 });
    const timers: (() => void | Promise<void>)[] = [];
    const scheduler = campaignCompletion({
      eventStore: stores.eventStore,
      registry: engineRegistry,
      readStore: stores.readStore,
      clock: { now: () => new Date(clock.current), after: (_ms, task) => (timers.push(task), { cancel: () => {} }) },
    });
    scheduler.start();
    expect(await completions()).to.have.length(0);
    await timers.shift()!();
    expect(await completions()).to.have.length(1);
    expect(timers, 'the next tick is scheduled').to.have.length(1);
    await scheduler.stop();
    const first = campaignId;
    await launch(voice, [contact(2)]);
    await enrollment('contact-2', [{ type: 'ContactMarkedCompleted', data: { at: clock.current.toISOString() } }]);
    await runner.waitFor(await stores.eventStore.headPosition(), { timeoutMs: 10_000 });
    await timers.shift()!();
    expect(await completions(), 'stopped: a late timer completes nothing').to.have.length(0);
    expect(first).to.not.equal(campaignId);
  });
});
