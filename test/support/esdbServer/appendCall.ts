import {
  sharedPb,
  streamsPb,
  type AppendReq,
  type AppendResp,
  type ServerReadableStream,
  type ServiceError,
} from './clientProtocol.ts';
import { applyAppend, type ExpectedState } from './appendRules.ts';
import { invalidArgument, maximumAppendSizeExceeded } from './nodeErrors.ts';
import { isProposedEvent, sizeOnDisk, toProposedEvent } from './proposedEvents.ts';
import type { LoggedEvent, ProposedEvent, TransactionLog } from './transactionLog.ts';

export type AppendOptions = {
  readonly maxAppendSize: number;
  /** Older servers answer a repeated append with no position. */
  readonly repeatsAnsweredWithPosition: boolean;
  /** Called after each append that wrote events, for the node's own bookkeeping. */
  readonly afterWrite: () => void;
};

type AppendCallback = (error: ServiceError | null, response?: AppendResp) => void;

const { Options } = streamsPb.AppendReq;
const { AppendResp: Resp } = streamsPb;

const expectedState = (options: InstanceType<typeof Options>): ExpectedState | undefined => {
  switch (options.getExpectedStreamRevisionCase()) {
    case Options.ExpectedStreamRevisionCase.ANY:
      return { kind: 'any' };
    case Options.ExpectedStreamRevisionCase.NO_STREAM:
      return { kind: 'no_stream' };
    case Options.ExpectedStreamRevisionCase.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    case Options.ExpectedStreamRevisionCase.REVISION:
      return { kind: 'revision', revision: BigInt(options.getRevision()) };
    default:
      return undefined;
  }
};

const success = (last: LoggedEvent | undefined, current: bigint, withPosition: boolean): AppendResp => {
  const answer = new Resp.Success();
  if (current < 0n) answer.setNoStream(new sharedPb.Empty());
  else answer.setCurrentRevision(current.toString());
  if (last && withPosition)
    answer.setPosition(
      new Resp.Position().setCommitPosition(last.position.toString()).setPreparePosition(last.position.toString()),
    );
  else answer.setNoPosition(new sharedPb.Empty());
  return new Resp().setSuccess(answer);
};

// Since 20.6.1 a conflict is an answer, not a status: the expected state as sent and the stream's current revision.
const wrongExpectedVersion = (expected: ExpectedState, current: bigint): AppendResp => {
  const refusal = new Resp.WrongExpectedVersion();
  if (current < 0n) refusal.setCurrentNoStream(new sharedPb.Empty());
  else refusal.setCurrentRevision(current.toString());
  if (expected.kind === 'any') refusal.setExpectedAny(new sharedPb.Empty());
  else if (expected.kind === 'stream_exists') refusal.setExpectedStreamExists(new sharedPb.Empty());
  else if (expected.kind === 'no_stream') refusal.setExpectedNoStream(new sharedPb.Empty());
  else refusal.setExpectedRevision(expected.revision.toString());
  return new Resp().setWrongExpectedVersion(refusal);
};

/** Streams.Append: the options first, then the proposed events; the node counts their size as they arrive. */
export const appendCall =
  (log: TransactionLog, options: AppendOptions) =>
  (call: ServerReadableStream<AppendReq, AppendResp>, callback: AppendCallback) => {
    let stream: string | undefined;
    let expected: ExpectedState | undefined;
    const proposed: ProposedEvent[] = [];
    let size = 0;
    let answered = false;
    const answer = (error: ServiceError | null, response?: AppendResp) => {
      if (answered) return;
      answered = true;
      callback(error, response);
    };

    call.on('data', (request: AppendReq) => {
      if (answered) return;
      if (stream === undefined) {
        const header = request.getOptions();
        expected = header && expectedState(header);
        if (!header || !expected) return answer(invalidArgument('the first message of an append must be its options'));
        stream = Buffer.from(header.getStreamIdentifier()!.getStreamName_asU8()).toString('utf8');
        return;
      }
      const message = request.getProposedMessage();
      if (!message) return answer(invalidArgument('an append carries its options once, then proposed messages'));
      const event = toProposedEvent(message);
      if (!isProposedEvent(event)) return answer(event);
      size += sizeOnDisk(event);
      if (size > options.maxAppendSize) return answer(maximumAppendSizeExceeded(options.maxAppendSize));
      proposed.push(event);
    });

    call.on('end', () => {
      if (answered) return;
      if (stream === undefined || expected === undefined) return answer(invalidArgument('an append without options'));
      const outcome = applyAppend(log, stream, expected, proposed, options.afterWrite);
      if (outcome.outcome === 'wrong_expected_version')
        return answer(null, wrongExpectedVersion(expected, outcome.current));
      answer(null, success(outcome.last, outcome.current, !outcome.repeat || options.repeatsAnsweredWithPosition));
    });
  };
