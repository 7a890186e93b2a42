import type { FormEvent } from '../../domain/form/events.ts';
import { projectionOf } from '../projection.ts';

export const FORMS = 'forms';

/** Forms as clients read them: one document a form, listed per company in creation order (ids are UUIDv7). */
export const formsProjection = projectionOf<FormEvent>({
  name: 'forms',
  version: 1,
  collections: [
    {
      name: FORMS,
      indexes: [
        {
          fields: [
            ['companyId', 1],
            ['_id', 1],
          ],
        },
        {
          fields: [
            ['companyId', 1],
            ['caseType', 1],
            ['_id', 1],
          ],
        },
      ],
    },
  ],
  handlers: {
    FormCreated: (event) => {
      const { formId, ...form } = event.data;
      const doc = { _id: formId, companyId: event.metadata.companyId, ...form, createdAt: event.metadata.occurredAt };
      return [{ collection: FORMS, id: formId, apply: () => doc }];
    },
  },
});
