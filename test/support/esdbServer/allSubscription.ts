import { randomUUID } from 'node:crypto';
import {
  streamsPb,
  type ReadReq,
  type ReadResp,
  type ServerWritableStream,
  type ServiceError,
} from './clientProtocol.ts';
import { caughtUp, checkpoint, confirmation, deliver, eventResponse } from './readResponses.ts';
import type { LoggedEvent, TransactionLog } from './transactionLog.ts';

type ReadOptions = InstanceType<typeof streamsPb.ReadReq.Options>;
type ReadCall = ServerWritableStream<ReadReq, ReadResp>;

/** A live subscription the node can drop, as it does on shutdown, leader change or a slow consumer. */
export type OpenSubscription = { drop(status: ServiceError): void };

// The node's default search window when the client asks for a count-based one.
const DEFAULT_WINDOW = 32;

type EventFilter = { passes(event: LoggedEvent): boolean; checkpointEvery: number };

/** The server-side filter a subscription asked for: a regex or prefixes on the event type or stream name. */
const eventFilter = (options: ReadOptions): EventFilter | undefined => {
  if (!options.hasFilter()) return undefined;
  const filter = options.getFilter()!;
  const onType = filter.hasEventType();
  const expression = onType ? filter.getEventType()! : filter.getStreamIdentifier()!;
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : undefined;
  const prefixes = expression.getPrefixList();
  const window = filter.hasMax() ? filter.getMax() : DEFAULT_WINDOW;
  return {
    passes: (event) => {
      const subject = onType ? event.type : event.stream;
      return regex ? regex.test(subject) : prefixes.some((prefix) => subject.startsWith(prefix));
    },
    checkpointEvery: window * Math.max(1, filter.getCheckpointintervalmultiplier()),
  };
};

/** Where the subscription starts reading the log: after the position it names (exclusive), from the start or at the end. */
const startIndex = (log: TransactionLog, options: ReadOptions): number => {
  const from = options.getAll()!;
  const { AllOptionCase } = streamsPb.ReadReq.Options.AllOptions;
  switch (from.getAllOptionCase()) {
    case AllOptionCase.START:
      return 0;
    case AllOptionCase.END:
      return log.events.length;
    default: {
      const position = BigInt(from.getPosition()!.getCommitPosition());
      const at = log.indexAt(position);
      return log.events[at]?.position === position ? at + 1 : at;
    }
  }
};

/**
 * A catch-up subscription to $all: confirmation, the history after its start, caught_up, then live
 * events as they are written, with checkpoints when a filter is in force. It ends when the client
 * cancels or the node drops it with a status.
 */
export const subscribeToAll = async (
  log: TransactionLog,
  call: ReadCall,
  options: ReadOptions,
  open: Set<OpenSubscription>,
): Promise<void> => {
  const filter = eventFilter(options);
  let dropped = false;
  const subscription: OpenSubscription = {
    drop: (status) => {
      if (dropped) return;
      dropped = true;
      open.delete(subscription);
      call.emit('error', status);
      log.wakeAll();
    },
  };
  open.add(subscription);
  const leave = () => {
    open.delete(subscription);
    log.wakeAll();
  };
  call.on('cancelled', leave);
  const gone = () => dropped || call.cancelled || call.writableEnded;

  let next = startIndex(log, options);
  let considered = 0;
  let isCaughtUp = false;
  if (!(await deliver(call, confirmation(randomUUID())))) return leave();
  while (!gone()) {
    while (next < log.events.length && !gone()) {
      const event = log.events[next++]!;
      considered += 1;
      if (!filter || filter.passes(event)) {
        if (!(await deliver(call, eventResponse(event, true)))) return leave();
      } else if (considered % filter.checkpointEvery === 0) {
        if (!(await deliver(call, checkpoint(event.position)))) return leave();
      }
    }
    if (gone()) break;
    if (!isCaughtUp) {
      isCaughtUp = true;
      if (!(await deliver(call, caughtUp()))) return leave();
      continue;
    }
    const written = log.nextWrite();
    if (next < log.events.length) continue;
    await written;
  }
  leave();
};
