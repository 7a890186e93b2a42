import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { getSqliteEventStore } from '../../adapters/eventstore/sqlite/sqliteEventStore.ts';
import { tallyRegistry } from '../support/tally.ts';
import { crashSeed } from '../support/crashSeed.ts';

/** Starts the writer, lets it acknowledge `acks` appends, and kills it with SIGKILL mid-stream. */
const killWriterAfter = (path: string, acks: number): Promise<Map<string, string[]>> =>
  new Promise((resolve, reject) => {
    const writer = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, '../support/appendWriter.ts'), path],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const acknowledged = new Map<string, string[]>();
    const lines = createInterface({ input: writer.stdout });
    lines.on('line', (line) => {
      const [word, commandId, ids] = line.split(' ');
      if (word !== 'ack') return;
      acknowledged.set(commandId!, ids!.split(','));
      if (acknowledged.size === acks) writer.kill('SIGKILL');
    });
    // Every acknowledgement printed before the kill must be read: wait for both exit and end of output.
    const exited = new Promise<void>((done, fail) =>
      writer.on('exit', (code, signal) =>
        signal === 'SIGKILL' ? done() : fail(new Error(`writer ended by itself (${signal ?? code})`)),
      ),
    );
    const drained = new Promise<void>((done) => lines.once('close', done));
    writer.on('error', reject);
    Promise.all([exited, drained]).then(() => resolve(acknowledged), reject);
  });

describe('SQLite event store under SIGKILL', function () {
  this.timeout(60_000);
  const killPoints = crashSeed('acknowledgements before each kill');
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'crash-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged append and shows no partial batch after restart', async () => {
    const path = join(dir, 'events.db');
    // Two kills, each after a number of acknowledged appends drawn from the seed.
    const rounds = [killPoints.between(1000, 2000), killPoints.between(2000, 4000)];
    const acknowledged = new Map<string, string[]>();
    for (const acks of rounds) for (const [k, v] of await killWriterAfter(path, acks)) acknowledged.set(k, v);

    const store = getSqliteEventStore({ path, registry: tallyRegistry });
    try {
      const byCommand = new Map<string, string[]>();
      const revisions = new Map<string, bigint>();
      for await (const event of store.readAll()) {
        const ids = byCommand.get(event.metadata.commandId) ?? [];
        ids.push(event.id);
        byCommand.set(event.metadata.commandId, ids);
        const previous = revisions.get(event.stream) ?? -1n;
        expect(event.revision, `gap in ${event.stream}`).to.equal(previous + 1n);
        revisions.set(event.stream, event.revision);
      }
      for (const [commandId, ids] of acknowledged)
        expect(byCommand.get(commandId), `acknowledged ${commandId}`).to.deep.equal(ids);
      for (const [commandId, ids] of byCommand) expect(ids, `partial batch ${commandId}`).to.have.length(5);
      expect(byCommand.size).to.be.at.least(acknowledged.size);
    } finally {
      await store.close();
    }
  });
});
