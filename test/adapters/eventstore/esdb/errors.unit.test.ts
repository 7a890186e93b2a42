import { expect } from 'chai';
import {
  AccessDeniedError,
  ErrorType,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import {
  isPermanent,
  isStreamNotFound,
  isWrongExpectedVersion,
  toConcurrencyError,
} from '../../../../adapters/eventstore/esdb/errors.ts';
import { ConcurrencyError, EventDecodingError } from '../../../../domain/errors.ts';

describe('EventStoreDB error mapping', () => {
  it("recognises the client's WrongExpectedVersionError and nothing else as a refused append", () => {
    const refused = new WrongExpectedVersionError(undefined, { streamName: 'tally-1', expected: 2n, current: 4n });
    expect(isWrongExpectedVersion(refused)).to.equal(true);
    expect(isWrongExpectedVersion(new StreamNotFoundError(undefined, 'tally-1'))).to.equal(false);
    expect(isWrongExpectedVersion(new Error('wrong-expected-version'))).to.equal(false);
    expect(isWrongExpectedVersion(undefined)).to.equal(false);
  });

  it('recognises an error of the same shape from another copy of the client', () => {
    expect(isWrongExpectedVersion({ type: ErrorType.WRONG_EXPECTED_VERSION, actualVersion: 3n })).to.equal(true);
    expect(isStreamNotFound({ type: ErrorType.STREAM_NOT_FOUND, streamName: 'x' })).to.equal(true);
  });

  it('recognises StreamNotFoundError so a missing stream reads as empty', () => {
    expect(isStreamNotFound(new StreamNotFoundError(undefined, 'tally-1'))).to.equal(true);
    expect(isStreamNotFound(new UnavailableError())).to.equal(false);
  });

  it('names stream, expected and actual revision in the ConcurrencyError', () => {
    const error = toConcurrencyError('tally-1', 2n, 4n);
    expect(error).to.be.instanceOf(ConcurrencyError);
    expect(error).to.include({ stream: 'tally-1', expected: '2', actual: '4', code: 'STREAM.WRONG_EXPECTED_REVISION' });
  });

  it('says no_stream for a stream that does not exist, however the client spells it', () => {
    expect(toConcurrencyError('tally-1', 'stream_exists', 'no_stream')).to.include({
      expected: 'stream_exists',
      actual: 'no_stream',
    });
    expect(toConcurrencyError('tally-1', 0n, -1n)).to.include({ expected: '0', actual: 'no_stream' });
  });

  it('stops a subscription on bad history and bad credentials, and resubscribes after anything else', () => {
    expect(isPermanent(new EventDecodingError('tally-1', 0n, 'TallyIncremented', 'bad'))).to.equal(true);
    expect(isPermanent(new AccessDeniedError())).to.equal(true);
    expect(isPermanent(new UnavailableError())).to.equal(false);
    expect(isPermanent(new Error('socket hang up'))).to.equal(false);
  });
});
