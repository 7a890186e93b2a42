import { MongoClient, ReadPreference, type MongoClientOptions } from 'mongodb';
import { maskCredentials } from '../../config/settingCodecs.ts';

/** Short, so a start-up against an unreachable server fails in seconds rather than the driver's 30. */
const SERVER_SELECTION_TIMEOUT_MS = 5000;

/**
 * Pinned wherever the read store and its leases touch MongoDB, whatever the URL says: a write is
 * acknowledged once a majority holds it, so it survives a failover, and every read goes to the
 * primary, which has every acknowledged write; a read after a write, and a lease after its handover,
 * therefore see that write.
 */
export const MAJORITY_ON_PRIMARY = { writeConcern: { w: 'majority' }, readPreference: ReadPreference.primary } as const;

/** A connected client, or an error naming MONGODB_URL (credentials masked) and why the server was not reached. */
export const connectMongo = async (url: string, options: MongoClientOptions = {}): Promise<MongoClient> => {
  let client: MongoClient | undefined;
  try {
    client = new MongoClient(url, {
      serverSelectionTimeoutMS: SERVER_SELECTION_TIMEOUT_MS,
      ...options,
      ...MAJORITY_ON_PRIMARY,
    });
    await client.connect();
    return client;
  } catch (error) {
    await client?.close().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`the MongoDB read store at MONGODB_URL=${maskCredentials(url)} cannot be reached: ${reason}`, {
      cause: error,
    });
  }
};
