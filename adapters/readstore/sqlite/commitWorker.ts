// The read store's writer thread: commits projection batches on its own connection, so the
// projection runner reads and projects the next batch while this one is written.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { createReadStoreSchema } from './schema.ts';
import { batchCommitter, type EncodedBatch } from './commitBatch.ts';

const db = new Database((workerData as { path: string }).path);
createReadStoreSchema(db);
// Projection batches come fast: checkpoint the WAL less often, and truncate it back afterwards.
db.pragma('wal_autocheckpoint = 16384');
db.pragma('journal_size_limit = 67108864');
const commit = batchCommitter(db);

parentPort!.on('message', (message: { id: number; batch: EncodedBatch } | 'close') => {
  if (message === 'close') {
    db.close();
    parentPort!.close();
    return;
  }
  try {
    commit(message.batch);
    parentPort!.postMessage({ id: message.id, ok: true });
  } catch (error) {
    parentPort!.postMessage({
      id: message.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
