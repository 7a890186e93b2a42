import { Long, MongoServerError, type MongoClient } from 'mongodb';

/**
 * One MongoDB database held in memory, shared by every client made from it, as two engine processes
 * share a server: just the operations and operators the read store sends, with MongoDB's meaning
 * for them (dotted paths reach into arrays, an upsert inserts the filter's equalities).
 */
type Stored = Record<string, unknown>;
type Condition = Record<string, unknown>;

/** A deep copy, so callers never share the stored documents; Long and Date are immutable here and kept as they are. */
const copy = <T>(value: T): T => {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (typeof value !== 'object' || value === null || value instanceof Date || Long.isLong(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)])) as T;
};

const comparable = (value: unknown): unknown =>
  Long.isLong(value) ? value.toBigInt() : value instanceof Date ? value.getTime() : value;
const same = (a: unknown, b: unknown): boolean => comparable(a) === comparable(b);
const order = (a: unknown, b: unknown): number | undefined => {
  const [x, y] = [comparable(a), comparable(b)];
  const numeric = (v: unknown) => typeof v === 'number' || typeof v === 'bigint';
  if (!(numeric(x) && numeric(y)) && typeof x !== typeof y) return undefined;
  return (x as number) < (y as number) ? -1 : (x as number) > (y as number) ? 1 : 0;
};

/** Every value a dotted path reaches; a step into an array reaches each element, or one by its index. */
const valuesAt = (value: unknown, path: readonly string[]): unknown[] => {
  if (path.length === 0) return [value];
  const [step, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value))
    return /^\d+$/.test(step)
      ? valuesAt(value[Number(step)], rest)
      : value.flatMap((element) => valuesAt(element, path));
  return typeof value === 'object' && value !== null ? valuesAt((value as Stored)[step], rest) : [undefined];
};

const isOperators = (condition: unknown): condition is Condition =>
  typeof condition === 'object' &&
  condition !== null &&
  !(condition instanceof Date) &&
  !Long.isLong(condition) &&
  Object.keys(condition).every((k) => k.startsWith('$'));

const holds = (values: unknown[], condition: unknown): boolean => {
  if (!isOperators(condition)) return values.some((v) => same(v, condition));
  return Object.entries(condition).every(([op, operand]) => {
    const present = values.filter((v) => v !== undefined);
    const ordered = (accept: (o: number) => boolean) =>
      present.some((v) => ((o) => o !== undefined && accept(o))(order(v, operand)));
    if (op === '$exists') return present.length > 0 === operand;
    if (op === '$eq') return values.some((v) => same(v, operand));
    if (op === '$ne') return !values.some((v) => same(v, operand));
    if (op === '$in') return values.some((v) => (operand as unknown[]).some((o) => same(v, o)));
    if (op === '$lt') return ordered((o) => o < 0);
    if (op === '$lte') return ordered((o) => o <= 0);
    if (op === '$gt') return ordered((o) => o > 0);
    if (op === '$gte') return ordered((o) => o >= 0);
    throw new Error(`the in-memory MongoDB does not know ${op}`);
  });
};

export const matches = (doc: unknown, filter: Condition): boolean =>
  Object.entries(filter).every(([key, condition]) => {
    if (key === '$or') return (condition as Condition[]).some((f) => matches(doc, f));
    if (key === '$and') return (condition as Condition[]).every((f) => matches(doc, f));
    return holds(valuesAt(doc, key.split('.')), condition);
  });

const applyUpdate = (doc: Stored, update: Record<string, Stored>, inserting: boolean): void => {
  for (const [op, fields] of Object.entries(update))
    for (const [field, value] of Object.entries(fields)) {
      if (op === '$set' || (op === '$setOnInsert' && inserting)) doc[field] = value;
      else if (op === '$unset') delete doc[field];
      else if (op === '$max')
        doc[field] = doc[field] === undefined || (order(value, doc[field]) ?? 0) > 0 ? value : doc[field];
      else if (op === '$push') doc[field] = [...((doc[field] as unknown[] | undefined) ?? []), value];
      else if (op === '$pull')
        doc[field] = ((doc[field] as unknown[] | undefined) ?? []).filter(
          (e) =>
            !(isOperators(value) || typeof value !== 'object' ? holds([e], value) : matches(e, value as Condition)),
        );
      else if (op !== '$setOnInsert') throw new Error(`the in-memory MongoDB does not know ${op}`);
    }
};

const duplicateKey = (collection: string, id: unknown) =>
  new MongoServerError({
    message: `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`,
    code: 11000,
  });

type FindOptions = { projection?: Record<string, 0>; sort?: Record<string, 1 | -1>; limit?: number };

export const memoryMongo = () => {
  const collections = new Map<string, Stored[]>();
  const docsOf = (name: string): Stored[] => {
    let docs = collections.get(name);
    if (!docs) collections.set(name, (docs = []));
    return docs;
  };
  const shown = (doc: Stored, projection: Record<string, 0> = {}): Stored =>
    Object.fromEntries(Object.entries(copy(doc)).filter(([field]) => projection[field] !== 0));

  const collection = (name: string) => {
    const found = (filter: Condition, options: FindOptions = {}) => {
      const docs = docsOf(name).filter((doc) => matches(doc, filter));
      const sort = Object.entries(options.sort ?? {});
      docs.sort((a, b) => {
        for (const [field, direction] of sort) {
          const o = order(a[field], b[field]) ?? 0;
          if (o !== 0) return o * direction;
        }
        return 0;
      });
      return docs.slice(0, options.limit ?? docs.length).map((doc) => shown(doc, options.projection));
    };
    const updateOne = async (filter: Condition, update: Record<string, Stored>, options: { upsert?: boolean } = {}) => {
      const doc = docsOf(name).find((d) => matches(d, filter));
      if (doc) return (applyUpdate(doc, copy(update), false), { matchedCount: 1, upsertedCount: 0 });
      if (!options.upsert) return { matchedCount: 0, upsertedCount: 0 };
      const inserted = Object.fromEntries(
        Object.entries(filter).filter(([k, v]) => !k.startsWith('$') && !k.includes('.') && !isOperators(v)),
      );
      if (docsOf(name).some((d) => same(d['_id'], inserted['_id']))) throw duplicateKey(name, inserted['_id']);
      applyUpdate(inserted, copy(update), true);
      docsOf(name).push(inserted);
      return { matchedCount: 0, upsertedCount: 1 };
    };
    const deleteOne = async (filter: Condition) => {
      const docs = docsOf(name);
      const index = docs.findIndex((d) => matches(d, filter));
      if (index >= 0) docs.splice(index, 1);
      return { deletedCount: index >= 0 ? 1 : 0 };
    };
    const replaceOne = ({
      filter,
      replacement,
      upsert,
    }: {
      filter: Condition;
      replacement: Stored;
      upsert?: boolean;
    }) => {
      const docs = docsOf(name);
      const index = docs.findIndex((d) => matches(d, filter));
      if (index >= 0) docs[index] = copy(replacement);
      else if (upsert) {
        if (docs.some((d) => same(d['_id'], replacement['_id']))) throw duplicateKey(name, replacement['_id']);
        docs.push(copy(replacement));
      }
    };
    return {
      findOne: async (filter: Condition, options?: FindOptions) => found(filter, { ...options, limit: 1 })[0] ?? null,
      find: (filter: Condition, options?: FindOptions) => ({ toArray: async () => found(filter, options) }),
      countDocuments: async (filter: Condition) => found(filter).length,
      updateOne,
      deleteOne,
      bulkWrite: async (operations: Record<string, { filter: Condition; replacement: Stored; upsert?: boolean }>[]) => {
        for (const operation of operations) {
          if (operation['replaceOne']) replaceOne(operation['replaceOne']);
          else if (operation['deleteOne']) await deleteOne(operation['deleteOne'].filter);
          else throw new Error(`the in-memory MongoDB does not know ${Object.keys(operation).join()}`);
        }
        return {};
      },
      createIndexes: async () => [],
    };
  };

  const db = {
    collection,
    createCollection: async (name: string) => {
      if (collections.has(name))
        throw new MongoServerError({ message: `Collection ${name} already exists.`, code: 48 });
      collections.set(name, []);
    },
    dropCollection: async (name: string) => collections.delete(name),
    command: async () => ({ ok: 1 }),
  };

  return {
    /** A client of its own on the shared database, as each engine process has. */
    client: () => ({ db: () => db, close: async () => undefined }) as unknown as MongoClient,
    /** The names of the collections that exist, in order. */
    collectionNames: () => [...collections.keys()].sort(),
    documents: (name: string): Stored[] => copy(collections.get(name) ?? []),
  };
};
