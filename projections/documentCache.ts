import type { Versioned } from './readStore.ts';
import type { Doc } from './readStore.ts';

/** A document as the projection last left it: absent documents are remembered too. */
export type Cached = { readonly doc: Doc | null; readonly position: bigint };

/** A remembered document, with the batch that last wrote it. */
type Entry = { readonly cached: Cached; readonly batch: number };

/**
 * The newest documents a runner wrote, kept in memory so the next batch need not read them back.
 * Only the projection's own runner writes its collections, so what it remembers stays true.
 * Each collection keeps up to `capacity` documents and forgets first those written longest ago,
 * never one the current batch wrote: that batch's commit may still be in flight when the next batch
 * reads, so the store would answer a copy from before it.
 */
export const documentCache = (capacity: number) => {
  // A Map iterates in insertion order: deleting before setting keeps it ordered by last write.
  const collections = new Map<string, Map<string, Entry>>();
  let batch = 0;
  return {
    get: (collection: string, id: string): Cached | undefined => collections.get(collection)?.get(id)?.cached,
    /** Marks the writes from here on as the next batch's. */
    nextBatch: (): void => void batch++,
    set: (collection: string, id: string, cached: Cached): void => {
      let docs = collections.get(collection);
      if (!docs) collections.set(collection, (docs = new Map()));
      docs.delete(id);
      docs.set(id, { cached, batch });
      if (docs.size <= capacity) return;
      for (const [oldest, entry] of docs) {
        if (docs.size <= capacity || entry.batch === batch) break;
        docs.delete(oldest);
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
