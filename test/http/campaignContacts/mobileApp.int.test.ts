import { expect } from 'chai';
import { mobileAppStream } from '../../../domain/mobileApp/events.ts';
import { startApi, type Api } from '../../support/apiHarness.ts';
import { launchableDraft, type Company } from '../campaigns/campaignSetup.ts';

describe('in-app messages and mobile app status over HTTP', () => {
  let api: Api;
  let a: Company;
  let b: Company;
  let campaignId: string;
  let jane: string;
  let john: string;

  const contactPath = (suffix: string, contactId = jane, campaign = campaignId) =>
    `/v1/campaigns/${campaign}/contacts/${contactId}/${suffix}`;
  const postMessage = (
    body: unknown,
    options: { key?: string; contactId?: string; headers?: Record<string, string> } = {},
  ) =>
    api.call('POST', contactPath('messages', options.contactId), {
      key: options.key ?? a.apiKey,
      body,
      headers: options.headers ?? {},
    });
  const putStatus = (body: unknown, key = a.apiKey, contactId = jane) =>
    api.call('PUT', contactPath('mobile-app-status', contactId), { key, body });
  const streamOf = async (contactId: string) => {
    const events = [];
    for await (const event of api.stores.eventStore.readStream(mobileAppStream(campaignId, contactId)))
      events.push(event);
    return events;
  };
  const engagement = async (query = '') => {
    const answer = await api.call('GET', `/v1/campaigns/${campaignId}/reports/engagement${query}`, { key: a.apiKey });
    expect(answer.status, answer.text).to.equal(200);
    return answer.body.items as {
      contactId: string;
      mobileAppStatus: string;
      inAppSent: number;
      inAppReceived: number;
      totalInbound: number;
    }[];
  };
  const refusedWithNothingWritten = async (
    send: () => Promise<{ status: number; body: { errors?: { path: string }[] } }>,
    status: number,
    paths: string[],
  ) => {
    const before = await api.eventCount();
    const answer = await send();
    expect(answer.status).to.equal(status);
    expect((answer.body.errors ?? []).map((e) => e.path)).to.deep.equal(paths);
    expect(await api.eventCount()).to.equal(before);
  };

  before(async () => {
    api = await startApi();
    a = await api.createCompany('Hartley & Vance LLP');
    b = await api.createCompany('Other firm');
    ({ campaignId } = await launchableDraft(api, a, 2));
    const launch = await api.call('POST', `/v1/campaigns/${campaignId}/launch`, { key: a.apiKey });
    expect(launch.status, launch.text).to.equal(200);
    const contacts = await api.call('GET', `/v1/campaigns/${campaignId}/contacts`, { key: a.apiKey });
    [jane, john] = contacts.body.items.map((item: { contactId: string }) => item.contactId);
  });
  after(() => api.close());

  it('given a contact of the campaign, when the app reports a message the client wrote, then it is recorded at its time and counted as received', async () => {
    const at = new Date(Date.now() - 60_000);
    const answer = await postMessage({
      direction: 'received',
      body: 'When is my hearing?',
      at: at.toISOString().replace('Z', '+00:00'),
    });
    expect(answer.status, answer.text).to.equal(201);
    expect(answer.body).to.include({
      campaignId,
      contactId: jane,
      direction: 'received',
      body: 'When is my hearing?',
      at: at.toISOString(),
    });
    const events = await streamOf(jane);
    expect(events.map((e) => e.type)).to.deep.equal(['InAppMessageRecorded']);
    expect((events[0]!.data as { messageId: string }).messageId).to.equal(answer.body.messageId);
    const row = (await engagement()).find((item) => item.contactId === jane)!;
    expect(row).to.include({ inAppReceived: 1, inAppSent: 0, totalInbound: 1 });
  });

  it('given an Idempotency-Key, when the same message is sent twice, then it is recorded once and answered alike', async () => {
    const headers = { 'Idempotency-Key': 'app-msg-42' };
    const first = await postMessage(
      { direction: 'sent', body: 'Your hearing is on Friday.' },
      { headers, contactId: john },
    );
    const again = await postMessage(
      { direction: 'sent', body: 'Your hearing is on Friday.' },
      { headers, contactId: john },
    );
    expect([first.status, again.status]).to.deep.equal([201, 201]);
    expect(again.body.messageId).to.equal(first.body.messageId);
    expect((await streamOf(john)).map((e) => e.type)).to.deep.equal(['InAppMessageRecorded']);
    expect((await engagement()).find((item) => item.contactId === john)).to.include({ inAppSent: 1 });
  });

  it('refuses a bad body naming each field, and records nothing', async () => {
    await refusedWithNothingWritten(() => postMessage({ direction: 'outgoing', body: '  ' }), 400, [
      'direction',
      'body',
    ]);
    await refusedWithNothingWritten(() => postMessage({ direction: 'sent', body: 'hi', at: '2026-03-02 10:00' }), 400, [
      'at',
    ]);
    await refusedWithNothingWritten(
      () => postMessage({ direction: 'sent', body: 'hi', at: '2026-02-30T10:00:00Z' }),
      400,
      ['at'],
    );
    await refusedWithNothingWritten(
      () => postMessage({ direction: 'sent', body: 'hi', at: new Date(Date.now() + 3_600_000).toISOString() }),
      400,
      ['at'],
    );
    await refusedWithNothingWritten(() => postMessage({ direction: 'sent', body: 'x'.repeat(1601) }), 400, ['body']);
  });

  it("answers 404 for a contact the campaign did not enrol, and for another company's campaign, recording nothing", async () => {
    await refusedWithNothingWritten(
      () => postMessage({ direction: 'sent', body: 'hi' }, { contactId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' }),
      404,
      ['contactId'],
    );
    await refusedWithNothingWritten(() => postMessage({ direction: 'sent', body: 'hi' }, { key: b.apiKey }), 404, []);
    await refusedWithNothingWritten(() => putStatus({ status: 'installed' }, b.apiKey), 404, []);
  });

  it('records a new app status, nothing when it repeats, and the report filters by it', async () => {
    const first = await putStatus({ status: 'installed' });
    expect(first.status, first.text).to.equal(200);
    expect(first.body).to.include({ status: 'installed', changed: true });
    const again = await putStatus({ status: 'installed' });
    expect(again.body).to.include({ changed: false });
    expect((await streamOf(jane)).filter((e) => e.type === 'MobileAppStatusChanged')).to.have.length(1);
    expect((await engagement('?appStatus=installed')).map((row) => row.contactId)).to.deep.equal([jane]);
    expect((await engagement('?appStatus=unknown')).map((row) => row.contactId)).to.deep.equal([john]);
    await refusedWithNothingWritten(() => putStatus({ status: 'active' }), 400, ['status']);
  });

  it("shows the app's messages and status changes in the contact's timeline, at the times the app gave", async () => {
    for (const contactId of [jane, john]) {
      const answer = await api.call('GET', `/v1/campaigns/${campaignId}/contacts/${contactId}`, { key: a.apiKey });
      expect(answer.status, answer.text).to.equal(200);
      const app = (answer.body.timeline as { kind: string }[]).filter((entry) => entry.kind.startsWith('app_'));
      const recorded = (await streamOf(contactId)).map(
        (e) => e.data as { at: string; status?: string; body?: string; direction?: string },
      );
      expect(app, contactId).to.have.length(recorded.length);
      for (const [entry, event] of app.map((entry, i) => [entry, recorded[i]!] as const)) {
        expect(entry).to.include(
          event.status === undefined
            ? { kind: 'app_message', at: event.at, body: event.body, direction: event.direction }
            : { kind: 'app_status', at: event.at, appStatus: event.status },
        );
      }
    }
    expect((await streamOf(jane)).map((e) => e.type)).to.include.members([
      'InAppMessageRecorded',
      'MobileAppStatusChanged',
    ]);
  });
});
