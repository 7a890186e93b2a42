import { grpc, type ServiceError } from './clientProtocol.ts';

/** The gRPC statuses the node answers with, with the `exception` metadata the client maps to its error classes. */
const withException = (code: number, details: string, exception: Record<string, string>): ServiceError => {
  const metadata = new grpc.Metadata();
  for (const [key, value] of Object.entries(exception)) metadata.set(key, value);
  return { code, details, metadata };
};

/** A user without read rights on $all, as a server without `$admins` membership refuses it. */
export const accessDenied = (): ServiceError =>
  withException(grpc.status.PERMISSION_DENIED, 'Access Denied', { exception: 'access-denied' });

/** The append's events together are larger than the node's MaxAppendSize. */
export const maximumAppendSizeExceeded = (maxAppendSize: number): ServiceError =>
  withException(grpc.status.INVALID_ARGUMENT, `Maximum Append Size of ${maxAppendSize} Exceeded.`, {
    exception: 'maximum-append-size-exceeded',
    'maximum-append-size': String(maxAppendSize),
  });

export const requiredMetadataPropertyMissing = (): ServiceError =>
  withException(grpc.status.INVALID_ARGUMENT, "Required Metadata Property 'type' is missing", {
    exception: 'missing-required-metadata-property',
    'required-metadata-properties': 'type,content-type',
  });

/** A connection the node lost, or a subscription it dropped: the client retries. */
export const unavailable = (details = 'Server Is Not Ready'): ServiceError => ({
  code: grpc.status.UNAVAILABLE,
  details,
});

export const invalidArgument = (details: string): ServiceError => ({ code: grpc.status.INVALID_ARGUMENT, details });
