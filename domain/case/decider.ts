import { assertNever, type Decider } from '../decider.ts';
import type { FormAnswer } from '../form/answerRules.ts';
import type { ApplyFormAnswers, CaseCommand } from './commands.ts';
import type { CaseEvent } from './events.ts';

/** A case field's value and when the answer behind it was taken down. */
export type CaseFieldValue = { readonly value: FormAnswer; readonly at: string };

export type CaseState = { readonly revision: number; readonly fields: Readonly<Record<string, CaseFieldValue>> };

/** Only mapped answers that change the case: a repeat, an answer the case already holds, or one older than the field's writes nothing. */
const changedFields = (state: CaseState, { answers, mappings, at }: ApplyFormAnswers['data']): [string, FormAnswer][] =>
  mappings.flatMap(({ formField, caseField }): [string, FormAnswer][] => {
    if (!Object.hasOwn(answers, formField)) return [];
    const value = answers[formField]!;
    const held = Object.hasOwn(state.fields, caseField) ? state.fields[caseField] : undefined;
    if (held === undefined) return value === null ? [] : [[caseField, value]];
    return held.value === value || Date.parse(held.at) > Date.parse(at) ? [] : [[caseField, value]];
  });

export const decideCase = (command: CaseCommand, state: CaseState): CaseEvent[] => {
  switch (command.type) {
    case 'ApplyFormAnswers': {
      const changed = changedFields(state, command.data);
      if (changed.length === 0) return [];
      const { listId, caseId, source, at } = command.data;
      return [{ type: 'CaseFieldsUpdated', data: { listId, caseId, fields: Object.fromEntries(changed), source, at } }];
    }
    default:
      return assertNever(command.type);
  }
};

export const evolveCase = (state: CaseState, event: CaseEvent): CaseState => {
  switch (event.type) {
    case 'CaseFieldsUpdated': {
      const written = Object.entries(event.data.fields).map(([field, value]): [string, CaseFieldValue] => [
        field,
        { value, at: event.data.at },
      ]);
      return { revision: state.revision + 1, fields: { ...state.fields, ...Object.fromEntries(written) } };
    }
    default:
      return assertNever(event.type);
  }
};

/** One case's fields as campaigns' form answers wrote them, latest answer first. */
export const caseDecider: Decider<CaseState, CaseCommand, CaseEvent> = {
  decide: decideCase,
  evolve: evolveCase,
  initialState: () => ({ revision: -1, fields: {} }),
};
