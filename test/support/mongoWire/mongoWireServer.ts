import { createServer, type Socket } from 'node:net';
import { Long, ObjectId, type Document } from 'mongodb';
import { decodeRequest, encodeReply, messageLength } from './wireMessages.ts';

/** A test's own answer to a command, or undefined for the stand-in's minimal one. */
export type Answer = (command: Document, name: string) => Document | undefined;

const HANDSHAKES = new Set(['hello', 'ismaster', 'isMaster']);
const REPLICA_SET = 'rs0';
/** MongoDB 7.0's wire version; the driver accepts 9 (4.4) to 29. */
const MAX_WIRE_VERSION = 21;

/** A cursor answer holding every document at once, so the driver asks no getMore. */
export const cursorReply = (command: Document, collection: unknown, firstBatch: Document[] = []) => ({
  cursor: { id: Long.ZERO, ns: `${String(command['$db'])}.${String(collection)}`, firstBatch },
  ok: 1,
});

/** The least a server answers each command with that lets the driver go on: empty cursors, every write applied. */
const minimalReply = (command: Document, name: string): Document => {
  switch (name) {
    case 'find':
    case 'aggregate':
      return cursorReply(command, command[name]);
    case 'update':
    case 'delete':
    case 'insert': {
      const n = (command[{ update: 'updates', delete: 'deletes', insert: 'documents' }[name]] as unknown[]).length;
      return name === 'update' ? { n, nModified: n, ok: 1 } : { n, ok: 1 };
    }
    case 'createIndexes':
      return {
        createdCollectionAutomatically: false,
        numIndexesBefore: 1,
        numIndexesAfter: 1 + (command['indexes'] as unknown[]).length,
        ok: 1,
      };
    case 'drop':
      return { ns: `${String(command['$db'])}.${String(command['drop'])}`, nIndexesWas: 1, ok: 1 };
    case 'create':
    case 'ping':
    case 'endSessions':
      return { ok: 1 };
    default:
      return { ok: 0, code: 59, codeName: 'CommandNotFound', errmsg: `no such command: '${name}'` };
  }
};

/**
 * A MongoDB stand-in on 127.0.0.1: it presents itself as the writable primary of a one-member replica
 * set, answers the driver's handshake and each command with a well-formed minimal reply, and keeps
 * no data. It proves what the driver sends, never what a server would do with it.
 */
export const startMongoWireServer = async (answer: Answer = () => undefined) => {
  const received: Document[] = [];
  const sockets = new Set<Socket>();
  let host = '';
  let connections = 0;

  const handshake = () => ({
    helloOk: true,
    ismaster: true,
    isWritablePrimary: true,
    secondary: false,
    setName: REPLICA_SET,
    setVersion: 1,
    electionId: new ObjectId('7fffffff0000000000000001'),
    hosts: [host],
    primary: host,
    me: host,
    maxBsonObjectSize: 16 * 1024 * 1024,
    maxMessageSizeBytes: 48_000_000,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: connections,
    minWireVersion: 0,
    maxWireVersion: MAX_WIRE_VERSION,
    readOnly: false,
    ok: 1,
  });

  const reply = (command: Document): Document => {
    const name = Object.keys(command)[0] ?? '';
    if (HANDSHAKES.has(name)) return handshake();
    received.push(command);
    return answer(command, name) ?? minimalReply(command, name);
  };

  const server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      for (let length = messageLength(pending); length !== undefined; length = messageLength(pending)) {
        const request = decodeRequest(pending.subarray(0, length));
        pending = pending.subarray(length);
        const document = reply(request.command);
        if (request.answered) socket.write(encodeReply(request, document));
      }
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the MongoDB stand-in has no TCP port');
  host = `127.0.0.1:${address.port}`;

  return {
    /** A URL for the stand-in as a replica set, with any further `query`. */
    url: (database: string, query = '') =>
      `mongodb://${host}/${database}?replicaSet=${REPLICA_SET}${query ? `&${query}` : ''}`,
    /** Every command received after the handshakes, as decoded off the wire. */
    received,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
