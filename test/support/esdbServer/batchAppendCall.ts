import {
  anyPb,
  emptyPb,
  sharedPb,
  statusPb,
  streamsPb,
  type BatchAppendReq,
  type BatchAppendResp,
  type ServerDuplexStream,
} from './clientProtocol.ts';
import { applyAppend, type AppendOutcome, type ExpectedState } from './appendRules.ts';
import type { AppendOptions } from './appendCall.ts';
import { isProposedEvent, sizeOnDisk, toProposedEvent } from './proposedEvents.ts';
import type { ProposedEvent, TransactionLog } from './transactionLog.ts';

const { Options } = streamsPb.BatchAppendReq;
const { BatchAppendResp: Resp } = streamsPb;
type BatchOptions = InstanceType<typeof Options>;

const expectedState = (options: BatchOptions): ExpectedState => {
  switch (options.getExpectedStreamPositionCase()) {
    case Options.ExpectedStreamPositionCase.STREAM_POSITION:
      return { kind: 'revision', revision: BigInt(options.getStreamPosition()) };
    case Options.ExpectedStreamPositionCase.NO_STREAM:
      return { kind: 'no_stream' };
    case Options.ExpectedStreamPositionCase.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    default:
      return { kind: 'any' };
  }
};

/** A refusal as BatchAppend carries it: a google.rpc.Status whose details name the node's error. */
const failure = (code: number, message: string, detail: { serializeBinary(): Uint8Array }, name: string) => {
  const details = new anyPb.Any();
  details.pack(detail.serializeBinary(), `event_store.client.${name}`);
  const status = new statusPb.Status();
  status.setCode(code);
  status.setMessage(message);
  (status.setDetails as (value: unknown) => void)(details);
  return status;
};

const wrongExpectedVersion = (expected: ExpectedState, current: bigint) => {
  const detail = new sharedPb.WrongExpectedVersion();
  if (current < 0n) detail.setCurrentNoStream(new emptyPb.Empty() as never);
  else detail.setCurrentStreamRevision(current.toString());
  if (expected.kind === 'any') detail.setExpectedAny(new emptyPb.Empty() as never);
  else if (expected.kind === 'stream_exists') detail.setExpectedStreamExists(new emptyPb.Empty() as never);
  else if (expected.kind === 'no_stream') detail.setExpectedNoStream(new emptyPb.Empty() as never);
  else detail.setExpectedStreamPosition(expected.revision.toString());
  return failure(9, 'WrongExpectedVersion', detail, 'WrongExpectedVersion');
};

const tooLarge = (maxAppendSize: number) =>
  failure(
    3,
    `Maximum Append Size of ${maxAppendSize} Exceeded.`,
    new sharedPb.MaximumAppendSizeExceeded().setMaxappendsize(maxAppendSize),
    'MaximumAppendSizeExceeded',
  );

const success = (outcome: Extract<AppendOutcome, { outcome: 'appended' }>, withPosition: boolean) => {
  const answer = new Resp.Success();
  if (outcome.current < 0n) answer.setNoStream(new emptyPb.Empty() as never);
  else answer.setCurrentRevision(outcome.current.toString());
  if (outcome.last && withPosition)
    answer.setPosition(
      new sharedPb.AllStreamPosition()
        .setCommitPosition(outcome.last.position.toString())
        .setPreparePosition(outcome.last.position.toString()),
    );
  else answer.setNoPosition(new emptyPb.Empty() as never);
  return answer;
};

type Pending = { options: BatchOptions; proposed: ProposedEvent[]; size: number; refused: boolean };

/**
 * Streams.BatchAppend, which clients use with servers from 21.10: one long-lived call carrying many
 * appends, each a correlation id, its options in the first request and its last request marked final.
 */
export const batchAppendCall =
  (log: TransactionLog, options: AppendOptions) => (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>) => {
    const pending = new Map<string, Pending>();

    call.on('data', (request: BatchAppendReq) => {
      const correlation = request.getCorrelationId()!;
      const key = correlation.getString();
      const batch = pending.get(key) ?? { options: request.getOptions()!, proposed: [], size: 0, refused: false };
      pending.set(key, batch);
      const answer = (result: (resp: BatchAppendResp) => void) => {
        const resp = new Resp();
        resp.setCorrelationId(correlation);
        resp.setStreamIdentifier(batch.options.getStreamIdentifier());
        result(resp);
        call.write(resp);
      };
      for (const message of request.getProposedMessagesList()) {
        const event = toProposedEvent(message);
        if (!isProposedEvent(event)) continue;
        batch.size += sizeOnDisk(event);
        batch.proposed.push(event);
      }
      if (!batch.refused && batch.size > options.maxAppendSize) {
        batch.refused = true;
        answer((resp) => resp.setError(tooLarge(options.maxAppendSize)));
      }
      if (!request.getIsFinal()) return;
      pending.delete(key);
      if (batch.refused) return;
      const stream = Buffer.from(batch.options.getStreamIdentifier()!.getStreamName_asU8()).toString('utf8');
      const expected = expectedState(batch.options);
      const outcome = applyAppend(log, stream, expected, batch.proposed, options.afterWrite);
      answer((resp) =>
        outcome.outcome === 'wrong_expected_version'
          ? resp.setError(wrongExpectedVersion(expected, outcome.current))
          : resp.setSuccess(success(outcome, !outcome.repeat || options.repeatsAnsweredWithPosition)),
      );
    });
    call.on('end', () => call.end());
    call.on('error', () => undefined);
  };
