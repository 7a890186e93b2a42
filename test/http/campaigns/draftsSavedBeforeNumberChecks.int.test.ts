import { expect } from 'chai';
import { eventId } from '../../../commands/eventIds.ts';
import type { SqliteEventStore } from '../../../adapters/eventstore/sqlite/sqliteEventStore.ts';
import { startApi, type Api } from '../../support/apiHarness.ts';

describe('a draft saved before numbers were checked', () => {
  let api: Api;
  afterEach(() => api?.close());

  /** What an autosave of `{"concurrency":{"limit":1e309,"pacingPerMinute":1}}` left in the store: the limit written as null. */
  const writePoisonedSave = (companyId: string, campaignId: string) => {
    const commandId = 'saved-before-checks';
    const metadata = {
      companyId,
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actor: 'test',
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
    };
    const data = {
      campaignId,
      changes: { concurrency: { limit: null, pacingPerMinute: 1 }, retry: { maxAttempts: null, intervalMinutes: 30 } },
    };
    (api.stores.eventStore as SqliteEventStore).db
      .prepare('INSERT INTO events (id, stream, revision, type, data, metadata) VALUES (?, ?, 1, ?, ?, ?)')
      .run(
        eventId(commandId, 0, new Date()),
        `campaign-${campaignId}`,
        'CampaignDraftSaved',
        JSON.stringify(data),
        JSON.stringify(metadata),
      );
  };

  it('reads the lost number as left out: every projection runs, /readyz is up, the history and the draft answer', async () => {
    api = await startApi();
    const { companyId, apiKey } = await api.createCompany();
    const created = await api.call('POST', '/v1/campaigns', { key: apiKey, body: { name: 'Spring intake' } });
    const campaignId = created.body.id as string;
    writePoisonedSave(companyId, campaignId);
    await api.restart();

    expect(await api.engine.runner.waitFor(await api.eventCount(), { timeoutMs: 10_000 })).to.equal(true);
    expect((await api.engine.runner.status()).filter((s) => s.failed !== undefined)).to.deep.equal([]);
    expect((await api.call('GET', '/readyz')).status).to.equal(200);
    const history = await api.call('GET', `/v1/campaigns/${campaignId}/history`, { key: apiKey });
    expect(history.status, history.text).to.equal(200);
    const draft = await api.call('GET', `/v1/campaigns/${campaignId}`, { key: apiKey });
    expect(draft.status, draft.text).to.equal(200);
    expect(draft.text)
      .to.contain('"pacingPerMinute":1')
      .and.contain('"intervalMinutes":30')
      .and.not.contain('"limit"')
      .and.not.contain('"maxAttempts"');
    const saved = await api.call('PATCH', `/v1/campaigns/${campaignId}`, {
      key: apiKey,
      body: { concurrency: { limit: 5, pacingPerMinute: 1 } },
    });
    expect(saved.status, saved.text).to.equal(200);
  });
});
