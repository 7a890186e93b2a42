import { expect } from 'chai';
import type { EventStore } from '../../../commands/eventStore.ts';
import { engineRegistry } from '../../../domain/engineEvents.ts';
import { enrolmentResumption } from '../../../schedulers/enrolmentResumption.ts';
import { foldCampaign } from '../../../commands/campaigns/readCampaign.ts';
import { enrolmentContinuation } from '../../../commands/campaigns/enrolment.ts';
import { startApi, type Api } from '../../support/apiHarness.ts';
import { refusedWithoutEvents } from '../../support/refused.ts';
import { addCases, caseOf, launchableDraft, seedList, voiceDraftOver, type Company } from './campaignSetup.ts';

const CONTACTS = 10_000;

type Batch = { batch: number; contacts: { contactId: string }[] };

describe('a launch larger than one append, over HTTP', () => {
  let api: Api;
  let company: Company;
  /** Appends asked of each campaign stream, by their number of events. */
  const appends = new Map<string, number[]>();
  /** Set: the process stops at the enrolment part after this many. */
  let stopAfterParts: number | undefined;
  /** Set: runs before the second enrolment part, as another process would between two parts. */
  let betweenParts: (() => Promise<unknown>) | undefined;

  /** The engine's store, noting each campaign append and stopping where the test says, as a process that dies would. */
  const watched = (store: EventStore): EventStore => ({
    ...store,
    maxAppendBytes: store.maxAppendBytes,
    append: async (stream, events, expected) => {
      if (stream.startsWith('campaign-') && events.some((e) => e.type === 'ContactsEnrolled')) {
        const seen = appends.get(stream) ?? [];
        if (stopAfterParts !== undefined && seen.length >= stopAfterParts)
          throw new Error(`the process stopped after ${stopAfterParts} parts`);
        if (seen.length === 1 && betweenParts) await betweenParts();
        appends.set(stream, [...seen, events.length]);
      }
      return store.append(stream, events, expected);
    },
  });

  before(async () => {
    api = await startApi({ eventStoreSeen: watched });
    company = await api.createCompany('Big List LLP');
  });
  after(() => api.close());
  afterEach(() => {
    stopAfterParts = undefined;
    betweenParts = undefined;
  });

  const launch = (campaignId: string) =>
    api.call('POST', `/v1/campaigns/${campaignId}/launch`, { key: company.apiKey });
  const batchesOf = async (campaignId: string): Promise<Batch[]> => {
    const batches: Batch[] = [];
    for await (const event of api.stores.eventStore.readStream(`campaign-${campaignId}`))
      if (event.type === 'ContactsEnrolled') batches.push(event.data as Batch);
    return batches;
  };
  const expectEveryContactOnce = async (campaignId: string) => {
    const batches = await batchesOf(campaignId);
    expect(batches.map((b) => b.batch)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const ids = batches.flatMap((b) => b.contacts.map((c) => c.contactId));
    expect(ids).to.have.length(CONTACTS);
    expect(new Set(ids).size).to.equal(CONTACTS);
  };

  /** A campaign of 10,000 contacts whose launch stopped, answered 500, after `parts` enrolment parts. */
  const stoppedAfter = async (parts: number): Promise<string> => {
    const { campaignId } = await launchableDraft(api, company, CONTACTS);
    stopAfterParts = parts;
    expect((await launch(campaignId)).status).to.equal(500);
    stopAfterParts = undefined;
    return campaignId;
  };

  it('given 10,000 contacts, when launched under the 1 MiB limit, then the launch is recorded in several appends and every contact is enrolled once', async () => {
    const { campaignId } = await launchableDraft(api, company, CONTACTS);
    const answer = await launch(campaignId);
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.body).to.deep.include({
      status: 'ACTIVE',
      enrolledContacts: CONTACTS,
      counts: { cases: CONTACTS, contacts: CONTACTS, enrolled: CONTACTS },
    });
    expect(appends.get(`campaign-${campaignId}`)!.length).to.be.greaterThan(1);
    await expectEveryContactOnce(campaignId);
  });

  it('given 10,000 contacts, when launched, then each batch is an append of its own, decided once the one before is recorded', async () => {
    const { campaignId } = await launchableDraft(api, company, CONTACTS);
    const answer = await launch(campaignId);
    expect(answer.status, answer.text).to.equal(200);
    expect(appends.get(`campaign-${campaignId}`)).to.deep.equal(Array.from({ length: 10 }, () => 1));
    await expectEveryContactOnce(campaignId);
  });

  it('given a launch that stopped after its first part, when launched again, then the enrolment is finished and answered 200 with every contact enrolled once', async () => {
    const campaignId = await stoppedAfter(1);
    const { state: halfway } = await foldCampaign(api.stores.eventStore, campaignId);
    expect(halfway.status).to.equal('ACTIVE');
    if (halfway.status !== 'NONE') expect(halfway.enrolledContacts).to.be.greaterThan(0).and.lessThan(CONTACTS);
    const again = await launch(campaignId);
    expect(again.status, again.text).to.equal(200);
    expect(again.body).to.deep.include({ status: 'ACTIVE', enrolledContacts: CONTACTS });
    await expectEveryContactOnce(campaignId);
    await refusedWithoutEvents(api, 409, () => launch(campaignId));
  });

  it('given another process finishing the enrolment between two parts of a launch, when the launch meets its conflict, then it answers 200 with every contact enrolled once', async () => {
    const { campaignId } = await launchableDraft(api, company, CONTACTS);
    // The store itself, not the engine's: its commands do not take turns with the engine's, as another process's would not.
    const elsewhere = enrolmentContinuation({ eventStore: api.stores.eventStore, registry: engineRegistry });
    betweenParts = () =>
      elsewhere(campaignId, {
        commandId: 'elsewhere',
        companyId: company.companyId,
        actor: 'enrolment',
        now: new Date(),
      });
    const answer = await launch(campaignId);
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.body).to.deep.include({ status: 'ACTIVE', enrolledContacts: CONTACTS });
    await expectEveryContactOnce(campaignId);
  });

  it('given a launch that stopped after its second part, when the engine is activated again, then the enrolment is found unfinished and finished, every contact once', async () => {
    const campaignId = await stoppedAfter(2);
    await api.restart();
    const resumption = enrolmentResumption({
      eventStore: api.stores.eventStore,
      registry: engineRegistry,
      readStore: api.stores.readStore,
      clock: { now: () => new Date(), after: () => ({ cancel: () => {} }) },
      waitForReadModels: (position) => api.engine.runner.waitFor(position, { timeoutMs: 30_000 }),
      onError: (error) => {
        throw error;
      },
    });
    // The engine's first tick comes well after start; here the read models are let catch up first, as they would by then.
    await api.engine.runner.waitFor(await api.stores.eventStore.headPosition(), { timeoutMs: 30_000 });
    expect((await resumption.tick()).resumed).to.include(campaignId);
    await expectEveryContactOnce(campaignId);
    expect((await resumption.tick()).resumed).to.deep.equal([]);
    await api.engine.runner.waitFor(await api.stores.eventStore.headPosition(), { timeoutMs: 30_000 });
    const read = await api.call('GET', `/v1/campaigns/${campaignId}/contacts?limit=1`, { key: company.apiKey });
    expect(read.status, read.text).to.equal(200);
  });
});

describe('a launch whose batches are larger than one append, over HTTP', () => {
  let api: Api;
  let company: Company;
  before(async () => {
    api = await startApi({ maxAppendBytes: 64 * 1024 });
    company = await api.createCompany('Long Names LLP');
  });
  after(() => api.close());

  it('given 1,000 contacts too large for one batch under a 64 kB limit, when launched, then each batch is enrolled in halves until it fits, every contact once and in order', async () => {
    const cases = Array.from({ length: 1000 }, (_, i) => caseOf(`EXT-${i + 1}`));
    const listId = await seedList(api, company.companyId, 'personal injury', []);
    for (let from = 0; from < cases.length; from += 100)
      await addCases(api, company.companyId, listId, cases.slice(from, from + 100));
    const campaignId = await voiceDraftOver(api, company, listId);
    const answer = await api.call('POST', `/v1/campaigns/${campaignId}/launch`, { key: company.apiKey });
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.body).to.deep.include({ enrolledContacts: 1000 });
    const batches: Batch[] = [];
    for await (const event of api.stores.eventStore.readStream(`campaign-${campaignId}`))
      if (event.type === 'ContactsEnrolled') batches.push(event.data as Batch);
    expect(batches.length).to.be.greaterThan(1);
    expect(batches.map((b) => b.batch)).to.deep.equal(batches.map((_, i) => i));
    expect(batches.flatMap((b) => b.contacts.map((c) => c.contactId))).to.deep.equal(
      cases.map((c) => c.contacts[0]!.contactId),
    );
  });
});

describe('events and answers larger than one append, over HTTP', () => {
  let api: Api;
  let company: Company;
  before(async () => {
    api = await startApi({ maxAppendBytes: 4096 });
    company = await api.createCompany('Wide Family LLP');
  });
  after(() => api.close());

  it('given a case too large for one append, when added, then it is refused with 413 naming the sizes, and nothing is appended', async () => {
    const list = await api.call('POST', '/v1/lists', {
      key: company.apiKey,
      body: { name: 'Intake', caseType: 'personal injury' },
    });
    expect(list.status, list.text).to.equal(201);
    const contacts = Array.from({ length: 40 }, (_, i) => ({
      name: `Member ${i} of a family with a long name`,
      phone: `+1212555${String(i).padStart(4, '0')}`,
    }));
    const answer = await refusedWithoutEvents(api, 413, () =>
      api.call('POST', `/v1/lists/${list.body.id}/cases`, {
        key: company.apiKey,
        body: { cases: [{ externalId: 'PI-1', caseType: 'personal injury', contacts }] },
      }),
    );
    expect(answer.body).to.deep.include({ status: 413, code: 'STREAM.APPEND_TOO_LARGE' });
    expect(answer.body.detail).to.match(
      /^An event of \d+ bytes for list-\S+ is larger than the 4096 bytes one append may hold \(EVENTSTORE_MAX_APPEND_BYTES\)\.$/,
    );
  });

  it('given an answer too large to record under its Idempotency-Key, when the request is sent again with the key, then it runs again rather than wait on a key held in progress', async () => {
    const list = await api.call('POST', '/v1/lists', {
      key: company.apiKey,
      body: { name: 'Intake', caseType: 'personal injury' },
    });
    const csv = [
      'externalId,caseType,name,phone',
      ...Array.from({ length: 80 }, (_, i) => `PI-${i},personal injury,Client ${i},not a phone`),
    ].join('\n');
    const send = () =>
      api.call('POST', `/v1/lists/${list.body.id}/cases/import`, {
        key: company.apiKey,
        body: csv,
        headers: { 'content-type': 'text/csv', 'idempotency-key': 'import-once' },
      });
    const first = await send();
    expect(first.status, first.text).to.equal(200);
    expect(first.text.length).to.be.greaterThan(4096);
    const again = await send();
    expect(again.status, again.text).to.equal(200);
    expect(again.body.rejected).to.deep.equal(first.body.rejected);
  });
});
