import { MongoClient } from 'mongodb';
import { maskCredentials } from '../../config/settingCodecs.ts';

/** Short, so a start-up against an unreachable server fails in seconds rather than the driver's 30. */
const SERVER_SELECTION_TIMEOUT_MS = 5000;

/** A connected client, or an error naming MONGODB_URL (credentials masked) and why the server was not reached. */
export const connectMongo = async (url: string, timeoutMs = SERVER_SELECTION_TIMEOUT_MS): Promise<MongoClient> => {
  let client: MongoClient | undefined;
  try {
    client = new MongoClient(url, { serverSelectionTimeoutMS: timeoutMs });
    await client.connect();
    return client;
  } catch (error) {
    await client?.close().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`the MongoDB read store at MONGODB_URL=${maskCredentials(url)} cannot be reached: ${reason}`, { cause: error });
  }
};
