// soak_rss_growth: the engine's RSS (after a full GC) after the first 10,000 mixed API requests and
// after N in all, over keep-alive HTTP on 127.0.0.1 from autocannon; the engine runs in its own process.
// Memory that levels off grows little between the two. Prints one JSON line.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { soakRequest, type SoakRequest, type SoakTargets } from './soakRequests.ts';

const [, dir, countText] = process.argv.slice(2);
const count = Number(countText);
const warmUp = Math.min(10_000, Math.floor(count / 10));
const MB = 1024 * 1024;

const engine = spawn(
  process.execPath,
  ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'soakServer.ts'), dir!],
  { stdio: ['pipe', 'pipe', 'inherit'] },
);
const exited = new Promise((resolve) => engine.once('exit', resolve));
const lines = createInterface({ input: engine.stdout! });
const nextLine = (prefix: string) =>
  new Promise<string>((resolve, reject) => {
    const onLine = (line: string) => {
      if (!line.startsWith(prefix)) return;
      lines.off('line', onLine);
      resolve(line.slice(prefix.length));
    };
    lines.on('line', onLine);
    engine.once('exit', (code) =>
      reject(new Error(`the soak engine exited (${code}) before answering ${prefix.trim()}`)),
    );
  });
const { url, ...targets } = JSON.parse(await nextLine('ready ')) as SoakTargets & { url: string };
/** The engine's memory after a full GC, in MB: RSS, and how much of it is the JS heap and buffers (the rest is native: SQLite's page caches, code). */
const memory = async () => {
  const answer = nextLine('rss ');
  engine.stdin!.write('rss\n');
  const usage = JSON.parse(await answer) as NodeJS.MemoryUsage & { storeBytes: number };
  return {
    rss: usage.rss / MB,
    heapUsed: usage.heapUsed / MB,
    heapTotal: usage.heapTotal / MB,
    external: usage.external / MB,
    stores: usage.storeBytes / MB,
  };
};
const shown = (m: Awaited<ReturnType<typeof memory>>) =>
  `RSS ${m.rss.toFixed(1)} MB (JS heap ${m.heapUsed.toFixed(1)} used of ${m.heapTotal.toFixed(1)}, external ${m.external.toFixed(1)}, the rest ${(m.rss - m.heapTotal - m.external).toFixed(1)}: native, code, the writer thread); store files ${m.stores.toFixed(1)} MB`;

const answers = { expected: 0, raced: 0, wrong: [] as string[] };
let sent = 0;
type Context = { expect?: SoakRequest['expect']; label?: string };
/** Sends requests sent..sent+amount-1 with bounded concurrency, tallying each answer against what it should be. */
const drive = async (amount: number) => {
  const result = await autocannon({
    url,
    connections: 32,
    amount,
    timeout: 30,
    requests: [
      {
        setupRequest: (request, context: Context) => {
          const { expect, ...soak } = soakRequest(sent++, targets);
          context.expect = expect;
          context.label = `${soak.method} ${soak.path}`;
          return { ...request, ...soak };
        },
        onResponse: (status, _body, context: Context) => {
          const expected = context.expect;
          if (expected !== '4xx' && status >= 200 && status < 300) answers.expected++;
          else if (expected === '4xx' && status >= 400 && status < 500) answers.expected++;
          // Two requests with one Idempotency-Key at once: the second is told to retry, as designed.
          else if (expected === '2xx or 409' && status === 409) answers.raced++;
          else answers.wrong.push(`${context.label} answered ${status}`);
        },
      },
    ],
  });
  if (result.errors || result.timeouts)
    throw new Error(`${result.errors} connection errors and ${result.timeouts} timeouts`);
};

const started = performance.now();
await drive(warmUp);
const afterWarmUp = await memory();
const warmUpSeconds = (performance.now() - started) / 1000;
process.stderr.write(`soak: ${warmUp} requests in ${warmUpSeconds.toFixed(1)} s; ${shown(afterWarmUp)}\n`);
await drive(count - warmUp);
const afterAll = await memory();
const seconds = (performance.now() - started) / 1000;
engine.stdin!.end();
await exited;

if (answers.wrong.length)
  throw new Error(
    `${answers.wrong.length} answers were not what the request should get, e.g. ${answers.wrong.slice(0, 10).join('; ')}`,
  );
if (answers.expected + answers.raced !== count)
  throw new Error(`${answers.expected + answers.raced} answers counted for ${count} requests`);
process.stderr.write(
  `soak: ${count} requests in ${seconds.toFixed(1)} s, ${answers.raced} told to retry (409); ${shown(afterAll)}\n`,
);
console.log(
  JSON.stringify({
    value: afterAll.rss - afterWarmUp.rss,
    seconds,
    items: count,
    afterWarmUpMb: afterWarmUp.rss,
    afterAllMb: afterAll.rss,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
