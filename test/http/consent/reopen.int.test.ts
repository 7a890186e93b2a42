import { expect } from 'chai';
import { newEntityId } from '../../../adapters/clock/systemClock.ts';
import { consentCommands } from '../../../commands/consent/consentCommands.ts';
import { consentOf } from '../../../commands/consent/consentOf.ts';
import { consentStream } from '../../../domain/consent/events.ts';
import { engineRegistry } from '../../../domain/engineEvents.ts';
import { OPT_OUTS, optOutId } from '../../../projections/consent/optOutsProjection.ts';
import { startApi, type Api } from '../../support/apiHarness.ts';
import { launchableDraft, type Company } from '../campaigns/campaignSetup.ts';

describe('reopening outreach after an opt-out, over HTTP', () => {
  let api: Api;
  let a: Company;
  let b: Company;
  let campaignId: string;
  let contact: { contactId: string; phone: string; email: string };

  const reopenPath = (contactId: string, campaign = campaignId) => `/v1/campaigns/${campaign}/reports/opt-outs/${contactId}/reopen`;
  const optOut = (address: string, source: 'sms_keyword' | 'email_unsubscribe') =>
    consentCommands({ eventStore: api.stores.eventStore, registry: engineRegistry }).optOut(
      { address, source, context: { campaignId, contactId: contact.contactId } },
      { commandId: newEntityId(), companyId: a.companyId, actor: 'carrier', now: new Date() },
    );
  const eventsOf = async (address: string) => {
    const events = [];
    for await (const event of api.stores.eventStore.readStream(consentStream(a.companyId, address))) events.push(event);
    return events;
  };

  before(async () => {
    api = await startApi();
    a = await api.createCompany('Hartley & Vance LLP');
    b = await api.createCompany('Other Firm LLP');
    ({ campaignId } = await launchableDraft(api, a, 1));
    const launched = await api.call('POST', `/v1/campaigns/${campaignId}/launch`, { key: a.apiKey });
    expect(launched.status, launched.text).to.equal(200);
    const history = await api.call('GET', `/v1/campaigns/${campaignId}/history`, { key: a.apiKey });
    contact = history.body.items.at(-1).data.contacts[0];
  });
  after(() => api?.close());

  it("records who (the key's actor) and why, reopens the contact's phone and email, and the opt-outs read model follows", async () => {
    await optOut(contact.phone, 'sms_keyword');
    await optOut(contact.email, 'email_unsubscribe');
    expect(await api.engine.context.waitFor(await api.eventCount())).to.equal(true);
    const doc = await api.stores.readStore.get(OPT_OUTS, optOutId(a.companyId, contact.phone));
    expect(doc).to.deep.include({ companyId: a.companyId, optedOut: true, voice: true, sms: true, email: false, source: 'sms_keyword', campaignId, contactId: contact.contactId });

    const answer = await api.call('POST', reopenPath(contact.contactId), { key: a.apiKey, body: { reason: 'client called the office and asked us to resume' } });
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.body.reopened).to.deep.equal([
      { address: contact.phone, channel: 'all' },
      { address: contact.email, channel: 'all' },
    ]);
    for (const address of [contact.phone, contact.email]) {
      const last = (await eventsOf(address)).at(-1)!;
      expect(last.type).to.equal('ContactOptedIn');
      expect(last.data).to.deep.include({ source: 'admin', reason: 'client called the office and asked us to resume', campaignId, contactId: contact.contactId });
      expect((last.data as { reopenedBy: string }).reopenedBy).to.match(/^api-key:/).and.equal(last.metadata.actor);
      expect(Object.values((await consentOf(api.stores.eventStore, a.companyId, address)).blocked)).to.deep.equal([false, false, false]);
    }
    expect(await api.engine.context.waitFor(BigInt(answer.body.position))).to.equal(true);
    const reopened = await api.stores.readStore.get(OPT_OUTS, optOutId(a.companyId, contact.phone));
    expect(reopened).to.deep.include({ optedOut: false, voice: false, sms: false, reopenReason: 'client called the office and asked us to resume' });
    expect((reopened as unknown as { reopenedBy: string }).reopenedBy).to.match(/^api-key:/);
  });

  it('reopening what is not opted out answers 200 and records nothing', async () => {
    const before = await api.eventCount();
    const answer = await api.call('POST', reopenPath(contact.contactId), { key: a.apiKey, body: { reason: 'again' } });
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.body.reopened).to.deep.equal([]);
    expect(await api.eventCount()).to.equal(before);
  });

  it('needs a reason (400) and an API key (401), and records nothing without them', async () => {
    await optOut(contact.phone, 'sms_keyword');
    const before = await api.eventCount();
    expect((await api.call('POST', reopenPath(contact.contactId), { key: a.apiKey, body: {} })).status).to.equal(400);
    expect((await api.call('POST', reopenPath(contact.contactId), { key: a.apiKey, body: { reason: '   ' } })).status).to.equal(400);
    expect((await api.call('POST', reopenPath(contact.contactId), { body: { reason: 'asked' } })).status).to.equal(401);
    expect(await api.eventCount()).to.equal(before);
  });

  it("answers 404 for another company's campaign and for a contact the campaign does not have, recording nothing", async () => {
    const before = await api.eventCount();
    const theirs = await api.call('POST', reopenPath(contact.contactId), { key: b.apiKey, body: { reason: 'asked' } });
    expect(theirs.status, theirs.text).to.equal(404);
    expect(theirs.text).to.not.include(a.companyId);
    expect((await api.call('POST', reopenPath(newEntityId()), { key: a.apiKey, body: { reason: 'asked' } })).status).to.equal(404);
    expect((await api.call('POST', reopenPath(contact.contactId, newEntityId()), { key: a.apiKey, body: { reason: 'asked' } })).status).to.equal(404);
    expect(await api.eventCount()).to.equal(before);
    expect((await consentOf(api.stores.eventStore, a.companyId, contact.phone)).blocked.voice).to.equal(true);
  });
});
