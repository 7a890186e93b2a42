import type { EventRegistry } from '../../domain/events/eventRegistry.ts';
import type { CommandContext } from '../commandContext.ts';
import type { EventStore } from '../eventStore.ts';
import { addCases } from './addCases.ts';
import { companyZoneOf } from './companyZone.ts';
import { caseRowsBuilder } from './caseRows.ts';
import { readCaseRows, type RejectedRow } from './csvRows.ts';
import type { Case } from '../../domain/list/events.ts';

export type ImportOutcome = {
  readonly added: number;
  readonly addedContacts: number;
  readonly rejected: readonly RejectedRow[];
  readonly position: bigint;
};

type Deps = { readonly eventStore: EventStore; readonly registry: EventRegistry; readonly newId: () => string };

/**
 * The file's cases, the rows each came from, and the rows refused on the way: each row becomes part
 * of its case as it is read, so the rows are never all held at once.
 */
const casesOfFile = async (
  deps: Deps,
  csv: string,
  companyId: string,
): Promise<{ cases: Case[]; rowsOf: (readonly number[])[]; refused: RejectedRow[] }> => {
  const builder = caseRowsBuilder({ companyZone: await companyZoneOf(deps.eventStore, companyId), newId: deps.newId });
  const unreadable = readCaseRows(csv, builder.take);
  const built = builder.built();
  return {
    cases: built.cases.map((c) => c.case),
    rowsOf: built.cases.map((c) => c.rows),
    refused: [...unreadable, ...built.rejected],
  };
};

/**
 * A CSV import, one contact a row: unreadable rows and rows the list refuses are named by row number
 * with their reason, and every good row is kept, all in one command.
 */
export const importCases = (deps: Deps) => {
  const add = addCases(deps);
  return async (data: { listId: string; csv: string }, context: CommandContext): Promise<ImportOutcome> => {
    const { cases, rowsOf, refused } = await casesOfFile(deps, data.csv, context.companyId);
    const outcome = await add({ listId: data.listId, companyId: context.companyId, cases }, context);
    const refusedByList = outcome.rejected.flatMap(({ index, reason }) =>
      rowsOf[index]!.map((row) => ({ row, reason })),
    );
    const rejected = [...refused, ...refusedByList].sort((a, b) => a.row - b.row);
    const addedContacts = outcome.added.reduce((sum, found) => sum + found.contacts.length, 0);
    return { added: outcome.added.length, addedContacts, rejected, position: outcome.position };
  };
};
