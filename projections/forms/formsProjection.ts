import type { FormEvent } from '../../domain/form/events.ts';
import { assertNever } from '../../domain/decider.ts';
import type { Projection } from '../projection.ts';

export const FORMS = 'forms';

/** Forms as clients read them: one document a form, listed per company in creation order (ids are UUIDv7). */
export const formsProjection: Projection<FormEvent> = {
  name: 'forms',
  version: 1,
  collections: [{ name: FORMS, indexes: [{ fields: [['companyId', 1], ['_id', 1]] }, { fields: [['companyId', 1], ['caseType', 1], ['_id', 1]] }] }],
  eventTypes: ['FormCreated'],
  project: (event) => {
    switch (event.type) {
      case 'FormCreated': {
        const { formId, ...form } = event.data;
        const doc = { _id: formId, companyId: event.metadata.companyId, ...form, createdAt: event.metadata.occurredAt };
        return [{ collection: FORMS, id: formId, apply: () => doc }];
      }
      default:
        return assertNever(event.type);
    }
  },
};
