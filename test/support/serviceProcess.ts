import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const startScript = join(import.meta.dirname, '../../scripts/start.ts');

/** A port nobody listens on right now, for a service started by a test. */
export const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** `npm start` as its own process (`tsx scripts/start.ts`), with its JSON log lines kept and its URL once it listens. */
export const startService = (args: string[], env: Record<string, string> = {}) => {
  const child = spawn(process.execPath, ['--import', 'tsx', startScript, ...args], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stderr })),
  );
  const logged: Record<string, unknown>[] = [];
  const listening = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { msg?: string; port?: number };
      logged.push(entry);
      if (entry.msg === 'listening') resolve(`http://127.0.0.1:${entry.port}`);
    });
    void exited.then(({ code, stderr }) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  return { child, exited, listening, logged };
};
