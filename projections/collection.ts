import type { Doc, Filter, FindOptions, Page, ReadStore, Sort } from './readStore.ts';

/** What a collection is read through: the whole read store, or one company's scope of it. */
export type DocumentSource = Pick<ReadStore, 'get' | 'getMany' | 'find' | 'count'>;

/** One collection's documents, typed as the projection that writes them. */
export type Collection<D extends Doc> = {
  get(id: string): Promise<D | null>;
  getMany(ids: readonly string[]): Promise<D[]>;
  find(filter: Filter, options?: FindOptions): Promise<Page<D>>;
  count(filter: Filter): Promise<number>;
  /** Every document the filter matches, read page by page. */
  findAll(filter: Filter, sort?: Sort): Promise<D[]>;
};

const PAGE_SIZE = 500;

/** Typed reads of the collection `name`; the type is the caller's word for what its projection writes. */
export const collection = <D extends Doc>(source: DocumentSource, name: string): Collection<D> => {
  // The one cast of a read-model read: a collection holds only the documents its one projection writes.
  const find = async (filter: Filter, options?: FindOptions) => (await source.find(name, filter, options)) as Page<D>;
  return {
    get: async (id) => (await source.get(name, id)) as D | null,
    getMany: async (ids) => (await source.getMany(name, ids)) as D[],
    find,
    count: (filter) => source.count(name, filter),
    findAll: async (filter, sort) => {
      const found: D[] = [];
      let after: string | undefined;
      do {
        const page = await find(filter, { ...(sort ? { sort } : {}), limit: PAGE_SIZE, ...(after ? { after } : {}) });
        found.push(...page.items);
        after = page.next ?? undefined;
      } while (after);
      return found;
    },
  };
};
