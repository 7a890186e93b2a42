import { assertNever, type Decider } from '../decider.ts';
import { IllegalStateError, NotFoundError } from '../errors.ts';
import type { AddCases, ListCommand } from './commands.ts';
import type { Case, ListEvent } from './events.ts';
import { screenCases, type Screening } from './caseScreening.ts';
import { NO_EXTERNAL_IDS, withExternalIds, type ListExternalIds } from './listExternalIds.ts';
import { named } from '../namedValue.ts';

export type CreatedList = {
  readonly status: 'created';
  readonly listId: string;
  readonly companyId: string;
  readonly name: string;
  readonly caseType: string;
  /** All a screening needs of the cases held: their keys, never the cases themselves. */
  readonly externalIds: ListExternalIds;
  readonly caseCount: number;
  readonly contactCount: number;
};

export type ListState = { readonly status: 'absent' } | CreatedList;

/** Big additions are split so that no event, and no batch a projection reads, grows without bound. */
export const CASES_PER_EVENT = 1000;

const chunks = <A>(items: readonly A[], size: number): A[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** The list a command may act on: another company's list is as good as missing. */
const listOf = (state: ListState, listId: string, companyId: string): CreatedList => {
  if (state.status === 'absent' || state.companyId !== companyId)
    throw new NotFoundError('LIST.NOT_FOUND', `No list ${named(listId)}.`);
  return state;
};

const added = (state: CreatedList, cases: readonly Case[]): CreatedList => {
  const externalIds = withExternalIds(
    state.externalIds,
    cases.map((found) => found.externalId),
  );
  const contacts = cases.reduce((sum, found) => sum + found.contacts.length, 0);
  return {
    ...state,
    externalIds,
    caseCount: state.caseCount + cases.length,
    contactCount: state.contactCount + contacts,
  };
};

/** Which cases the list takes and which it refuses, and the events that add the ones it takes. */
export const addCasesDecision = (
  command: AddCases,
  state: ListState,
): { screening: Screening; events: ListEvent[] } => {
  const list = listOf(state, command.data.listId, command.data.companyId);
  const screening = screenCases(list, command.data.cases);
  const events = chunks(screening.accepted, CASES_PER_EVENT).map((cases) => ({
    type: 'CasesAdded' as const,
    data: { listId: list.listId, cases },
  }));
  return { screening, events };
};

export const listDecider: Decider<ListState, ListCommand, ListEvent> = {
  initialState: () => ({ status: 'absent' }),

  // Each CasesAdded holds whole cases: a list with some of them is a list, and adding again skips those it holds.
  divisible: (command) => command.type === 'AddCases',

  decide: (command, state) => {
    switch (command.type) {
      case 'CreateList': {
        if (state.status !== 'absent')
          throw new IllegalStateError('LIST.ALREADY_EXISTS', `list ${state.listId} already exists`);
        const { listId, companyId, name, caseType } = command.data;
        return { type: 'ListCreated', data: { listId, companyId, name, caseType } };
      }
      case 'AddCases':
        return addCasesDecision(command, state).events;
      default:
        return assertNever(command);
    }
  },

  evolve: (state, event) => {
    switch (event.type) {
      case 'ListCreated':
        return { status: 'created', ...event.data, externalIds: NO_EXTERNAL_IDS, caseCount: 0, contactCount: 0 };
      case 'CasesAdded':
        return state.status === 'created' ? added(state, event.data.cases) : state;
      default:
        return assertNever(event);
    }
  },
};
