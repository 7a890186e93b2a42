import { sharedPb, streamsPb, type AppendReq, type AppendResp, type ServerReadableStream, type ServiceError } from './clientProtocol.ts';
import { decideAppend, type ExpectedState } from './appendRules.ts';
import { invalidArgument, maximumAppendSizeExceeded, requiredMetadataPropertyMissing } from './nodeErrors.ts';
import type { LoggedEvent, ProposedEvent, TransactionLog } from './transactionLog.ts';

export type AppendOptions = {
  readonly maxAppendSize: number;
  /** Servers before 21.10 answer a repeated append with no position. */
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

const uuidText = (uuid: InstanceType<typeof sharedPb.UUID> | undefined): string => {
  if (!uuid) return '';
  if (uuid.hasString()) return uuid.getString();
  const structured = uuid.getStructured()!;
  const hex = (value: string) => BigInt.asUintN(64, BigInt(value)).toString(16).padStart(16, '0');
  const all = hex(structured.getMostSignificantBits()) + hex(structured.getLeastSignificantBits());
  return `${all.slice(0, 8)}-${all.slice(8, 12)}-${all.slice(12, 16)}-${all.slice(16, 20)}-${all.slice(20)}`;
};

const success = (last: LoggedEvent | undefined, current: bigint, withPosition: boolean): AppendResp => {
  const answer = new Resp.Success();
  if (current < 0n) answer.setNoStream(new sharedPb.Empty());
  else answer.setCurrentRevision(current.toString());
  if (last && withPosition) answer.setPosition(new Resp.Position().setCommitPosition(last.position.toString()).setPreparePosition(last.position.toString()));
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
export const appendCall = (log: TransactionLog, options: AppendOptions) => (call: ServerReadableStream<AppendReq, AppendResp>, callback: AppendCallback) => {
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
    const type = message.getMetadataMap().get('type');
    const contentType = message.getMetadataMap().get('content-type');
    if (type === undefined || contentType === undefined) return answer(requiredMetadataPropertyMissing());
    const event = { id: uuidText(message.getId()), type, contentType, data: message.getData_asU8(), metadata: message.getCustomMetadata_asU8() };
    // The node's Event.SizeOnDisk: data and metadata bytes, and the type at two bytes a character.
    size += event.data.length + event.metadata.length + type.length * 2;
    if (size > options.maxAppendSize) return answer(maximumAppendSizeExceeded(options.maxAppendSize));
    proposed.push(event);
  });

  call.on('end', () => {
    if (answered) return;
    if (stream === undefined || expected === undefined) return answer(invalidArgument('an append without options'));
    const decision = decideAppend(log, stream, expected, proposed.map((e) => e.id));
    switch (decision.outcome) {
      case 'wrong_expected_version':
        return answer(null, wrongExpectedVersion(expected, decision.current));
      case 'repeat':
        return answer(null, success(decision.last, decision.last.revision, options.repeatsAnsweredWithPosition));
      case 'write': {
        const written = log.write(stream, proposed);
        if (written.length > 0) options.afterWrite();
        return answer(null, success(written.at(-1), log.lastRevision(stream), true));
      }
    }
  });
};
