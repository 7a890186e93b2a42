import type { DocumentUpdate } from '../projection.ts';
import type { Doc } from '../readStore.ts';
import { CONTACT_TIMELINE, type TimelineEntry } from './timelineEntry.ts';

/** How the timeline's entries change: one begun by an event, or one changed by a later event of it. */
export const entryUpdate = <E extends TimelineEntry>(id: string, change: (entry: E) => E): DocumentUpdate => ({
  collection: CONTACT_TIMELINE,
  id,
  // An event of a call or message this model never saw begin (none should exist) invents nothing.
  apply: (current) => (current === undefined ? null : (change(current as E) as Doc)),
});

export const newEntry = (entry: TimelineEntry): DocumentUpdate => ({
  collection: CONTACT_TIMELINE,
  id: entry._id,
  creates: true,
  apply: (current) => current ?? (entry as Doc),
});
