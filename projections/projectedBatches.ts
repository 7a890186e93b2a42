import type { RecordedEvent } from '../domain/events/event.ts';
import type { DocumentChange, ReadStore } from './readStore.ts';
import type { Projection } from './projection.ts';
import { applyUpdates, projectedUpdates } from './applyBatch.ts';
import { commitChunks } from './commitChunks.ts';
import { cachedLoader, documentCache } from './documentCache.ts';

/** Events one commit carries, with the document changes they cause. */
export type ProjectedBatch = { readonly events: readonly RecordedEvent[]; readonly changes: DocumentChange[] };

/**
 * Pages of events projected in memory and cut into commit-sized batches. The documents each batch
 * writes are remembered, so the next batch reads only those it has not seen.
 */
export async function* projectedBatches(
  projection: Projection,
  pages: AsyncIterable<readonly RecordedEvent[]>,
  readStore: Pick<ReadStore, 'getForUpdate'>,
  cacheSize: number,
): AsyncGenerator<ProjectedBatch> {
  const cache = documentCache(cacheSize);
  const load = cachedLoader(cache, (collection, ids) => readStore.getForUpdate(projection.version, collection, ids));
  for await (const page of pages)
    for (const { events, updates } of commitChunks(projectedUpdates(projection, page), page)) {
      const changes = await applyUpdates(load, updates);
      cache.nextBatch();
      for (const change of changes)
        cache.set(change.collection, change.op === 'upsert' ? change.doc._id : change.id, {
          doc: change.op === 'upsert' ? change.doc : null,
          position: change.position,
        });
      yield { events, changes };
    }
}
