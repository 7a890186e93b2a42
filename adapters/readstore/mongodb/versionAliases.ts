import type { Collection, Db } from 'mongodb';

/** A physical collection readers were sent to before a swap, kept until `dropAfter` for those that still trust its name. */
export type RetiredCollection = { physical: string; dropAfter: Date };

/** `{_id: logical, physical, retired}`: where a logical name leads now, and where it led before a recent swap. */
export type AliasRecord = { _id: string; physical: string; retired?: RetiredCollection[] };

/** The methods of the alias collection a swap needs, so tests can stand in for MongoDB. */
export type AliasCollection = Pick<Collection<AliasRecord>, 'findOne' | 'find' | 'updateOne'>;

/**
 * Points a logical name at `physical`, recording in the same document write the collection it led
 * to before, to be dropped after `dropAfter`, so no crash leaves that collection both unreachable and
 * unrecorded. The write lands only if the name still leads where it was read to; else it is read again.
 */
export const moveAlias = async (
  aliases: AliasCollection,
  logical: string,
  physical: string,
  dropAfter: Date,
): Promise<void> => {
  for (;;) {
    const current = await aliases.findOne({ _id: logical });
    if (current?.physical === physical) return;
    if (!current) {
      await aliases.updateOne({ _id: logical }, { $set: { physical } }, { upsert: true });
      return;
    }
    const retired: RetiredCollection = { physical: current.physical, dropAfter };
    const moved = await aliases.updateOne(
      { _id: logical, physical: current.physical },
      { $set: { physical }, $push: { retired } },
    );
    if (moved.matchedCount === 1) return;
  }
};

/** Cancels the drop of a retired collection, since a version being built again writes to it. */
export const keepRetired = async (aliases: AliasCollection, logical: string, physical: string): Promise<void> => {
  await aliases.updateOne({ _id: logical }, { $pull: { retired: { physical } } });
};

/**
 * Drops every retired collection whose time has come (never one its name leads to again) and
 * answers when the next one falls due. A record is removed only after its drop, so a drop cut
 * short by a crash is done by whoever looks next.
 */
export const dropRetired = async (
  db: Pick<Db, 'dropCollection'>,
  aliases: AliasCollection,
  now: Date,
): Promise<Date | undefined> => {
  let next: Date | undefined;
  for (const alias of await aliases.find({ 'retired.0': { $exists: true } }).toArray()) {
    for (const { physical, dropAfter } of alias.retired ?? []) {
      if (dropAfter > now) {
        if (!next || dropAfter < next) next = dropAfter;
        continue;
      }
      if (physical !== alias.physical) await db.dropCollection(physical);
      await aliases.updateOne({ _id: alias._id }, { $pull: { retired: { physical, dropAfter: { $lte: now } } } });
    }
  }
  return next;
};
