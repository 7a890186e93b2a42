import type { Doc, Filter, FindOptions, Page, ReadStore } from './readStore.ts';

/** What a collection is read through: the whole read store, or one company's scope of it. */
export type DocumentSource = Pick<ReadStore, 'get' | 'getMany' | 'find' | 'count'>;

/** One collection's documents, typed as the projection that writes them. */
export type Collection<D extends Doc> = {
  get(id: string): Promise<D | null>;
  getMany(ids: readonly string[]): Promise<D[]>;
  find(filter: Filter, options?: FindOptions): Promise<Page<D>>;
  count(filter: Filter): Promise<number>;
};

/** Typed reads of the collection `name`; the type is the caller's word for what its projection writes. */
export const collection = <D extends Doc>(source: DocumentSource, name: string): Collection<D> => ({
  // The one cast of a read-model read: a collection holds only the documents its one projection writes.
  get: async (id) => (await source.get(name, id)) as D | null,
  getMany: async (ids) => (await source.getMany(name, ids)) as D[],
  find: async (filter, options) => (await source.find(name, filter, options)) as Page<D>,
  count: (filter) => source.count(name, filter),
});
