import type { CaseEvent } from '../../domain/case/events.ts';
import type { ListEvent } from '../../domain/list/events.ts';
import { projectionOf } from '../projection.ts';
import type { Doc } from '../readStore.ts';

export const LIST_CASES = 'list_cases';

type CaseFields = Record<string, string | number | boolean>;

/** The case's fields after an update: a cleared field is gone. */
const updatedFields = (
  held: CaseFields,
  changes: Readonly<Record<string, string | number | boolean | null>>,
): CaseFields => {
  const cleared = new Set(
    Object.entries(changes)
      .filter(([, value]) => value === null)
      .map(([field]) => field),
  );
  const kept = Object.entries({ ...held, ...changes }).filter(
    (entry): entry is [string, string | number | boolean] => !cleared.has(entry[0]),
  );
  return Object.fromEntries(kept);
};

/** One document a case, with its contacts and the fields campaigns' form answers wrote, read per list in external-id order. */
export const listCasesProjection = projectionOf<Extract<ListEvent, { type: 'CasesAdded' }> | CaseEvent>({
  name: 'list_cases',
  version: 2,
  collections: [
    {
      name: LIST_CASES,
      indexes: [
        {
          fields: [
            ['companyId', 1],
            ['listId', 1],
            ['externalId', 1],
            ['_id', 1],
          ],
        },
      ],
    },
  ],
  handlers: {
    CasesAdded: (event) =>
      event.data.cases.map(({ caseId, ...found }) => {
        const doc = {
          _id: caseId,
          companyId: event.metadata.companyId,
          listId: event.data.listId,
          ...found,
          fields: {},
          addedAt: event.metadata.occurredAt,
        };
        return { collection: LIST_CASES, id: caseId, creates: true, apply: () => doc };
      }),
    CaseFieldsUpdated: (event) => {
      const { caseId, fields, at } = event.data;
      const apply = (current: Doc | undefined): Doc | null =>
        current === undefined
          ? null
          : {
              ...current,
              fields: updatedFields((current['fields'] as CaseFields | undefined) ?? {}, fields),
              fieldsUpdatedAt: at,
            };
      return [{ collection: LIST_CASES, id: caseId, apply }];
    },
  },
});
