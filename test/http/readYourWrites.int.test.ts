import { expect } from 'chai';
import express from 'express';
import { readYourWrites } from '../../http/readYourWrites.ts';
import { problemHandler } from '../../http/problemDetails.ts';
import { listen, type RunningServer } from '../../http/server.ts';

describe('read your writes (?minPosition=)', () => {
  let server: RunningServer;
  let reached = 0n;
  const waits: bigint[] = [];
  before(async () => {
    const app = express();
    app.use(
      readYourWrites(async (position, options) => {
        waits.push(position);
        const deadline = Date.now() + (options?.timeoutMs ?? 0);
        while (reached < position && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
        return reached >= position;
      }, 200),
    );
    app.get('/things', (_req, res) => void res.json({ reached: String(reached) }));
    app.post('/things', (_req, res) => void res.json({ posted: true }));
    app.use(problemHandler);
    server = await listen(app, { port: 0, host: '127.0.0.1' });
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
