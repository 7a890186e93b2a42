import { expect } from 'chai';
import fc from 'fast-check';
import { campaignStream } from '../../../domain/campaign/events.ts';
import { enrollmentStream } from '../../../domain/enrollment/events.ts';
import type { RecordedEvent } from '../../../domain/events/event.ts';
import { startApi, type Answer, type Api } from '../../support/apiHarness.ts';
import { addCases, caseOf, launchableDraft, type Company } from './campaignSetup.ts';

type Contact = { contactId: string; externalId: string; nextAttemptAt: string | null };

describe('external invocation over HTTP: POST /v1/campaigns/:id/invocations', () => {
  let api: Api;
  let a: Company;
  let b: Company;
  let keys = 0;

  before(async () => {
    api = await startApi();
    a = await api.createCompany('Hartley & Vance LLP');
    b = await api.createCompany('Other Firm LLP');
  });
  after(() => api?.close());

  const ok = (answer: Answer, status = 200) => {
    expect(answer.status, answer.text).to.equal(status);
    return answer.body;
  };

  /** A voice campaign of `cases` one-contact cases and a case `TWINS` of two contacts, launched. */
  const launched = async (
    settings: Record<string, unknown> = { externalInvocation: { enabled: true } },
    cases = 3,
    company = a,
  ): Promise<{ campaignId: string; contacts: Contact[] }> => {
    const { campaignId, listId } = await launchableDraft(api, company, cases);
    await addCases(api, company.companyId, listId, [caseOf('TWINS', 'personal injury', 2)]);
    ok(await api.call('PATCH', `/v1/campaigns/${campaignId}`, { key: company.apiKey, body: settings }));
    ok(await api.call('POST', `/v1/campaigns/${campaignId}/launch`, { key: company.apiKey }));
    const listed = ok(
      await api.call('GET', `/v1/campaigns/${campaignId}/contacts?limit=100&minPosition=${await api.eventCount()}`, {
        key: company.apiKey,
      }),
    );
    return { campaignId, contacts: listed.items };
  };

  const invoke = (campaignId: string, body: unknown, options: { key?: string | null; apiKey?: string } = {}) =>
    api.call('POST', `/v1/campaigns/${campaignId}/invocations`, {
      key: options.apiKey ?? a.apiKey,
      ...(body !== undefined ? { body } : {}),
      headers: options.key === null ? {} : { 'idempotency-key': options.key ?? `invocation-${++keys}` },
    });

  const eventsAfter = async (position: bigint) => {
    const events: RecordedEvent[] = [];
    for await (const event of api.stores.eventStore.readAll({ after: position })) events.push(event);
    return events;
  };

  const streamTypes = async (stream: string): Promise<string[]> => {
    const types: string[] = [];
    for await (const event of api.stores.eventStore.readStream(stream)) types.push(event.type);
    return types;
  };

  /** Refused as problem+json with this status; the only events left are the Idempotency-Key's bookkeeping. */
  const refused = async (status: number, send: () => Promise<Answer>): Promise<Answer> => {
    const before = await api.eventCount();
    const answer = await send();
    expect(answer.status, answer.text).to.equal(status);
    expect(answer.headers.get('content-type')).to.match(/application\/problem\+json/);
    expect(
      (await eventsAfter(before)).filter((e) => !e.stream.startsWith('idempotency-')).map((e) => e.type),
    ).to.deep.equal([]);
    return answer;
  };

  it('invokes every contact when no id is given: each made due now with the invocation id, the invocation recorded with who made it', async () => {
    const { campaignId, contacts } = await launched();
    const answer = await invoke(campaignId, {});
    expect(answer.status, answer.text).to.equal(202);
    expect(answer.body).to.deep.include({ scheduled: 5, skipped: [] });
    const { invocationId } = answer.body;
    const recorded: RecordedEvent<{ type: string; data: Record<string, unknown> }>[] = [];
    for await (const event of api.stores.eventStore.readStream(campaignStream(campaignId)))
      if (event.type === 'CampaignInvoked')
        recorded.push(event as RecordedEvent<{ type: string; data: Record<string, unknown> }>);
    expect(recorded.map((e) => e.data)).to.deep.equal([
      { campaignId, invocationId, at: recorded[0]!.data['at'], invokedBy: recorded[0]!.metadata.actor, contacts: 5 },
    ]);
    for (const contact of contacts) {
      const events: RecordedEvent<{ type: string; data: Record<string, unknown> }>[] = [];
      for await (const event of api.stores.eventStore.readStream(enrollmentStream(campaignId, contact.contactId)))
        events.push(event as RecordedEvent<{ type: string; data: Record<string, unknown> }>);
      expect(events.map((e) => [e.type, e.data['invocationId'], e.data['run']])).to.deep.equal([
        ['ContactInvoked', invocationId, 0],
      ]);
    }
    const listed = ok(await api.call('GET', `/v1/campaigns/${campaignId}/contacts?limit=100`, { key: a.apiKey }));
    expect(listed.items.map((c: Contact) => c.nextAttemptAt)).to.deep.equal(
      contacts.map(() => recorded[0]!.data['at']),
    );
  });

  it('invokes the contacts named by id, once each', async () => {
    const { campaignId, contacts } = await launched();
    const [first, second] = contacts;
    const answer = await invoke(campaignId, { contactIds: [first!.contactId, second!.contactId, first!.contactId] });
    expect(answer.status, answer.text).to.equal(202);
    expect(answer.body).to.deep.include({ scheduled: 2, skipped: [] });
    expect(await streamTypes(enrollmentStream(campaignId, first!.contactId))).to.deep.equal(['ContactInvoked']);
    expect(await streamTypes(enrollmentStream(campaignId, second!.contactId))).to.deep.equal(['ContactInvoked']);
    expect(await streamTypes(enrollmentStream(campaignId, contacts[2]!.contactId))).to.deep.equal([]);
  });

  it('invokes every contact of the cases named by external id', async () => {
    const { campaignId, contacts } = await launched();
    const answer = await invoke(campaignId, { externalIds: ['TWINS', 'EXT-1'] });
    expect(answer.status, answer.text).to.equal(202);
    expect(answer.body).to.deep.include({ scheduled: 3, skipped: [] });
    for (const contact of contacts)
      expect(await streamTypes(enrollmentStream(campaignId, contact.contactId)), contact.externalId).to.deep.equal(
        ['TWINS', 'EXT-1'].includes(contact.externalId) ? ['ContactInvoked'] : [],
      );
  });

  it('skips contacts whose own record stands in the way, each with its reason, recording nothing for them', async () => {
    const { campaignId, contacts } = await launched();
    const [done, calls, fine] = contacts;
    ok(
      await api.call('POST', `/v1/campaigns/${campaignId}/contacts/complete`, {
        key: a.apiKey,
        body: { contactIds: [done!.contactId] },
      }),
    );
    ok(
      await api.call('POST', `/v1/campaigns/${campaignId}/contacts/complete-all-calls`, {
        key: a.apiKey,
        body: { contactIds: [calls!.contactId] },
      }),
    );
    const answer = await invoke(campaignId, { contactIds: [done!.contactId, calls!.contactId, fine!.contactId] });
    expect(answer.status, answer.text).to.equal(202);
    expect(answer.body).to.deep.include({
      scheduled: 1,
      skipped: [
        { id: done!.contactId, reason: 'completed' },
        { id: calls!.contactId, reason: 'calls_completed' },
      ],
    });
    expect(await streamTypes(enrollmentStream(campaignId, done!.contactId))).to.deep.equal(['ContactMarkedCompleted']);
  });

  it('starts outreach once for the same invocation sent twice with one Idempotency-Key: the same answer, no more events', async () => {
    const { campaignId, contacts } = await launched();
    const body = { contactIds: [contacts[0]!.contactId] };
    const first = await invoke(campaignId, body, { key: 'crm-sync-42' });
    expect(first.status, first.text).to.equal(202);
    const before = await api.eventCount();
    const second = await invoke(campaignId, body, { key: 'crm-sync-42' });
    expect([second.status, second.body]).to.deep.equal([first.status, first.body]);
    expect(second.headers.get('idempotent-replayed')).to.equal('true');
    expect(await api.eventCount()).to.equal(before);
    expect(await streamTypes(enrollmentStream(campaignId, contacts[0]!.contactId))).to.deep.equal(['ContactInvoked']);
  });

  it('refuses a request without an Idempotency-Key, naming the header, appending nothing', async () => {
    const { campaignId } = await launched();
    const before = await api.eventCount();
    const answer = await refused(400, () => invoke(campaignId, {}, { key: null }));
    expect(answer.body.code).to.equal('INVOCATION.IDEMPOTENCY_KEY_REQUIRED');
    expect(answer.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['Idempotency-Key']);
    expect(await api.eventCount()).to.equal(before);
  });

  it('refuses a campaign launched with external invocation off or absent, naming it', async () => {
    for (const settings of [{}, { externalInvocation: { enabled: false } }]) {
      const { campaignId } = await launched(settings);
      const answer = await refused(422, () => invoke(campaignId, {}));
      expect(answer.body.code).to.equal('INVOCATION.DISABLED');
      expect(answer.body.errors).to.deep.equal([
        { path: 'externalInvocation.enabled', message: 'the campaign was launched with external invocation off' },
      ]);
    }
  });

  it('refuses a draft, a paused and a completed campaign, naming the status', async () => {
    const { campaignId: draft } = await launchableDraft(api, a, 1);
    ok(
      await api.call('PATCH', `/v1/campaigns/${draft}`, {
        key: a.apiKey,
        body: { externalInvocation: { enabled: true } },
      }),
    );
    expect((await refused(409, () => invoke(draft, {}))).body.detail).to.match(/DRAFT/);
    const { campaignId: paused } = await launched();
    ok(await api.call('POST', `/v1/campaigns/${paused}/pause`, { key: a.apiKey, body: {} }));
    expect((await refused(409, () => invoke(paused, {}))).body).to.deep.include({
      code: 'INVOCATION.CAMPAIGN_NOT_ACTIVE',
      detail: 'The campaign is PAUSED: only ACTIVE campaigns can be invoked.',
    });
    const { campaignId: completed } = await launched();
    ok(await api.call('POST', `/v1/campaigns/${completed}/complete`, { key: a.apiKey, body: {} }));
    expect((await refused(409, () => invoke(completed, {}))).body.detail).to.match(/COMPLETED/);
  });

  it('refuses unknown contact and external ids, each named by its place, starting nothing for the known ones', async () => {
    const { campaignId, contacts } = await launched();
    const answer = await refused(404, () =>
      invoke(campaignId, { contactIds: [contacts[0]!.contactId, 'no-such-contact'], externalIds: ['NOPE', 'EXT-1'] }),
    );
    expect(answer.body.errors).to.deep.equal([
      { path: 'contactIds.1', message: 'no-such-contact is not a contact of this campaign' },
      { path: 'externalIds.0', message: 'NOPE is not a case external id of this campaign' },
    ]);
    expect(await streamTypes(enrollmentStream(campaignId, contacts[0]!.contactId))).to.deep.equal([]);
  });

  it("answers 404 for another company's campaign", async () => {
    const { campaignId } = await launched();
    await refused(404, () => invoke(campaignId, {}, { apiKey: b.apiKey }));
  });

  it('refuses bodies of the wrong shape, naming the field', async () => {
    const { campaignId } = await launched();
    const cases: [unknown, string][] = [
      [{ contactIds: [] }, 'contactIds'],
      [{ contactIds: 'EXT-1' }, 'contactIds'],
      [{ externalIds: [1, 2] }, 'externalIds'],
      [{ everyone: true }, 'everyone'],
      [[], '(root)'],
    ];
    for (const [body, path] of cases) {
      const answer = await refused(400, () => invoke(campaignId, body));
      expect(
        answer.body.errors.map((e: { path: string }) => e.path),
        JSON.stringify(body),
      ).to.include(path);
    }
  });

  it('is documented in /openapi.json with its required Idempotency-Key, its closed body and example bodies', async () => {
    const operation = ok(await api.call('GET', '/openapi.json')).paths['/v1/campaigns/{id}/invocations'].post;
    expect(operation.parameters.find((p: { name: string }) => p.name === 'Idempotency-Key')).to.deep.include({
      in: 'header',
      required: true,
    });
    const body = operation.requestBody.content['application/json'];
    expect(body.schema).to.deep.include({ type: 'object', additionalProperties: false });
    expect(Object.keys(body.schema.properties)).to.deep.equal(['contactIds', 'externalIds']);
    expect(Object.values(body.examples).map((e) => (e as { value: unknown }).value)).to.deep.include({
      externalIds: ['PI-2024-0117', 'PI-2024-0118'],
    });
    expect(Object.keys(operation.responses)).to.include.members(['202', '400', '404', '409', '422']);
  });

  it('never answers 5xx to fuzzed bodies, and a refused one appends no event of the campaign or its contacts', async function () {
    this.timeout(120_000);
    const { campaignId, contacts } = await launched();
    const known = contacts.map((c) => c.contactId);
    const ids = fc.array(fc.oneof(fc.string(), fc.constantFrom(...known), fc.constantFrom('EXT-1', 'TWINS')), {
      maxLength: 6,
    });
    const body = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.record(
        {
          contactIds: fc.oneof(ids, fc.jsonValue({ maxDepth: 2 })),
          externalIds: fc.oneof(ids, fc.jsonValue({ maxDepth: 2 })),
        },
        { requiredKeys: [] },
      ),
      fc.dictionary(fc.string(), fc.oneof(ids, fc.jsonValue({ maxDepth: 2 })), { maxKeys: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (sent, keyed) => {
        const before = await api.eventCount();
        const answer = await invoke(campaignId, sent, keyed ? {} : { key: null });
        expect(answer.status, answer.text).to.be.below(500);
        if (answer.status >= 400) {
          expect(answer.headers.get('content-type')).to.match(/application\/problem\+json/);
          const written = (await eventsAfter(before)).filter((e) => !e.stream.startsWith('idempotency-'));
          expect(
            written.map((e) => `${e.stream} ${e.type}`),
            answer.text,
          ).to.deep.equal([]);
        } else expect(answer.status, answer.text).to.equal(202);
      }),
      { numRuns: 80 },
    );
  });
});
