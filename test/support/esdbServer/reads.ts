import { streamsPb, type ReadReq, type ReadResp, type ServerWritableStream } from './clientProtocol.ts';
import { deliver, eventResponse, streamNotFound } from './readResponses.ts';
import type { LoggedEvent, TransactionLog } from './transactionLog.ts';

type ReadOptions = InstanceType<typeof streamsPb.ReadReq.Options>;
type ReadCall = ServerWritableStream<ReadReq, ReadResp>;

const { Options } = streamsPb.ReadReq;
const backwards = (options: ReadOptions) => options.getReadDirection() === Options.ReadDirection.BACKWARDS;
const countOf = (options: ReadOptions) => (options.hasCount() ? BigInt(options.getCount()) : 2n ** 64n - 1n);

/** The events a stream read selects, in the order it answers them. */
const streamSelection = (events: readonly LoggedEvent[], options: ReadOptions): readonly LoggedEvent[] => {
  const from = options.getStream()!;
  const { RevisionOptionCase } = Options.StreamOptions;
  const revision = (): bigint => {
    switch (from.getRevisionOptionCase()) {
      case RevisionOptionCase.START:
        return 0n;
      case RevisionOptionCase.END:
        return backwards(options) ? BigInt(events.length) - 1n : BigInt(events.length);
      default:
        return BigInt(from.getRevision());
    }
  };
  const start = revision();
  if (!backwards(options)) return events.slice(Number(start));
  return events.slice(0, Number(start < 0n ? 0n : start + 1n)).reverse();
};

/** The events an $all read selects: forwards from a position inclusive, backwards before it. */
const allSelection = (log: TransactionLog, options: ReadOptions): readonly LoggedEvent[] => {
  const from = options.getAll()!;
  const { AllOptionCase } = Options.AllOptions;
  const position = (): bigint => {
    switch (from.getAllOptionCase()) {
      case AllOptionCase.START:
        return 0n;
      case AllOptionCase.END:
        return log.end;
      default:
        return BigInt(from.getPosition()!.getCommitPosition());
    }
  };
  const at = log.indexAt(position());
  return backwards(options) ? log.events.slice(0, at).reverse() : log.events.slice(at);
};

/** Streams.Read for a stream or $all, up to its count; a stream with no events answers stream_not_found. */
export const readEvents = async (log: TransactionLog, call: ReadCall, options: ReadOptions): Promise<void> => {
  const inAll = options.hasAll();
  let selected: readonly LoggedEvent[];
  if (inAll) selected = allSelection(log, options);
  else {
    const stream = Buffer.from(options.getStream()!.getStreamIdentifier()!.getStreamName_asU8()).toString('utf8');
    const events = log.streamOf(stream);
    if (events.length === 0) {
      await deliver(call, streamNotFound(stream));
      return void call.end();
    }
    selected = streamSelection(events, options);
  }
  const count = countOf(options);
  for (let i = 0; BigInt(i) < count && i < selected.length; i++) {
    if (!(await deliver(call, eventResponse(selected[i]!, inAll)))) return;
  }
  call.end();
};
