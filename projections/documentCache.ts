import type { Versioned } from './readStore.ts';
import type { Doc } from './readStore.ts';

/** A document as the projection last left it: absent documents are remembered too. */
export type Cached = { readonly doc: Doc | null; readonly position: bigint };

/** One collection's remembered documents, and their ids in the order it learnt of them. */
type Remembered = { readonly docs: Map<string, Cached>; order: string[]; head: number };

/**
 * The newest documents a runner wrote, kept in memory so the next batch need not read them back.
 * Only the projection's own runner writes its collections, so what it remembers stays true.
 * Each collection keeps up to `capacity` documents and forgets first those it learnt of first.
 */
export const documentCache = (capacity: number) => {
  const collections = new Map<string, Remembered>();
  return {
    get: (collection: string, id: string): Cached | undefined => collections.get(collection)?.docs.get(id),
    set: (collection: string, id: string, value: Cached): void => {
      let remembered = collections.get(collection);
      if (!remembered) collections.set(collection, (remembered = { docs: new Map(), order: [], head: 0 }));
      const { docs } = remembered;
      const before = docs.size;
      docs.set(id, value);
      if (docs.size === before) return;
      remembered.order.push(id);
      if (docs.size <= capacity) return;
      docs.delete(remembered.order[remembered.head++]!);
      // Forgotten ids leave the order list in one piece once they are half of it.
      if (remembered.head > 4096 && remembered.head * 2 > remembered.order.length) {
        remembered.order = remembered.order.slice(remembered.head);
        remembered.head = 0;
      }
    },
    clear: () => collections.clear(),
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
