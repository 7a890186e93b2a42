import { emptyListFacts, withCase, type ListFacts } from '../../domain/campaign/launchValidation.ts';
import { enrolledContactsOf } from '../../domain/campaign/enrolment.ts';
import type { EnrolledContact } from '../../domain/campaign/events.ts';
import type { EventStore } from '../eventStore.ts';
import { listCases, type ListReading } from '../lists/listMembership.ts';

/**
 * The list's facts summed up from its own stream (up to `revision` when given), case by case, so
 * checking a list of any size holds its counts and never its cases; undefined when the caller's
 * company has no such list.
 */
export const readListFacts = async (
  eventStore: EventStore,
  listId: string,
  companyId: string,
  revision?: number,
): Promise<ListFacts | undefined> => {
  const reading: ListReading = { revision: -1n };
  let facts: ListFacts | undefined;
  const upTo = revision === undefined ? undefined : BigInt(revision);
  for await (const found of listCases(eventStore, listId, upTo, reading))
    withCase((facts ??= emptyListFacts(listId, reading.header?.caseType ?? '', -1)), found);
  const header = reading.header;
  if (!header || header.companyId !== companyId) return undefined;
  return { ...(facts ?? emptyListFacts(listId, header.caseType, -1)), revision: Number(reading.revision) };
};

/**
 * The list's contacts as enrolled contacts, from the `from`-th on, in runs of `size`: the list read up
 * to `revision`, one event's cases at a time, so enrolment holds one run of contacts however long the list.
 */
export async function* enrolledContactRuns(
  eventStore: EventStore,
  listId: string,
  revision: number,
  from: number,
  size: number,
): AsyncGenerator<EnrolledContact[]> {
  let skipped = 0;
  let run: EnrolledContact[] = [];
  for await (const found of listCases(eventStore, listId, BigInt(revision), { revision: -1n }))
    for (const contact of enrolledContactsOf(found)) {
      if (skipped < from) {
        skipped++;
        continue;
      }
      run.push(contact);
      if (run.length === size) {
        yield run;
        run = [];
      }
    }
  if (run.length > 0) yield run;
}
