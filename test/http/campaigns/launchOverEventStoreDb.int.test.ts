import { expect } from 'chai';
import { getEsdbEventStore, type EsdbEventStore } from '../../../adapters/eventstore/esdb/esdbEventStore.ts';
import { engineRegistry } from '../../../domain/engineEvents.ts';
import { startApi, type Api } from '../../support/apiHarness.ts';
import { startEsdbNode, type EsdbNode } from '../../support/esdbServer/esdbServer.ts';
import { voiceDraftOver, type Company } from './campaignSetup.ts';

const CASES = 10_000;
const ONE_MIB = 1024 * 1024;

/** A file of cases of one contact each, with names and emails as long as real ones. */
const csvOf = (rows: number): string =>
  [
    'externalId,caseType,name,phone,email,state',
    ...Array.from(
      { length: rows },
      (_, n) =>
        `EXT-${String(n).padStart(5, '0')},personal injury,Client ${n} of the Spring intake,+1212555${String(n % 10000).padStart(4, '0')},client${n}@example.com,NY`,
    ),
  ].join('\n');

describe('a 10,000-case import and a 10,000-contact launch on EventStoreDB (the real client over gRPC to an in-process node)', () => {
  let node: EsdbNode;
  let store: EsdbEventStore;
  let api: Api;
  let company: Company;
  /** The largest append the node took, as it counts bytes, per stream. */
  const appendSizes = new Map<string, number[]>();

  before(async () => {
    node = await startEsdbNode({ maxAppendSize: ONE_MIB });
    store = getEsdbEventStore({ connectionString: node.connectionString, registry: engineRegistry });
    api = await startApi({
      eventStoreSeen: () => ({
        ...store,
        maxAppendBytes: store.maxAppendBytes,
        append: async (stream, events, expected) => {
          const result = await store.append(stream, events, expected);
          appendSizes.set(stream, [...(appendSizes.get(stream) ?? []), events.length]);
          return result;
        },
      }),
    });
    company = await api.createCompany('Gridley & Moss LLP');
  });
  after(async () => {
    await api?.close();
    await store?.close();
    await node?.close();
  });

  const events = async (stream: string) => {
    const found: { type: string; data: unknown }[] = [];
    for await (const event of store.readStream(stream)) found.push({ type: event.type, data: event.data });
    return found;
  };

  it('given a CSV of 10,000 cases, when imported and the list launched, then each is recorded in appends the node takes, and every contact is enrolled once', async () => {
    const list = await api.call('POST', '/v1/lists', {
      key: company.apiKey,
      body: { name: 'Spring intake', caseType: 'personal injury' },
    });
    expect(list.status, list.text).to.equal(201);
    const listId = list.body.id as string;
    const imported = await api.call('POST', `/v1/lists/${listId}/cases/import`, {
      key: company.apiKey,
      body: csvOf(CASES),
      headers: { 'content-type': 'text/csv' },
    });
    expect(imported.status, imported.text).to.equal(200);
    expect(imported.body).to.deep.include({ added: CASES, rejected: [] });
    const listEvents = await events(`list-${listId}`);
    const cases = listEvents
      .filter((e) => e.type === 'CasesAdded')
      .flatMap((e) => (e.data as { cases: { externalId: string }[] }).cases);
    expect(new Set(cases.map((c) => c.externalId)).size).to.equal(CASES);
    expect(appendSizes.get(`list-${listId}`)!.length, 'the import took several appends').to.be.greaterThan(2);

    const campaignId = await voiceDraftOver(api, company, listId);
    const launched = await api.call('POST', `/v1/campaigns/${campaignId}/launch`, { key: company.apiKey });
    expect(launched.status, launched.text).to.equal(200);
    expect(launched.body).to.deep.include({ status: 'ACTIVE', enrolledContacts: CASES });

    const enrolled = (await events(`campaign-${campaignId}`))
      .filter((e) => e.type === 'ContactsEnrolled')
      .map((e) => e.data as { batch: number; contacts: { contactId: string }[] });
    expect(enrolled.map((b) => b.batch)).to.deep.equal([...Array(10).keys()]);
    const contactIds = enrolled.flatMap((b) => b.contacts.map((c) => c.contactId));
    expect(new Set(contactIds).size).to.equal(CASES);
    expect(appendSizes.get(`campaign-${campaignId}`)!.length, 'the launch took several appends').to.be.greaterThan(2);

    // The read models, built from the node's $all, hold every contact once.
    const seen = new Set<string>();
    let path: string | undefined =
      `/v1/campaigns/${campaignId}/contacts?limit=100&minPosition=${String(launched.body.position)}`;
    while (path) {
      const page: { status: number; text: string; body: { items: { contactId: string }[]; next?: string | null } } =
        await api.call('GET', path, { key: company.apiKey });
      expect(page.status, page.text).to.equal(200);
      for (const contact of page.body.items) seen.add(contact.contactId);
      path = page.body.next
        ? `/v1/campaigns/${campaignId}/contacts?limit=100&after=${encodeURIComponent(String(page.body.next))}`
        : undefined;
    }
    expect([...seen].sort()).to.deep.equal([...contactIds].sort());
  });
});
