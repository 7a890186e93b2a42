import { expect } from 'chai';
import express from 'express';
import { readYourWrites } from '../../http/readYourWrites.ts';
import { problemHandler } from '../../http/problemDetails.ts';
import type { RunningServer } from '../../http/server.ts';
import { listenWatched } from '../support/problemMessages.ts';
import { startApi, type Api } from '../support/apiHarness.ts';
import { launchableDraft, startDraft, type Company } from './campaigns/campaignSetup.ts';

describe('read your writes (?minPosition=)', () => {
  let server: RunningServer;
  let reached = 0n;
  const waits: bigint[] = [];
  before(async () => {
    const app = express();
    app.use(
      readYourWrites({
        waitFor: async (position, options) => {
          waits.push(position);
          const deadline = Date.now() + (options?.timeoutMs ?? 0);
          while (reached < position && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
          return reached >= position;
        },
        callerOf: async () => undefined,
        timeoutMs: 200,
      }),
    );
    app.get('/things', (_req, res) => void res.json({ reached: String(reached) }));
    app.post('/things', (_req, res) => void res.json({ posted: true }));
    app.use(problemHandler);
    server = await listenWatched(app);
  });
  after(() => server.close(10));

  it('waits until the read models reach the position, then answers', async () => {
    setTimeout(() => (reached = 7n), 50);
    const answer = await fetch(`${server.url}/things?minPosition=7`);
    expect(await answer.json()).to.deep.equal({ reached: '7' });
    expect(answer.headers.get('read-model-behind')).to.equal(null);
  });

  it('answers what there is after the bound, saying the read model is behind', async () => {
    const answer = await fetch(`${server.url}/things?minPosition=99`);
    expect(answer.status).to.equal(200);
    expect(answer.headers.get('read-model-behind')).to.equal('true');
  });

  it('refuses a position that is not a number, naming the parameter', async () => {
    const answer = await fetch(`${server.url}/things?minPosition=abc`);
    expect(answer.status).to.equal(400);
    expect(((await answer.json()) as { errors: { path: string }[] }).errors[0]!.path).to.equal('minPosition');
  });

  it('leaves requests without the parameter, and commands, alone', async () => {
    const count = waits.length;
    await fetch(`${server.url}/things`);
    await fetch(`${server.url}/things?minPosition=5`, { method: 'POST' });
    expect(waits.length).to.equal(count);
  });
});

describe('read your writes by default, per caller', () => {
  let api: Api;
  let firm: Company;
  before(async () => {
    api = await startApi();
    firm = await api.createCompany('Hartley & Vance LLP');
  });
  after(() => api.close());

  const campaignIds = async (key: string) => {
    const page = await api.call('GET', '/v1/campaigns?limit=100', { key });
    return {
      ids: page.body.items.map((campaign: { id: string }) => campaign.id) as string[],
      behind: page.headers.get('read-model-behind'),
    };
  };

  it('given a draft just started, then the same key lists it at once, 50 times out of 50, without minPosition', async () => {
    for (let round = 0; round < 50; round++) {
      const { id } = await startDraft(api, firm.apiKey, `Intake ${round}`);
      const { ids, behind } = await campaignIds(firm.apiKey);
      expect(ids, `round ${round}`).to.include(id);
      expect(behind).to.equal(null);
    }
  });

  it('given a campaign just launched, then the same key reads it ACTIVE at once, 50 times out of 50, without minPosition', async () => {
    const drafts = [];
    for (let round = 0; round < 50; round++) drafts.push(await launchableDraft(api, firm, 1));
    for (const { campaignId } of drafts) {
      const launched = await api.call('POST', `/v1/campaigns/${campaignId}/launch`, { key: firm.apiKey });
      expect(launched.status, launched.text).to.equal(200);
      const read = await api.call('GET', `/v1/campaigns/${campaignId}`, { key: firm.apiKey });
      expect(read.body.status, campaignId).to.equal('ACTIVE');
    }
  });

  it('given a write by one key, then another key of the company does not wait for it, while the writer does', async () => {
    const other = await api.call('POST', '/v1/api-keys', { key: firm.apiKey, body: { name: 'CRM sync' } });
    await api.engine.runner.stop();
    try {
      const { id } = await startDraft(api, firm.apiKey, 'Written while the read models stand still');
      let writerAnswered = false;
      const writerReads = campaignIds(firm.apiKey).then((answer) => ((writerAnswered = true), answer));

      const otherReads = await campaignIds(other.body.apiKey);
      expect(otherReads.ids).to.not.include(id);
      expect(otherReads.behind).to.equal(null);
      expect(writerAnswered).to.equal(false);

      await api.engine.runner.start();
      const writer = await writerReads;
      expect(writer.ids).to.include(id);
      expect(writer.behind).to.equal(null);
    } finally {
      await api.engine.runner.start();
    }
  });
});
