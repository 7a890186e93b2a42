import { readStreamOf } from '../aggregateStream.ts';
import { listStream, type Case, type ListEvent } from '../../domain/list/events.ts';
import { assertNever } from '../../domain/decider.ts';
import type { EventStore } from '../eventStore.ts';

/** A list's members as its stream tells them, up to `revision`: what a campaign launch freezes. */
export type ListMembership = {
  readonly companyId: string;
  readonly listId: string;
  readonly name: string;
  readonly caseType: string;
  readonly cases: readonly Case[];
  /** The last list event folded in; a launch can record exactly which membership it froze. */
  readonly revision: bigint;
};

/**
 * Folds the list stream itself, not a read model, so a launch never freezes a membership that a
 * projection has not caught up with; up to `revision` when given, as a launch froze it. Undefined
 * when there is no such list.
 */
export const readListMembership = async (
  eventStore: EventStore,
  listId: string,
  upToRevision?: bigint,
): Promise<ListMembership | undefined> => {
  let list: Omit<ListMembership, 'cases' | 'revision'> | undefined;
  const cases: Case[] = [];
  let revision = -1n;
  const upTo = upToRevision === undefined ? {} : { maxCount: Number(upToRevision) + 1 };
  for await (const event of readStreamOf<ListEvent>(eventStore, listStream(listId), upTo)) {
    revision = event.revision;
    switch (event.type) {
      case 'ListCreated':
        list = {
          companyId: event.data.companyId,
          listId: event.data.listId,
          name: event.data.name,
          caseType: event.data.caseType,
        };
        break;
      case 'CasesAdded':
        for (const found of event.data.cases) cases.push(found);
        break;
      default:
        assertNever(event);
    }
  }
  return list && { ...list, cases, revision };
};
