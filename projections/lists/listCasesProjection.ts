import type { ListEvent } from '../../domain/list/events.ts';
import { assertNever } from '../../domain/decider.ts';
import type { Projection } from '../projection.ts';

export const LIST_CASES = 'list_cases';

/** One document a case, with its contacts, read per list in external-id order. */
export const listCasesProjection: Projection<ListEvent> = {
  name: 'list_cases',
  version: 1,
  collections: [{ name: LIST_CASES, indexes: [{ fields: [['companyId', 1], ['listId', 1], ['externalId', 1], ['_id', 1]] }] }],
  eventTypes: ['CasesAdded'],
  project: (event) => {
    switch (event.type) {
      case 'CasesAdded':
        return event.data.cases.map(({ caseId, ...found }) => {
          const doc = { _id: caseId, companyId: event.metadata.companyId, listId: event.data.listId, ...found, addedAt: event.metadata.occurredAt };
          return { collection: LIST_CASES, id: caseId, creates: true, apply: () => doc };
        });
      case 'ListCreated':
        return [];
      default:
        return assertNever(event);
    }
  },
};
