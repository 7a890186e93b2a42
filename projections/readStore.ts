/** A read-model document: keyed by `_id`, always owned by one company. */
export type Doc = { readonly _id: string; readonly companyId: string; readonly [field: string]: unknown };

export type Scalar = string | number | boolean | null;

/**
 * The filter subset every adapter answers identically: a field compared with a scalar
 * (`$eq`, `$ne`, `$in`, `$gt`, `$gte`, `$lt`, `$lte`, `$exists`), combined with `$and` / `$or`.
 * Fields are dotted paths into nested objects; comparisons are between values of one type.
 * As in MongoDB, `$ne` and `$eq: null` also match documents where the field is missing.
 */
export type FieldCondition =
  | Scalar
  | {
      readonly $eq?: Scalar;
      readonly $ne?: Scalar;
      readonly $in?: readonly Scalar[];
      readonly $gt?: Scalar;
      readonly $gte?: Scalar;
      readonly $lt?: Scalar;
      readonly $lte?: Scalar;
      readonly $exists?: boolean;
    };

export type Filter = {
  readonly $and?: readonly Filter[];
  readonly $or?: readonly Filter[];
  readonly [field: string]: FieldCondition | readonly Filter[] | undefined;
};

export type SortDirection = 1 | -1;
export type Sort = readonly (readonly [field: string, direction: SortDirection])[];

export type FindOptions = {
  /** Sort keys; `_id` is always appended as the last key so pages are stable. */
  readonly sort?: Sort;
  readonly limit?: number;
  /** The `next` cursor of the previous page. */
  readonly after?: string;
};

export type Page<D extends Doc = Doc> = { readonly items: readonly D[]; readonly next: string | null };

export type IndexSpec = { readonly fields: Sort; readonly unique?: boolean };
export type CollectionSpec = {
  readonly name: string;
  readonly indexes: readonly IndexSpec[];
  /**
   * Fields queries filter on that no index of their own would repay: each adds a write to every
   * change, while a scan of one campaign's documents answers in milliseconds. A store may keep them
   * ready to compare (SQLite: in key columns, so a scan never parses documents).
   */
  readonly filterFields?: readonly string[];
};

/** One document change of a projection batch; `position` is the event that caused it. */
export type DocumentChange =
  | { readonly op: 'upsert'; readonly collection: string; readonly doc: Doc; readonly position: bigint }
  | { readonly op: 'delete'; readonly collection: string; readonly id: string; readonly position: bigint };

/** A projection's changes for a batch of events, committed together with its checkpoint. */
export type ProjectionBatch = {
  readonly projection: string;
  readonly version: number;
  readonly checkpoint: bigint;
  readonly changes: readonly DocumentChange[];
};

/** Where a projection stands: the version readers see, and each version's checkpoint. */
export type ProjectionState = {
  readonly activeVersion: number | null;
  readonly checkpoints: Readonly<Record<number, bigint>>;
};

/** The collection one version of a projection writes to; readers reach it through its logical name. */
export const physicalName = (collection: string, version: number): string => `${collection}_v${version}`;

/**
 * Collections are named logically (`campaigns`); each projection version builds its own physical
 * collections, and `activate` swaps which version readers see.
 */
export interface ReadStore {
  /** Creates the physical collections of one projection version, without their indexes yet. */
  prepare(version: number, collections: readonly CollectionSpec[]): Promise<void>;
  /**
   * Builds the version's indexes (a bulk build over what it holds), points readers at it, then drops
   * the collections of the version it replaces: at once, or (MongoDB) once no process can still be
   * reading them through a name it cached before the swap.
   */
  activate(projection: string, version: number, collections: readonly CollectionSpec[]): Promise<void>;
  projectionState(projection: string): Promise<ProjectionState>;
  /** Commits the batch's changes and checkpoint at once (or idempotently by document position). */
  commit(batch: ProjectionBatch): Promise<void>;
  /** Documents of one projection version, each with the position of the event that last changed it. */
  getForUpdate(version: number, collection: string, ids: readonly string[]): Promise<Map<string, Versioned>>;

  get(collection: string, id: string): Promise<Doc | null>;
  getMany(collection: string, ids: readonly string[]): Promise<Doc[]>;
  find(collection: string, filter: Filter, options?: FindOptions): Promise<Page>;
  count(collection: string, filter: Filter): Promise<number>;
  /** True when the store answers; `/readyz` asks. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type Versioned = { readonly doc: Doc; readonly position: bigint };
