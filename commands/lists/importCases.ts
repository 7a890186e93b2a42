import type { EventRegistry } from '../../domain/events/eventRegistry.ts';
import type { CommandContext } from '../commandContext.ts';
import type { EventStore } from '../eventStore.ts';
import { addCases } from './addCases.ts';
import { companyZoneOf } from './companyZone.ts';
import { casesFromRows } from './caseRows.ts';
import { parseCaseRows, type RejectedRow } from './csvRows.ts';

export type ImportOutcome = {
  readonly added: number;
  readonly addedContacts: number;
  readonly rejected: readonly RejectedRow[];
  readonly position: bigint;
};

type Deps = { readonly eventStore: EventStore; readonly registry: EventRegistry; readonly newId: () => string };

/**
 * A CSV import, one contact a row: unreadable rows and rows the list refuses are named by row number
 * with their reason, and every good row is kept, all in one command.
 */
export const importCases = (deps: Deps) => {
  const add = addCases(deps);
  return async (data: { listId: string; csv: string }, context: CommandContext): Promise<ImportOutcome> => {
    const parsed = parseCaseRows(data.csv);
    const normalisation = { companyZone: await companyZoneOf(deps.eventStore, context.companyId), newId: deps.newId };
    const built = casesFromRows(parsed.rows, normalisation);
    const outcome = await add({ listId: data.listId, companyId: context.companyId, cases: built.cases.map((c) => c.case) }, context);
    const refusedByList = outcome.rejected.flatMap(({ index, reason }) => built.cases[index]!.rows.map((row) => ({ row, reason })));
    const rejected = [...parsed.rejected, ...built.rejected, ...refusedByList].sort((a, b) => a.row - b.row);
    const addedContacts = outcome.added.reduce((sum, found) => sum + found.contacts.length, 0);
    return { added: outcome.added.length, addedContacts, rejected, position: outcome.position };
  };
};
