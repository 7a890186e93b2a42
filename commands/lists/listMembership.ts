import { readStreamOf } from '../aggregateStream.ts';
import { listStream, type Case, type ListEvent } from '../../domain/list/events.ts';
import { assertNever } from '../../domain/decider.ts';
import type { EventStore } from '../eventStore.ts';

/** What a list says of itself, besides its cases. */
export type ListHeader = {
  readonly companyId: string;
  readonly listId: string;
  readonly name: string;
  readonly caseType: string;
};

/** A list's members as its stream tells them, up to `revision`: what a campaign launch freezes. */
export type ListMembership = ListHeader & {
  readonly cases: readonly Case[];
  /** The last list event folded in; a launch can record exactly which membership it froze. */
  readonly revision: bigint;
};

/** Filled in as the list's stream is read: its header once seen, and the revision of the last event read. */
export type ListReading = { header?: ListHeader; revision: bigint };

/**
 * The list's cases one at a time, from its stream itself, not a read model, so a launch never freezes
 * a membership that a projection has not caught up with; up to `upToRevision` when given. A reader
 * holds one event's cases at a time, however long the list.
 */
export async function* listCases(
  eventStore: EventStore,
  listId: string,
  upToRevision: bigint | undefined,
  reading: ListReading,
): AsyncGenerator<Case> {
  const upTo = upToRevision === undefined ? {} : { maxCount: Number(upToRevision) + 1 };
  for await (const event of readStreamOf<ListEvent>(eventStore, listStream(listId), upTo)) {
    reading.revision = event.revision;
    switch (event.type) {
      case 'ListCreated':
        reading.header = {
          companyId: event.data.companyId,
          listId: event.data.listId,
          name: event.data.name,
          caseType: event.data.caseType,
        };
        break;
      case 'CasesAdded':
        yield* event.data.cases;
        break;
      default:
        assertNever(event);
    }
  }
}

/** The whole membership at once, up to `revision` when given; undefined when there is no such list. */
export const readListMembership = async (
  eventStore: EventStore,
  listId: string,
  upToRevision?: bigint,
): Promise<ListMembership | undefined> => {
  const reading: ListReading = { revision: -1n };
  const cases: Case[] = [];
  for await (const found of listCases(eventStore, listId, upToRevision, reading)) cases.push(found);
  return reading.header && { ...reading.header, cases, revision: reading.revision };
};
