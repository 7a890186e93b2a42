import { expect } from 'chai';
import { derivedUnsubscribeSecret, unsubscribeTokens } from '../../../commands/consent/unsubscribeTokens.ts';
import { consentOf } from '../../../commands/consent/consentOf.ts';
import { consentStream } from '../../../domain/consent/events.ts';
import { ADMIN_TOKEN, startApi, type Api } from '../../support/apiHarness.ts';

const address = 'jane.roe@example.com';
const day = 86_400_000;

describe('email unsubscribe links over HTTP', () => {
  let api: Api;
  let companyId: string;
  const tokens = unsubscribeTokens(derivedUnsubscribeSecret(ADMIN_TOKEN));
  const linkOf = (issuedAt = new Date(), to = address) =>
    `/unsubscribe/${tokens.issue({ companyId, address: to, campaignId: 'camp-1', messageId: 'msg-1' }, issuedAt)}`;

  const eventsOf = async (to = address) => {
    const events = [];
    for await (const event of api.stores.eventStore.readStream(consentStream(companyId, to))) events.push(event);
    return events;
  };
  const oneClick = (path: string) =>
    api.call('POST', path, {
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

  before(async () => {
    api = await startApi();
    ({ companyId } = await api.createCompany());
  });
  after(() => api?.close());

  it('GET shows the masked address and a button that POSTs, records nothing, and needs no key or cookie', async () => {
    const to = 'get.page@example.com';
    const path = linkOf(new Date(), to);
    const before = await api.eventCount();
    const answer = await api.call('GET', path);
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.headers.get('content-type')).to.match(/^text\/html/);
    expect(answer.headers.get('cache-control')).to.equal('no-store');
    expect(answer.text)
      .to.include('<form method="post"')
      .and.include(`action="${path}"`)
      .and.include('g***@example.com');
    expect(answer.text).to.include('name="List-Unsubscribe" value="One-Click"');
    expect(answer.text).to.not.include(to);
    // A link scanner fetching the link twice unsubscribes no one.
    expect((await api.call('GET', path)).status).to.equal(200);
    expect(await api.eventCount()).to.equal(before);
    expect(await eventsOf(to)).to.have.length(0);
    expect((await consentOf(api.stores.eventStore, companyId, to)).blocked.email).to.equal(false);
  });

  it("the page's button (a form POST with List-Unsubscribe=One-Click) records the email opt-out", async () => {
    const to = 'button@example.com';
    const path = linkOf(new Date(), to);
    const page = await api.call('GET', path);
    const action = /action="([^"]+)"/.exec(page.text)![1]!;
    const answer = await oneClick(action.replace(/&amp;/g, '&'));
    expect(answer.status, answer.text).to.equal(200);
    expect(answer.text).to.include('b***@example.com');
    const events = await eventsOf(to);
    expect(events.map((e) => e.type)).to.deep.equal(['ContactOptedOut']);
    expect(events[0]!.data).to.deep.include({
      address: to,
      channel: 'email',
      source: 'email_unsubscribe',
      campaignId: 'camp-1',
      messageId: 'msg-1',
    });
    expect(events[0]!.metadata.actor).to.equal('email-unsubscribe-link');
    expect((await consentOf(api.stores.eventStore, companyId, to)).blocked.email).to.equal(true);
  });

  it('POST with List-Unsubscribe=One-Click records the opt-out and answers 200', async () => {
    const answer = await oneClick(linkOf());
    expect(answer.status, answer.text).to.equal(200);
    expect((await eventsOf()).map((e) => e.type)).to.deep.equal(['ContactOptedOut']);
  });

  it('a replayed link (POST again, GET, another message) answers 200 and records nothing more', async () => {
    const before = await api.eventCount();
    expect((await oneClick(linkOf())).status).to.equal(200);
    expect((await api.call('GET', linkOf())).status).to.equal(200);
    expect((await api.call('POST', linkOf())).status).to.equal(200);
    expect(await api.eventCount()).to.equal(before);
    expect(await eventsOf()).to.have.length(1);
  });

  it('a forged or altered token answers 404 and records nothing', async () => {
    const before = await api.eventCount();
    const good = linkOf(new Date(), 'forged@example.com');
    const forged = unsubscribeTokens('someone-else-s-secret-of-enough-length').issue(
      { companyId, address: 'forged@example.com' },
      new Date(),
    );
    const [version, payload, signature] = good.slice('/unsubscribe/'.length).split('.') as [string, string, string];
    const otherPayload = Buffer.from(
      JSON.stringify({ c: companyId, a: 'victim@example.com', x: 4_000_000_000 }),
    ).toString('base64url');
    for (const path of [
      `/unsubscribe/${forged}`,
      `/unsubscribe/${version}.${otherPayload}.${signature}`,
      '/unsubscribe/not-a-token',
      `/unsubscribe/${version}.${payload}.${'A'.repeat(43)}`,
    ]) {
      const post = await oneClick(path);
      expect(post.status, `${path}: ${post.text}`).to.equal(404);
      expect(post.body.code).to.equal('UNSUBSCRIBE.UNKNOWN_LINK');
      const get = await api.call('GET', path);
      expect(get.status).to.equal(404);
      expect(get.text).to.include('not valid');
    }
    expect(await api.eventCount()).to.equal(before);
  });

  it('an expired token answers 400 and records nothing; one issued 89 days ago still works', async () => {
    const before = await api.eventCount();
    const expired = linkOf(new Date(Date.now() - 91 * day), 'expired@example.com');
    const post = await oneClick(expired);
    expect(post.status, post.text).to.equal(400);
    expect(post.body.code).to.equal('UNSUBSCRIBE.LINK_EXPIRED');
    const get = await api.call('GET', expired);
    expect(get.status).to.equal(400);
    expect(get.text).to.include('expired');
    expect(await api.eventCount()).to.equal(before);
    expect((await oneClick(linkOf(new Date(Date.now() - 89 * day), 'late@example.com'))).status).to.equal(200);
    expect(await eventsOf('late@example.com')).to.have.length(1);
  });

  it('documents both routes without API key security', async () => {
    const doc = await api.call('GET', '/openapi.json');
    expect(doc.body.paths['/unsubscribe/{token}'].get.security).to.deep.equal([]);
    expect(doc.body.paths['/unsubscribe/{token}'].post.security).to.deep.equal([]);
  });
});
