import type { ListFacts } from '../../domain/campaign/launchValidation.ts';
import type { EventStore } from '../eventStore.ts';
import { readListMembership } from '../lists/listMembership.ts';

/**
 * The list's membership folded from its own stream (up to `revision` when given), or undefined when the
 * caller's company has no such list.
 */
export const readListFacts = async (
  eventStore: EventStore,
  listId: string,
  companyId: string,
  revision?: number,
): Promise<ListFacts | undefined> => {
  const membership = await readListMembership(
    eventStore,
    listId,
    revision === undefined ? undefined : BigInt(revision),
  );
  if (!membership || membership.companyId !== companyId) return undefined;
  return { listId, caseType: membership.caseType, revision: Number(membership.revision), cases: membership.cases };
};
