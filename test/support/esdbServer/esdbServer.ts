import { randomUUID } from 'node:crypto';
import {
  grpc,
  serverFeaturesGrpc,
  serverFeaturesPb,
  streamsGrpc,
  type ReadReq,
  type ReadResp,
  type ServerWritableStream,
  type ServiceError,
} from './clientProtocol.ts';
import { appendCall } from './appendCall.ts';
import { batchAppendCall } from './batchAppendCall.ts';
import { subscribeToAll, type OpenSubscription } from './allSubscription.ts';
import { accessDenied, unavailable } from './nodeErrors.ts';
import { readEvents } from './reads.ts';
import { transactionLog, type TransactionLog } from './transactionLog.ts';

export type EsdbNodeOptions = {
  /** The node's MaxAppendSize in bytes; EventStoreDB's default is 1 MiB. */
  readonly maxAppendSize?: number;
  /** Write a `$statsCollected` event after every this many appends, as the node's statistics do. */
  readonly statsEveryAppends?: number;
  /** Refuse reads and subscriptions of $all, as for a user outside `$admins`. */
  readonly refuseAll?: boolean;
  /** Answer repeated appends without a position, as older servers do. */
  readonly repeatsWithoutPosition?: boolean;
  /**
   * Announce BatchAppend through ServerFeatures, as servers from 21.10 do, so the client appends with it
   * (the default); false leaves ServerFeatures unimplemented and the client falls back to Append.
   */
  readonly batchAppend?: boolean;
};

export type EsdbNode = {
  /** For the real client: `esdb://127.0.0.1:<port>?tls=false`. */
  readonly connectionString: string;
  readonly log: TransactionLog;
  /** Writes one of the node's own events: statistics in `$stats-…`. */
  writeStatsEvent(): void;
  /** Ends every live subscription with `status` (UNAVAILABLE unless given), as a node restart does. */
  dropSubscriptions(status?: ServiceError): number;
  readonly openSubscriptions: number;
  close(): Promise<void>;
};

/** What a 24.10 node announces of the services it has here; the client lower-cases both names. */
const supportedMethods = (
  _call: unknown,
  callback: (error: null, methods: InstanceType<typeof serverFeaturesPb.SupportedMethods>) => void,
) => {
  const methods = ['read', 'append', 'batchappend'].map((name) =>
    new serverFeaturesPb.SupportedMethod().setServiceName('event_store.client.streams.streams').setMethodName(name),
  );
  callback(null, new serverFeaturesPb.SupportedMethods().setMethodsList(methods).setEventStoreServerVersion('24.10.0'));
};

const json = (value: unknown) => new Uint8Array(Buffer.from(JSON.stringify(value), 'utf8'));

/**
 * A single EventStoreDB node in this process, speaking the gRPC protocol from the client's own stubs:
 * ServerFeatures, Streams.BatchAppend and Streams.Append, Streams.Read (streams, $all, subscriptions
 * to $all). A single-node `esdb://` connection string needs no gossip.
 */
export const startEsdbNode = async (options: EsdbNodeOptions = {}): Promise<EsdbNode> => {
  const log = transactionLog();
  const open = new Set<OpenSubscription>();
  const server = new grpc.Server();
  const statsStream = '$stats-127.0.0.1:2113';
  let appends = 0;

  const writeStatsEvent = () => {
    log.write(statsStream, [
      {
        id: randomUUID(),
        type: '$statsCollected',
        contentType: 'application/json',
        data: json({ 'proc-mem': process.memoryUsage().rss }),
        metadata: new Uint8Array(),
      },
    ]);
  };
  // A fresh node writes its own bookkeeping before anything else: stream metadata and statistics.
  log.write(`$$${statsStream}`, [
    {
      id: randomUUID(),
      type: '$metadata',
      contentType: 'application/json',
      data: json({ $maxAge: 86_400 }),
      metadata: new Uint8Array(),
    },
  ]);
  writeStatsEvent();

  const statsEvery = options.statsEveryAppends ?? 3;
  const appending = {
    maxAppendSize: options.maxAppendSize ?? 1_048_576,
    repeatsAnsweredWithPosition: !options.repeatsWithoutPosition,
    afterWrite: () => {
      if (++appends % statsEvery === 0) writeStatsEvent();
    },
  };
  if (options.batchAppend !== false)
    server.addService(serverFeaturesGrpc.ServerFeaturesService, { getSupportedMethods: supportedMethods });
  server.addService(streamsGrpc.StreamsService, {
    append: appendCall(log, appending),
    batchAppend: batchAppendCall(log, appending),
    read: (call: ServerWritableStream<ReadReq, ReadResp>) => {
      const request = call.request.getOptions()!;
      if (request.hasAll() && options.refuseAll) return void call.emit('error', accessDenied());
      const served = request.hasSubscription()
        ? request.hasAll()
          ? subscribeToAll(log, call, request, open)
          : Promise.reject(new Error('stream subscriptions are not part of this node'))
        : readEvents(log, call, request);
      served.catch((error: Error) => call.emit('error', { code: grpc.status.UNIMPLEMENTED, details: error.message }));
    },
  });

  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );

  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    log,
    writeStatsEvent,
    dropSubscriptions: (status = unavailable()) => {
      const dropped = [...open];
      for (const subscription of dropped) subscription.drop(status);
      return dropped.length;
    },
    get openSubscriptions() {
      return open.size;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const subscription of [...open]) subscription.drop(unavailable('Server is shutting down'));
        server.tryShutdown(() => resolve());
        // Calls a client left open would hold the shutdown; end them after a moment.
        setTimeout(() => server.forceShutdown(), 200).unref();
      }),
  };
};
