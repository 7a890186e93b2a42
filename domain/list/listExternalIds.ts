/**
 * The external ids a list holds, as a few sets that are never changed once made: a batch of new ids
 * is a new small set, merged with the smaller sets below it until each set is more than twice the
 * next. Adding stays pure yet copies each id only about log(n) times over a list's life, where one
 * copied set per batch would copy the whole list at every batch.
 */
export type ListExternalIds = { readonly sets: readonly ReadonlySet<string>[] };

export const NO_EXTERNAL_IDS: ListExternalIds = { sets: [] };

export const holdsExternalId = (held: ListExternalIds, externalId: string): boolean =>
  held.sets.some((set) => set.has(externalId));

/** The ids held and the ones added; an id already held is kept once. */
export const withExternalIds = (held: ListExternalIds, added: Iterable<string>): ListExternalIds => {
  const sets = [...held.sets];
  const fresh = new Set<string>();
  for (const externalId of added) if (!holdsExternalId(held, externalId)) fresh.add(externalId);
  if (fresh.size === 0) return held;
  let merged: Set<string> = fresh;
  while (sets.length > 0 && sets[sets.length - 1]!.size <= 2 * merged.size) {
    const below = new Set(sets.pop()!);
    for (const externalId of merged) below.add(externalId);
    merged = below;
  }
  sets.push(merged);
  return { sets };
};

/** Every id held, oldest set first. */
export const externalIdsHeld = function* (held: ListExternalIds): Generator<string> {
  for (const set of held.sets) yield* set;
};
