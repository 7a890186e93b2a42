import { expect } from 'chai';
import {
  MongoBulkWriteError,
  MongoServerError,
  type AnyBulkWriteOperation,
  type BulkWriteOptions,
  type BulkWriteResult,
  type WriteError,
} from 'mongodb';
import type { StoredDoc } from '../../../../adapters/readstore/mongodb/storedDocs.ts';
import { isStaleUpsert, writeChanges } from '../../../../adapters/readstore/mongodb/writeChanges.ts';

const idCollision = 'E11000 duplicate key error collection: rs.contacts_v1 index: _id_ dup key: { _id: "a" }';
const uniqueCollision =
  'E11000 duplicate key error collection: rs.contacts_v1 index: phone_1 dup key: { phone: "+1555" }';

const writeError = (code: number, errmsg: string, index = 0) =>
  ({ code, errmsg, index, errInfo: {} }) as unknown as WriteError;

const result = (writeConcernError?: unknown) =>
  ({ getWriteConcernError: () => writeConcernError }) as unknown as BulkWriteResult;

/** The error the driver throws when some writes of an unordered bulkWrite fail. */
const bulkError = (errors: WriteError[], writeConcernError?: unknown) =>
  new MongoBulkWriteError(
    { message: errors[0]?.errmsg ?? 'write failed', code: errors[0]?.code ?? 0, writeErrors: errors },
    result(writeConcernError),
  );

/** A collection that records what it is asked and fails as told. */
const fakeCollection = (failure?: unknown) => {
  const calls: { operations: readonly AnyBulkWriteOperation<StoredDoc>[]; options?: BulkWriteOptions }[] = [];
  return {
    calls,
    bulkWrite: async (operations: readonly AnyBulkWriteOperation<StoredDoc>[], options?: BulkWriteOptions) => {
      calls.push({ operations, options });
      if (failure) throw failure;
      return {};
    },
  };
};

const operations: AnyBulkWriteOperation<StoredDoc>[] = [{ deleteOne: { filter: { _id: 'a' } } }];

describe('MongoDB read store: writing changes', () => {
  it('writes unordered, so a stale upsert does not stop the others, and keeps undefined fields missing', async () => {
    const collection = fakeCollection();
    await writeChanges(collection, operations);
    expect(collection.calls).to.have.length(1);
    expect(collection.calls[0]!.operations).to.equal(operations);
    expect(collection.calls[0]!.options).to.deep.include({ ordered: false, ignoreUndefined: true });
  });

  it('does not call MongoDB when there is nothing to write', async () => {
    const collection = fakeCollection();
    await writeChanges(collection, []);
    expect(collection.calls).to.have.length(0);
  });

  it('ignores duplicate-key errors on _id: the stored document is as new or newer', async () => {
    await writeChanges(
      fakeCollection(bulkError([writeError(11000, idCollision, 0), writeError(11000, idCollision, 3)])),
      operations,
    );
  });

  it('rethrows when any write failed for another reason, even beside stale upserts', async () => {
    const failure = bulkError([writeError(11000, idCollision, 0), writeError(121, 'Document failed validation', 1)]);
    expect(await writeChanges(fakeCollection(failure), operations).catch((e: unknown) => e)).to.equal(failure);
  });

  it('rethrows a duplicate key on a declared unique index: that is a real conflict', async () => {
    const failure = bulkError([writeError(11000, uniqueCollision)]);
    expect(await writeChanges(fakeCollection(failure), operations).catch((e: unknown) => e)).to.equal(failure);
  });

  it('rethrows when the write concern failed, even if every write error was a stale upsert', async () => {
    const failure = bulkError([writeError(11000, idCollision)], {
      code: 64,
      errmsg: 'waiting for replication timed out',
    });
    expect(await writeChanges(fakeCollection(failure), operations).catch((e: unknown) => e)).to.equal(failure);
  });

  it('rethrows a bulk error without write errors, and errors that are not bulk write errors', async () => {
    const empty = bulkError([]);
    expect(await writeChanges(fakeCollection(empty), operations).catch((e: unknown) => e)).to.equal(empty);
    const server = new MongoServerError({ message: idCollision, code: 11000 });
    expect(await writeChanges(fakeCollection(server), operations).catch((e: unknown) => e)).to.equal(server);
    const network = new Error('connection reset');
    expect(await writeChanges(fakeCollection(network), operations).catch((e: unknown) => e)).to.equal(network);
  });

  it('tells stale upserts by code 11000 alone when the message names no index', () => {
    expect(isStaleUpsert({ code: 11000, errmsg: idCollision })).to.equal(true);
    expect(isStaleUpsert({ code: 11000, errmsg: undefined })).to.equal(true);
    expect(isStaleUpsert({ code: 11000, errmsg: uniqueCollision })).to.equal(false);
    expect(isStaleUpsert({ code: 11001, errmsg: idCollision })).to.equal(false);
    expect(isStaleUpsert({ code: 112, errmsg: 'WriteConflict' })).to.equal(false);
  });
});
