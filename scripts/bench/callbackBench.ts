// callback_ingest and callback_lost: signed Twilio status callbacks from autocannon against the engine
// in its own process; afterwards (the engine killed), every callback answered 2xx must have its event.
// Mode `bare` sends the same requests to a bare express server instead, the floor under the engine.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { getSqliteEventStore } from '../../adapters/eventstore/sqlite/sqliteEventStore.ts';
import { engineRegistry } from '../../domain/engineEvents.ts';
import { benchCallId, signedStatusCallback } from './callbackRequests.ts';

const [mode, dir, countText] = process.argv.slice(2);
const count = Number(countText);
const bare = mode === 'bare';
const runDir = mkdtempSync(join(dir!, 'callbacks-'));
const server = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    join(import.meta.dirname, bare ? 'bareExpressServer.ts' : 'callbackServer.ts'),
    runDir,
    String(count),
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const exited = new Promise((resolve) => server.once('exit', resolve));
const url = await new Promise<string>((resolve, reject) => {
  createInterface({ input: server.stdout! }).on(
    'line',
    (line) => line.startsWith('listening ') && resolve(line.slice('listening '.length)),
  );
  server.once('exit', (code) => reject(new Error(`the engine exited (${code}) before listening`)));
});

// Signed before the clock starts: the figure is the engine's, not the signing's.
const requests = Array.from({ length: count }, (_, i) => signedStatusCallback(url, i));
const answered: boolean[] = new Array(count).fill(false);
let sent = 0;
type Context = { i?: number };
const started = performance.now();
let lastAnswerAt = started;
const result = await autocannon({
  url,
  connections: 64,
  amount: count,
  requests: [
    {
      method: 'POST',
      setupRequest: (request, context: Context) => {
        const i = sent++;
        context.i = i;
        return { ...request, ...requests[i % count]! };
      },
      onResponse: (status, _body, context: Context) => {
        lastAnswerAt = performance.now();
        if (status >= 200 && status < 300 && context.i !== undefined) answered[context.i] = true;
      },
    },
  ],
});
// From the first request to the last answer: autocannon itself only finishes on its next one-second tick.
const seconds = (lastAnswerAt - started) / 1000;
server.kill('SIGKILL');
await exited;
const ok = answered.filter(Boolean).length;
if (ok < count * 0.99)
  throw new Error(`only ${ok} of ${count} callbacks answered 2xx (${result.non2xx} non-2xx, ${result.errors} errors)`);

/** Callbacks answered 2xx whose event the engine's store does not hold. */
const lostCallbacks = async (): Promise<number> => {
  const store = getSqliteEventStore({ path: join(runDir, 'callback-events.db'), registry: engineRegistry });
  const recorded = new Set<string>();
  for await (const event of store.readAll())
    if (event.type === 'CallProgressed') recorded.add((event.data as { callId: string }).callId);
  await store.close();
  return answered.filter((yes, i) => yes && !recorded.has(benchCallId(i))).length;
};
console.log(
  JSON.stringify({
    perSecond: ok / seconds,
    ...(bare ? {} : { lost: await lostCallbacks() }),
    items: ok,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
