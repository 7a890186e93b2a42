import { sharedPb, streamsPb, type ReadResp, type ServerWritableStream } from './clientProtocol.ts';
import type { LoggedEvent } from './transactionLog.ts';

const { ReadResp: Resp } = streamsPb;

const streamIdentifier = (stream: string) => {
  const identifier = new sharedPb.StreamIdentifier();
  identifier.setStreamName(Buffer.from(stream, 'utf8'));
  return identifier;
};

const uuid = (id: string) => {
  const value = new sharedPb.UUID();
  value.setString(id);
  return value;
};

const recorded = (event: LoggedEvent) => {
  const record = new Resp.ReadEvent.RecordedEvent();
  record.setId(uuid(event.id));
  record.setStreamIdentifier(streamIdentifier(event.stream));
  record.setStreamRevision(event.revision.toString());
  // One event per record since v20: commit and prepare position are both the record's offset.
  record.setCommitPosition(event.position.toString());
  record.setPreparePosition(event.position.toString());
  const metadata = record.getMetadataMap();
  metadata.set('type', event.type);
  metadata.set('content-type', event.contentType);
  metadata.set('created', event.created.toString());
  record.setData(event.data);
  record.setCustomMetadata(event.metadata);
  return record;
};

/** An event as reads answer it; reads of $all also carry its position in $all. */
export const eventResponse = (event: LoggedEvent, inAll: boolean): ReadResp => {
  const read = new Resp.ReadEvent();
  read.setEvent(recorded(event));
  if (inAll) read.setCommitPosition(event.position.toString());
  else read.setNoPosition(new sharedPb.Empty());
  return new Resp().setEvent(read);
};

export const streamNotFound = (stream: string): ReadResp =>
  new Resp().setStreamNotFound(new Resp.StreamNotFound().setStreamIdentifier(streamIdentifier(stream)));

export const confirmation = (subscriptionId: string): ReadResp =>
  new Resp().setConfirmation(new Resp.SubscriptionConfirmation().setSubscriptionId(subscriptionId));

export const checkpoint = (position: bigint): ReadResp =>
  new Resp().setCheckpoint(
    new Resp.Checkpoint().setCommitPosition(position.toString()).setPreparePosition(position.toString()),
  );

export const caughtUp = (): ReadResp => new Resp().setCaughtUp(new Resp.CaughtUp());

/** Sends one message, waiting while the client's flow-control window is full; false once the call is gone. */
export const deliver = async (call: ServerWritableStream<unknown, ReadResp>, message: ReadResp): Promise<boolean> => {
  if (call.cancelled || call.writableEnded) return false;
  if (call.write(message)) return true;
  await new Promise<void>((resolve) => {
    const done = () => {
      call.off('drain', done);
      call.off('cancelled', done);
      call.off('close', done);
      resolve();
    };
    call.on('drain', done);
    call.on('cancelled', done);
    call.on('close', done);
  });
  return !call.cancelled && !call.writableEnded;
};
