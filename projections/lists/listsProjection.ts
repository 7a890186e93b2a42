import type { ListEvent } from '../../domain/list/events.ts';
import type { Doc } from '../readStore.ts';
import { projectionOf } from '../projection.ts';

export const LISTS = 'lists';

type Counts = { readonly cases: number; readonly contacts: number };

/** Lists as clients read them, with how many cases and contacts each holds; per company in creation order. */
export const listsProjection = projectionOf<ListEvent>({
  name: 'lists',
  version: 1,
  collections: [
    {
      name: LISTS,
      indexes: [
        {
          fields: [
            ['companyId', 1],
            ['_id', 1],
          ],
        },
      ],
    },
  ],
  handlers: {
    ListCreated: (event) => {
      const { listId, name, caseType } = event.data;
      const at = event.metadata.occurredAt;
      const doc = {
        _id: listId,
        companyId: event.metadata.companyId,
        name,
        caseType,
        counts: { cases: 0, contacts: 0 },
        createdAt: at,
        updatedAt: at,
      };
      return [{ collection: LISTS, id: listId, apply: () => doc }];
    },
    CasesAdded: (event) => {
      const cases = event.data.cases.length;
      const contacts = event.data.cases.reduce((sum, found) => sum + found.contacts.length, 0);
      const apply = (current: Doc | undefined): Doc | null => {
        if (!current) return null;
        const counts = current['counts'] as Counts;
        return {
          ...current,
          counts: { cases: counts.cases + cases, contacts: counts.contacts + contacts },
          updatedAt: event.metadata.occurredAt,
        };
      };
      return [{ collection: LISTS, id: event.data.listId, apply }];
    },
  },
});
