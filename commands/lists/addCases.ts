import { aggregateStream } from '../aggregateStream.ts';
import type { Decider } from '../../domain/decider.ts';
import type { AddCases, ListCommand } from '../../domain/list/commands.ts';
import { screenCases, type RejectedCase, type Screening } from '../../domain/list/caseScreening.ts';
import { addCasesDecision, listDecider, type ListState } from '../../domain/list/decider.ts';
import { listStream, type Case, type ListEvent } from '../../domain/list/events.ts';
import { holdsExternalId } from '../../domain/list/listExternalIds.ts';
import type { CommandContext } from '../commandContext.ts';
import type { EventStore } from '../eventStore.ts';
import { handlerOf, type CommandWriter } from '../handleCommand.ts';

export type CasesOutcome = {
  readonly added: readonly Case[];
  /** By index into the cases given. */
  readonly rejected: readonly RejectedCase[];
  readonly position: bigint;
};

/** The list as it stood before a command's own events: how a repeated command's first answer is told again. */
const stateBefore = async (eventStore: EventStore, listId: string, commandId: string): Promise<ListState> =>
  (
    await aggregateStream(eventStore, listDecider, listStream(listId), {
      skip: (event) => event.metadata.commandId === commandId,
    })
  ).state;

const screeningOf = (state: ListState, cases: readonly Case[]): Screening =>
  state.status === 'created' ? screenCases(state, cases) : { accepted: [], rejected: [] };

/**
 * Adds normalised cases to a list: the list decides which it takes (in events of bounded size), and
 * the answer names the others with the reason the decider gave, read from the same decision.
 */
export const addCases = (deps: CommandWriter) => {
  return async (data: AddCases['data'], context: CommandContext): Promise<CasesOutcome> => {
    let screening: Screening = { accepted: [], rejected: [] };
    const screened: Decider<ListState, ListCommand, ListEvent> = {
      ...listDecider,
      // The handler may decide more than once on a conflict; the last decision is the one appended.
      decide: (command, state) => {
        if (command.type !== 'AddCases') return listDecider.decide(command, state);
        const decision = addCasesDecision(command, state);
        screening = decision.screening;
        return decision.events;
      },
    };
    const handle = handlerOf(deps, screened);
    const result = await handle(listStream(data.listId), { type: 'AddCases', data }, context);
    if (!result.repeated) return { added: screening.accepted, rejected: screening.rejected, position: result.position };
    const first = screeningOf(await stateBefore(deps.eventStore, data.listId, context.commandId), data.cases);
    // A first attempt that stopped between its parts recorded some of its cases: the rest are added now, under an id that moves on with them.
    const list = result.newState;
    const missing =
      list.status === 'created'
        ? first.accepted.filter((found) => !holdsExternalId(list.externalIds, found.externalId))
        : [];
    const rest =
      missing.length > 0
        ? await handle(
            listStream(data.listId),
            { type: 'AddCases', data: { ...data, cases: missing } },
            { ...context, commandId: `${context.commandId}/rest/${missing.length}` },
          )
        : result;
    return { added: first.accepted, rejected: first.rejected, position: rest.position };
  };
};
