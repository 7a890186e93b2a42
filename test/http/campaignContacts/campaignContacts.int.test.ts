import { expect } from 'chai';
import { newEntityId } from '../../../adapters/clock/systemClock.ts';
import { enrollmentStream } from '../../../domain/enrollment/events.ts';
import type { Case } from '../../../domain/list/events.ts';
import { startApi, type Api } from '../../support/apiHarness.ts';
import { seedList, startDraft, voiceDraftOver, type Company } from '../campaigns/campaignSetup.ts';

let phone = 0;
const person = (name: string, extra: Partial<Case['contacts'][number]> = {}) => ({
  contactId: newEntityId(),
  name,
  phone: `+1415555${String(++phone).padStart(4, '0')}`,
  email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`,
  timezone: 'America/Los_Angeles',
  timezoneSource: 'contact' as const,
  state: 'CA',
  ...extra,
});
const caseOf = (externalId: string, contacts: Case['contacts']): Case => ({
  caseId: newEntityId(),
  externalId,
  caseType: 'personal injury',
  contacts,
});

/** A launched voice campaign over the given cases. */
const launched = async (api: Api, company: Company, cases: Case[]): Promise<string> => {
  const campaignId = await voiceDraftOver(
    api,
    company,
    await seedList(api, company.companyId, 'personal injury', cases),
    'Contacts spec',
  );
  const launch = await api.call('POST', `/v1/campaigns/${campaignId}/launch`, { key: company.apiKey });
  expect(launch.status, launch.text).to.equal(200);
  return campaignId;
};

describe('campaign contacts over HTTP', () => {
  let api: Api;
  let a: Company;
  let b: Company;
  let campaignId: string;
  const ada = person('Ada Lovelace');
  const grace = person('Grace Hopper');
  const alan = person('Alan Turing');
  const twinOne = person('Castor Twin');
  const twinTwo = person('Pollux Twin');
  const many = Array.from({ length: 7 }, (_, i) => person(`Filler Person${i}`));

  const path = (suffix = '', campaign = campaignId) => `/v1/campaigns/${campaign}/contacts${suffix}`;
  const list = async (query = '', key = a.apiKey) => {
    const answer = await api.call('GET', `${path()}?minPosition=${await api.eventCount()}${query}`, { key });
    expect(answer.status, answer.text).to.equal(200);
    return answer.body as {
      items: { contactId: string; status: string; name: string; attempts: number; nextAttemptAt: string | null }[];
      next: string | null;
    };
  };
  const post = (action: string, body: unknown, key = a.apiKey, campaign = campaignId) =>
    api.call('POST', path(`/${action}`, campaign), { key, body });
  const streamTypes = async (contactId: string): Promise<string[]> => {
    const types: string[] = [];
    for await (const event of api.stores.eventStore.readStream(enrollmentStream(campaignId, contactId)))
      types.push(event.type);
    return types;
  };

  before(async () => {
    api = await startApi();
    a = await api.createCompany('Hartley & Vance LLP');
    b = await api.createCompany('Other Firm LLP');
    campaignId = await launched(api, a, [
      caseOf('PI-100', [ada]),
      caseOf('PI-101', [grace]),
      caseOf('PI-102', [alan]),
      caseOf('PI-TWINS', [twinOne, twinTwo]),
      ...many.map((p, i) => caseOf(`FILL-${i}`, [p])),
    ]);
  });
  after(() => api?.close());

  it('lists every contact, active with no attempt yet, in keyset pages that cover each once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page = await list(`&limit=4${after ? `&after=${encodeURIComponent(after)}` : ''}`);
      expect(page.items.length).to.be.at.most(4);
      seen.push(...page.items.map((c) => c.contactId));
      for (const item of page.items)
        expect(item).to.deep.include({ status: 'active', attempts: 0, campaignId, lastOutcome: null });
      after = page.next;
      pages += 1;
    } while (after);
    expect(pages).to.equal(3);
    expect(seen).to.have.members([ada, grace, alan, twinOne, twinTwo, ...many].map((p) => p.contactId));
    const one = (await list(`&search=ada`)).items[0]!;
    expect(one).to.include({ name: 'Ada Lovelace', phone: ada.phone, email: ada.email, externalId: 'PI-100' });
    expect(one.nextAttemptAt).to.be.a('string');
    expect(one).to.not.have.any.keys('nameKey', 'callsOpen', 'pendingSteps', '_id');
  });

  it('searches by name or last name prefix, external id prefix, phone digits and email, ignoring case', async () => {
    const ids = async (search: string) =>
      (await list(`&search=${encodeURIComponent(search)}`)).items.map((c) => c.contactId);
    expect(await ids('GRA')).to.deep.equal([grace.contactId]);
    expect(await ids('hopp')).to.deep.equal([grace.contactId]);
    expect(await ids('twin')).to.have.members([twinOne.contactId, twinTwo.contactId]);
    expect(await ids('pi-10')).to.have.members([ada.contactId, grace.contactId, alan.contactId]);
    expect(await ids(alan.phone)).to.deep.equal([alan.contactId]);
    expect(await ids(alan.phone.slice(2))).to.deep.equal([alan.contactId]);
    expect(await ids(`(${alan.phone.slice(2, 5)}) ${alan.phone.slice(5, 8)}-${alan.phone.slice(8)}`)).to.deep.equal([
      alan.contactId,
    ]);
    expect(await ids(ada.email.toUpperCase())).to.deep.equal([ada.contactId]);
    expect(await ids('nobody')).to.deep.equal([]);
    expect((await api.call('GET', `${path()}?search=`, { key: a.apiKey })).status).to.equal(400);
    expect((await api.call('GET', `${path()}?status=finished`, { key: a.apiKey })).status).to.equal(400);
  });

  it('marks contacts Completed on their enrollment streams, answers the position, and repeats nothing', async () => {
    const answer = await post('complete', {
      contactIds: [ada.contactId, grace.contactId, ada.contactId],
      reason: 'settled',
    });
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.body.contacts).to.deep.equal([
      { contactId: ada.contactId, status: 'completed', changed: true },
      { contactId: grace.contactId, status: 'completed', changed: true },
    ]);
    expect(answer.body.position).to.match(/^\d+$/);
    expect(await streamTypes(ada.contactId)).to.deep.equal(['ContactMarkedCompleted']);
    const completed = await api.call('GET', `${path()}?status=completed&minPosition=${answer.body.position}`, {
      key: a.apiKey,
    });
    expect(completed.body.items.map((c: { contactId: string }) => c.contactId)).to.have.members([
      ada.contactId,
      grace.contactId,
    ]);
    expect(completed.body.items[0].nextAttemptAt).to.equal(null);

    const before = await api.eventCount();
    const again = await post('complete', { contactIds: [ada.contactId] });
    expect(again.status).to.equal(200);
    expect(again.body).to.deep.include({ changed: 0 });
    expect(again.body.contacts).to.deep.equal([{ contactId: ada.contactId, status: 'completed', changed: false }]);
    expect(await api.eventCount()).to.equal(before);
  });

  it('completes all calls for contacts, and resumes outreach for completed ones', async () => {
    const calls = await post('complete-all-calls', { contactIds: [alan.contactId] });
    expect(calls.status, calls.text).to.equal(200);
    expect(calls.body.contacts).to.deep.equal([
      { contactId: alan.contactId, status: 'completed_all_calls', changed: true },
    ]);
    expect((await list('&status=completed_all_calls')).items.map((c) => c.contactId)).to.deep.equal([alan.contactId]);

    const resumed = await post('resume', { contactIds: [grace.contactId, alan.contactId, twinOne.contactId] });
    expect(resumed.status, resumed.text).to.equal(200);
    expect(resumed.body.contacts).to.deep.equal([
      { contactId: grace.contactId, status: 'active', changed: true },
      { contactId: alan.contactId, status: 'active', changed: true },
      { contactId: twinOne.contactId, status: 'active', changed: false },
    ]);
    expect(await streamTypes(grace.contactId)).to.deep.equal(['ContactMarkedCompleted', 'ContactOutreachResumed']);
    expect((await list('&status=completed')).items.map((c) => c.contactId)).to.deep.equal([ada.contactId]);
  });

  it('imports external ids: one match completes it, no match and several matches are skipped with their reason', async () => {
    const csv = 'externalId\r\nPI-102\r\nPI-404\r\n\r\nPI-TWINS\r\n PI-102 \r\n';
    const answer = await api.call('POST', path('/import-external-ids'), {
      key: a.apiKey,
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.body).to.deep.include({
      completed: 1,
      skipped: [
        { externalId: 'PI-404', reason: 'no_match' },
        { externalId: 'PI-TWINS', reason: 'ambiguous' },
      ],
    });
    expect(await streamTypes(alan.contactId)).to.deep.equal([
      'ContactCompletedAllCalls',
      'ContactOutreachResumed',
      'ContactMarkedCompleted',
    ]);
    expect(await streamTypes(twinOne.contactId)).to.deep.equal([]);
    const noHeader = await api.call('POST', path('/import-external-ids'), {
      key: a.apiKey,
      body: 'FILL-0\nFILL-1,extra column\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(noHeader.status, noHeader.text).to.equal(200);
    expect(noHeader.body).to.deep.include({ completed: 2, skipped: [] });
    const json = await api.call('POST', path('/import-external-ids'), {
      key: a.apiKey,
      body: { externalIds: ['PI-100'] },
    });
    expect(json.status).to.equal(415);
  });

  it("refuses unknown contacts, another company's campaign, drafts and bad bodies, appending nothing", async () => {
    const before = await api.eventCount();
    const stranger = newEntityId();
    const unknown = await post('complete', { contactIds: [twinOne.contactId, stranger] });
    expect(unknown.status).to.equal(404);
    expect(unknown.body.detail).to.include(stranger).and.not.include(twinOne.contactId);
    expect(unknown.body.errors).to.deep.equal([
      { path: 'contactIds.1', message: `${stranger} is not a contact of this campaign` },
    ]);
    expect((await post('complete', { contactIds: [twinOne.contactId] }, b.apiKey)).status).to.equal(404);
    expect((await api.call('GET', path(), { key: b.apiKey })).status).to.equal(404);
    expect(
      (
        await api.call('POST', path('/import-external-ids'), {
          key: b.apiKey,
          body: 'PI-100',
          headers: { 'content-type': 'text/csv' },
        })
      ).status,
    ).to.equal(404);
    expect((await post('resume', { contactIds: [] })).status).to.equal(400);
    expect((await post('resume', {})).status).to.equal(400);
    expect((await post('resume', { contactIds: [twinOne.contactId] }, '')).status).to.equal(401);

    const draft = await startDraft(api, a.apiKey, 'Not yet');
    expect((await post('complete', { contactIds: [twinOne.contactId] }, a.apiKey, draft.id)).status).to.equal(409);
    expect(
      (await api.call('GET', `${path('', draft.id)}?minPosition=${draft.position}`, { key: a.apiKey })).body,
    ).to.deep.equal({ items: [], next: null });
    expect(await api.eventCount()).to.equal(before + 1n);
  });

  it('works on a paused campaign and refuses a completed one', async () => {
    expect((await api.call('POST', `/v1/campaigns/${campaignId}/pause`, { key: a.apiKey })).status).to.equal(200);
    const paused = await post('complete-all-calls', { contactIds: [twinTwo.contactId] });
    expect(paused.status, paused.text).to.equal(200);
    expect((await api.call('POST', `/v1/campaigns/${campaignId}/complete`, { key: a.apiKey })).status).to.equal(200);
    const before = await api.eventCount();
    const refused = await post('resume', { contactIds: [twinTwo.contactId] });
    expect(refused.status).to.equal(409);
    expect(refused.body.code).to.equal('CAMPAIGN.COMPLETED');
    expect(await api.eventCount()).to.equal(before);
  });
});
