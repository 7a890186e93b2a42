import type { EventRegistry } from '../../domain/events/eventRegistry.ts';
import type { RejectedCase } from '../../domain/list/caseScreening.ts';
import type { Case } from '../../domain/list/events.ts';
import type { CommandContext } from '../commandContext.ts';
import type { EventStore } from '../eventStore.ts';
import { addCases } from './addCases.ts';
import { normaliseCase } from './caseNormalisation.ts';
import { companyZoneOf } from './companyZone.ts';
import { reasonOf } from './contactNormalisation.ts';

export type ClientCasesOutcome = {
  readonly added: number;
  readonly addedContacts: number;
  readonly rejected: readonly RejectedCase[];
  readonly position: bigint;
};

type Deps = { readonly eventStore: EventStore; readonly registry: EventRegistry; readonly newId: () => string };

/**
 * Cases as a JSON client sent them: each is decoded and normalised on its own, the list screens the
 * good ones, and every refused case is named by its index in the request.
 */
export const addClientCases = (deps: Deps) => {
  const add = addCases(deps);
  return async (
    data: { listId: string; cases: readonly unknown[] },
    context: CommandContext,
  ): Promise<ClientCasesOutcome> => {
    const normalisation = { companyZone: await companyZoneOf(deps.eventStore, context.companyId), newId: deps.newId };
    const good: { index: number; found: Case }[] = [];
    const refused: RejectedCase[] = [];
    data.cases.forEach((given, index) => {
      const normalised = normaliseCase(given, normalisation);
      if (normalised.ok) good.push({ index, found: normalised.value });
      else refused.push({ index, reason: reasonOf(normalised.problems) });
    });
    const outcome = await add(
      { listId: data.listId, companyId: context.companyId, cases: good.map((g) => g.found) },
      context,
    );
    const rejected = [
      ...refused,
      ...outcome.rejected.map((r) => ({ index: good[r.index]!.index, reason: r.reason })),
    ].sort((a, b) => a.index - b.index);
    const addedContacts = outcome.added.reduce((sum, found) => sum + found.contacts.length, 0);
    return { added: outcome.added.length, addedContacts, rejected, position: outcome.position };
  };
};
