import type { Versioned } from './readStore.ts';
import type { Doc } from './readStore.ts';

/** A document as the projection last left it: absent documents are remembered too. */
export type Cached = { readonly doc: Doc | null; readonly position: bigint };

/**
 * The newest documents a runner wrote, kept in memory so the next batch need not read them back.
 * Only the projection's own runner writes its collections, so what it remembers stays true.
 * When full it forgets the documents it learnt of first.
 */
export const documentCache = (capacity: number) => {
  const collections = new Map<string, Map<string, Cached>>();
  const order: [string, string][] = [];
  let head = 0;
  let size = 0;
  const evictOldest = () => {
    const [collection, id] = order[head++]!;
    if (collections.get(collection)?.delete(id)) size--;
    if (head > 4096 && head * 2 > order.length) order.splice(0, head), (head = 0);
  };
  return {
    get: (collection: string, id: string): Cached | undefined => collections.get(collection)?.get(id),
    set: (collection: string, id: string, value: Cached): void => {
      let byId = collections.get(collection);
      if (!byId) collections.set(collection, (byId = new Map()));
      if (!byId.has(id)) {
        order.push([collection, id]);
        size++;
      }
      byId.set(id, value);
      while (size > capacity) evictOldest();
    },
    clear: () => {
      collections.clear();
      order.length = 0;
      head = size = 0;
    },
  };
};

export type DocumentCache = ReturnType<typeof documentCache>;

/** Loads documents through the cache, asking the store only for those it does not remember. */
export const cachedLoader =
  (cache: DocumentCache, load: (collection: string, ids: readonly string[]) => Promise<Map<string, Versioned>>) =>
  async (collection: string, ids: readonly string[]): Promise<Map<string, Cached>> => {
    const found = new Map<string, Cached>();
    const missing: string[] = [];
    for (const id of ids) {
      const cached = cache.get(collection, id);
      if (cached) found.set(id, cached);
      else missing.push(id);
    }
    if (missing.length > 0) {
      const stored = await load(collection, missing);
      for (const id of missing) found.set(id, stored.get(id) ?? { doc: null, position: 0n });
    }
    return found;
  };
