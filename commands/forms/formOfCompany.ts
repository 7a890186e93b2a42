import { formDecider, type FormState } from '../../domain/form/decider.ts';
import { formStream } from '../../domain/form/events.ts';
import { aggregateStream } from '../aggregateStream.ts';
import type { EventStore } from '../eventStore.ts';

/**
 * A form as its stream tells it, or undefined when the company has no such form: the stream is the
 * source of truth, so a form is found the moment it is created, and another company's is never found.
 */
export const formOfCompany =
  (eventStore: EventStore) =>
  async (formId: string, companyId: string): Promise<Extract<FormState, { status: 'created' }> | undefined> => {
    const { state } = await aggregateStream(eventStore, formDecider, formStream(formId), { companyId });
    return state.status === 'created' ? state : undefined;
  };
