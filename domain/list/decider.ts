import { assertNever, type Decider } from '../decider.ts';
import { IllegalStateError, NotFoundError } from '../errors.ts';
import type { ListCommand } from './commands.ts';
import type { Case, ListEvent } from './events.ts';
import { screenCases } from './caseScreening.ts';

export type CreatedList = {
  readonly status: 'created';
  readonly listId: string;
  readonly companyId: string;
  readonly name: string;
  readonly caseType: string;
  readonly externalIds: ReadonlySet<string>;
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
  if (state.status === 'absent' || state.companyId !== companyId) throw new NotFoundError('LIST.NOT_FOUND', `No list ${listId}.`);
  return state;
};

const added = (state: CreatedList, cases: readonly Case[]): CreatedList => {
  const externalIds = new Set(state.externalIds);
  for (const found of cases) externalIds.add(found.externalId);
  const contacts = cases.reduce((sum, found) => sum + found.contacts.length, 0);
  return { ...state, externalIds, caseCount: state.caseCount + cases.length, contactCount: state.contactCount + contacts };
};

export const listDecider: Decider<ListState, ListCommand, ListEvent> = {
  initialState: () => ({ status: 'absent' }),

  decide: (command, state) => {
    switch (command.type) {
      case 'CreateList': {
        if (state.status !== 'absent') throw new IllegalStateError('LIST.ALREADY_EXISTS', `list ${state.listId} already exists`);
        const { listId, companyId, name, caseType } = command.data;
        return { type: 'ListCreated', data: { listId, companyId, name, caseType } };
      }
      case 'AddCases': {
        const list = listOf(state, command.data.listId, command.data.companyId);
        const { accepted } = screenCases(list, command.data.cases);
        return chunks(accepted, CASES_PER_EVENT).map((cases) => ({ type: 'CasesAdded' as const, data: { listId: list.listId, cases } }));
      }
      default:
        return assertNever(command);
    }
  },

  evolve: (state, event) => {
    switch (event.type) {
      case 'ListCreated':
        return { status: 'created', ...event.data, externalIds: new Set(), caseCount: 0, contactCount: 0 };
      case 'CasesAdded':
        return state.status === 'created' ? added(state, event.data.cases) : state;
      default:
        return assertNever(event);
    }
  },
};
