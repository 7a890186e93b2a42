import { createRequire } from 'node:module';
import type * as GrpcJs from '@grpc/grpc-js';
import type * as StreamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import type * as StreamsPb from '@eventstore/db-client/generated/streams_pb.js';
import type * as SharedPb from '@eventstore/db-client/generated/shared_pb.js';
import type * as StatusPb from '@eventstore/db-client/generated/status_pb.js';
import type * as ServerFeaturesGrpc from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
import type * as ServerFeaturesPb from '@eventstore/db-client/generated/serverfeatures_pb.js';

// Loaded through the client's own resolution, so server and client share one grpc-js and one set of stubs.
const fromClient = createRequire(createRequire(import.meta.url).resolve('@eventstore/db-client'));

export const grpc = fromClient('@grpc/grpc-js') as typeof GrpcJs;
export const streamsGrpc = fromClient('../generated/streams_grpc_pb.js') as typeof StreamsGrpc;
export const streamsPb = fromClient('../generated/streams_pb.js') as typeof StreamsPb;
export const sharedPb = fromClient('../generated/shared_pb.js') as typeof SharedPb;
export const statusPb = fromClient('../generated/status_pb.js') as typeof StatusPb;
export const serverFeaturesGrpc = fromClient('../generated/serverfeatures_grpc_pb.js') as typeof ServerFeaturesGrpc;
export const serverFeaturesPb = fromClient('../generated/serverfeatures_pb.js') as typeof ServerFeaturesPb;
// google.protobuf.Any, for the error details BatchAppend answers with.
export const anyPb = fromClient('google-protobuf/google/protobuf/any_pb.js') as {
  Any: new () => { pack(serialized: Uint8Array, name: string): void };
};
export const emptyPb = fromClient('google-protobuf/google/protobuf/empty_pb.js') as { Empty: new () => object };

export type ReadReq = StreamsPb.ReadReq;
export type ReadResp = StreamsPb.ReadResp;
export type AppendReq = StreamsPb.AppendReq;
export type AppendResp = StreamsPb.AppendResp;
export type BatchAppendReq = StreamsPb.BatchAppendReq;
export type BatchAppendResp = StreamsPb.BatchAppendResp;
export type ServerDuplexStream<Req, Resp> = GrpcJs.ServerDuplexStream<Req, Resp>;
export type ServerWritableStream<Req, Resp> = GrpcJs.ServerWritableStream<Req, Resp>;
export type ServerReadableStream<Req, Resp> = GrpcJs.ServerReadableStream<Req, Resp>;
export type ServiceError = Partial<GrpcJs.StatusObject>;
