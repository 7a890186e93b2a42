import type { Doc, Versioned } from './readStore.ts';

/** A document as the projection last left it: absent documents are remembered too. */
export type Cached = { readonly doc: Doc | null; readonly position: bigint };

/**
 * The newest documents a runner wrote, kept in memory so the next batch need not read them back.
 * Only the projection's own runner writes its collections, so what it remembers stays true.
 */
export const documentCache = (capacity: number) => {
  const entries = new Map<string, Cached>();
  const key = (collection: string, id: string) => `${collection}\u0000${id}`;
  return {
    get: (collection: string, id: string): Cached | undefined => entries.get(key(collection, id)),
    set: (collection: string, id: string, value: Cached): void => {
      const k = key(collection, id);
      entries.delete(k);
      entries.set(k, value);
      // Map keeps insertion order: the first key is the least recently written.
      if (entries.size > capacity) entries.delete(entries.keys().next().value!);
    },
    clear: () => entries.clear(),
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
