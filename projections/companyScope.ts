import type { Doc, Filter, FindOptions, Page, ReadStore } from './readStore.ts';

/**
 * The read side as one company sees it: every query is filtered by its company, and a document of
 * another company is as good as missing.
 */
export const companyScope = (readStore: ReadStore, companyId: string) => ({
  get: async (collection: string, id: string): Promise<Doc | null> => {
    const doc = await readStore.get(collection, id);
    return doc && doc.companyId === companyId ? doc : null;
  },
  getMany: async (collection: string, ids: readonly string[]): Promise<Doc[]> =>
    (await readStore.getMany(collection, ids)).filter((doc) => doc.companyId === companyId),
  find: (collection: string, filter: Filter = {}, options?: FindOptions): Promise<Page> =>
    readStore.find(collection, { $and: [{ companyId }, filter] }, options),
  count: (collection: string, filter: Filter = {}): Promise<number> =>
    readStore.count(collection, { $and: [{ companyId }, filter] }),
});

export type CompanyScope = ReturnType<typeof companyScope>;
