import { expect } from 'chai';
import { newEntityId } from '../../../adapters/clock/systemClock.ts';
import { consentCommands } from '../../../commands/consent/consentCommands.ts';
import { consentOf } from '../../../commands/consent/consentOf.ts';
import { complianceRules } from '../../../domain/compliance/complianceRules.ts';
import { consentStream } from '../../../domain/consent/events.ts';
import { engineRegistry } from '../../../domain/engineEvents.ts';
import { OPT_OUTS, optOutId } from '../../../projections/consent/optOutsProjection.ts';
import { startApi, type Api } from '../../support/apiHarness.ts';
import { launchableDraft, type Company } from '../campaigns/campaignSetup.ts';

const DAY = 86_400_000;

describe('reopening outreach after an opt-out, over HTTP', () => {
  let now = new Date('2026-03-02T15:00:00.000Z');
  let api: Api;
  let a: Company;
  let b: Company;
  let campaignId: string;
  let contact: { contactId: string; phone: string; email: string };

  const reopenPath = (contactId: string, campaign = campaignId) =>
    `/v1/campaigns/${campaign}/reports/opt-outs/${contactId}/reopen`;
  const consent = () => consentCommands({ eventStore: api.stores.eventStore, registry: engineRegistry });
  const optOut = (address: string, source: 'sms_keyword' | 'email_unsubscribe' | 'admin') =>
    consent().optOut(
      { address, source, context: { campaignId, contactId: contact.contactId } },
      { commandId: newEntityId(), companyId: a.companyId, actor: 'carrier', now },
    );
  const eventsOf = async (address: string) => {
    const events = [];
    for await (const event of api.stores.eventStore.readStream(consentStream(a.companyId, address))) events.push(event);
    return events;
  };

  before(async () => {
    api = await startApi({ clock: () => now });
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
    // Ten years and their leap days after the person's STOP, an admin may reopen texts again.
    now = new Date(now.getTime() + 3653 * DAY);
    expect(await api.engine.context.waitFor(await api.eventCount())).to.equal(true);
    const doc = await api.stores.readStore.get(OPT_OUTS, optOutId(a.companyId, contact.phone));
    expect(doc).to.deep.include({
      companyId: a.companyId,
      optedOut: true,
      voice: true,
      sms: true,
      email: false,
      source: 'sms_keyword',
      campaignId,
      contactId: contact.contactId,
    });

    const answer = await api.call('POST', reopenPath(contact.contactId), {
      key: a.apiKey,
      body: { reason: 'client called the office and asked us to resume' },
    });
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.body.reopened).to.deep.equal([
      { address: contact.phone, channel: 'all' },
      { address: contact.email, channel: 'all' },
    ]);
    for (const address of [contact.phone, contact.email]) {
      const last = (await eventsOf(address)).at(-1)!;
      expect(last.type).to.equal('ContactOptedIn');
      expect(last.data).to.deep.include({
        source: 'admin',
        reason: 'client called the office and asked us to resume',
        campaignId,
        contactId: contact.contactId,
      });
      expect((last.data as { reopenedBy: string }).reopenedBy)
        .to.match(/^api-key:/)
        .and.equal(last.metadata.actor);
      expect(Object.values((await consentOf(api.stores.eventStore, a.companyId, address)).blocked)).to.deep.equal([
        false,
        false,
        false,
      ]);
    }
    expect(await api.engine.context.waitFor(BigInt(answer.body.position))).to.equal(true);
    const reopened = await api.stores.readStore.get(OPT_OUTS, optOutId(a.companyId, contact.phone));
    expect(reopened).to.deep.include({
      optedOut: false,
      voice: false,
      sms: false,
      reopenReason: 'client called the office and asked us to resume',
    });
    expect((reopened as unknown as { reopenedBy: string }).reopenedBy).to.match(/^api-key:/);
  });

  it("refuses (409) to reopen texts within ten years of the person's own STOP, naming when it may, and records nothing", async () => {
    await optOut(contact.phone, 'sms_keyword');
    const revokedAt = now;
    now = new Date(now.getTime() + 3652 * DAY);
    const before = await api.eventCount();
    const refused = await api.call('POST', reopenPath(contact.contactId), {
      key: a.apiKey,
      body: { reason: 'client asked at the office' },
    });
    expect(refused.status, refused.text).to.equal(409);
    expect(refused.headers.get('content-type')).to.match(/^application\/problem\+json/);
    expect(refused.body).to.include({ code: 'CONSENT.REOPEN_REFUSED', status: 409 });
    expect(refused.body.detail)
      .to.include(new Date(revokedAt.getTime() + 3653 * DAY).toISOString())
      .and.include('START');
    expect(
      (
        await api.call('POST', reopenPath(contact.contactId), {
          key: a.apiKey,
          body: { reason: 'asked', channel: 'sms' },
        })
      ).status,
    ).to.equal(409);
    expect(await api.eventCount()).to.equal(before);
    expect((await consentOf(api.stores.eventStore, a.companyId, contact.phone)).blocked).to.deep.include({
      voice: true,
      sms: true,
    });
  });

  it('reopens calls alone within that period when asked for channel voice; the person may still text START', async () => {
    const answer = await api.call('POST', reopenPath(contact.contactId), {
      key: a.apiKey,
      body: { reason: 'client asked for a call back', channel: 'voice' },
    });
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.body.reopened).to.deep.equal([{ address: contact.phone, channel: 'voice' }]);
    expect((await consentOf(api.stores.eventStore, a.companyId, contact.phone)).blocked).to.deep.include({
      voice: false,
      sms: true,
    });
    await consent().smsOptIn(contact.phone, 'START', undefined, {
      commandId: newEntityId(),
      companyId: a.companyId,
      actor: 'contact',
      now,
    });
    expect((await consentOf(api.stores.eventStore, a.companyId, contact.phone)).blocked).to.deep.include({
      voice: false,
      sms: false,
    });
  });

  it('reopens at once what an admin opted out', async () => {
    await optOut(contact.phone, 'admin');
    const answer = await api.call('POST', reopenPath(contact.contactId), {
      key: a.apiKey,
      body: { reason: 'opted out by mistake' },
    });
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.body.reopened).to.deep.equal([{ address: contact.phone, channel: 'all' }]);
  });

  it('reopening what is not opted out answers 200 and records nothing', async () => {
    const before = await api.eventCount();
    const answer = await api.call('POST', reopenPath(contact.contactId), { key: a.apiKey, body: { reason: 'again' } });
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.body.reopened).to.deep.equal([]);
    expect(await api.eventCount()).to.equal(before);
  });

  it('needs a reason (400) and an API key (401), and records nothing without them', async () => {
    await optOut(contact.phone, 'admin');
    const before = await api.eventCount();
    expect((await api.call('POST', reopenPath(contact.contactId), { key: a.apiKey, body: {} })).status).to.equal(400);
    expect(
      (await api.call('POST', reopenPath(contact.contactId), { key: a.apiKey, body: { reason: '   ' } })).status,
    ).to.equal(400);
    expect((await api.call('POST', reopenPath(contact.contactId), { body: { reason: 'asked' } })).status).to.equal(401);
    expect(await api.eventCount()).to.equal(before);
  });

  it("answers 404 for another company's campaign and for a contact the campaign does not have, recording nothing", async () => {
    const before = await api.eventCount();
    const theirs = await api.call('POST', reopenPath(contact.contactId), { key: b.apiKey, body: { reason: 'asked' } });
    expect(theirs.status, theirs.text).to.equal(404);
    expect(theirs.text).to.not.include(a.companyId);
    expect(
      (await api.call('POST', reopenPath(newEntityId()), { key: a.apiKey, body: { reason: 'asked' } })).status,
    ).to.equal(404);
    expect(
      (
        await api.call('POST', reopenPath(contact.contactId, newEntityId()), {
          key: a.apiKey,
          body: { reason: 'asked' },
        })
      ).status,
    ).to.equal(404);
    expect(await api.eventCount()).to.equal(before);
    expect((await consentOf(api.stores.eventStore, a.companyId, contact.phone)).blocked.voice).to.equal(true);
  });
});

describe('the reopening period as configuration gives it', () => {
  let now = new Date('2026-03-02T15:00:00.000Z');
  let api: Api;
  let a: Company;
  let campaignId: string;
  let phone: string;
  let contactId: string;
  before(async () => {
    api = await startApi({ clock: () => now, compliance: complianceRules({ consent: { reopenRefusedForDays: 30 } }) });
    a = await api.createCompany('Hartley & Vance LLP');
    ({ campaignId } = await launchableDraft(api, a, 1));
    expect((await api.call('POST', `/v1/campaigns/${campaignId}/launch`, { key: a.apiKey })).status).to.equal(200);
    const history = await api.call('GET', `/v1/campaigns/${campaignId}/history`, { key: a.apiKey });
    ({ phone, contactId } = history.body.items.at(-1).data.contacts[0]);
  });
  after(() => api?.close());

  it('refuses texts until the configured number of days has passed, then reopens them', async () => {
    await consentCommands({ eventStore: api.stores.eventStore, registry: engineRegistry }).optOut(
      { address: phone, source: 'sms_free_text' },
      { commandId: newEntityId(), companyId: a.companyId, actor: 'contact', now },
    );
    const path = `/v1/campaigns/${campaignId}/reports/opt-outs/${contactId}/reopen`;
    now = new Date(now.getTime() + 29 * DAY);
    const refused = await api.call('POST', path, { key: a.apiKey, body: { reason: 'asked' } });
    expect(refused.status, refused.text).to.equal(409);
    expect(refused.body.detail).to.include('2026-04-01T15:00:00.000Z');
    now = new Date(now.getTime() + DAY);
    const reopened = await api.call('POST', path, { key: a.apiKey, body: { reason: 'asked' } });
    expect(reopened.status, reopened.text).to.equal(200);
    expect(reopened.body.reopened).to.deep.equal([{ address: phone, channel: 'all' }]);
  });
});
