import * as t from 'io-ts';
import { CaseType, NonEmptyString } from '../../domain/values.ts';
import type { Case, Contact } from '../../domain/list/events.ts';
import {
  ContactInput,
  decoded,
  normaliseContact,
  withoutBlanks,
  type NormalisationDeps,
  type Normalised,
} from './contactNormalisation.ts';

/** A case as a JSON client sends it; each is decoded on its own, so one bad case does not spoil the rest. */
export const CaseInput = t.type({ externalId: NonEmptyString, caseType: CaseType, contacts: t.array(ContactInput) });
export type CaseInput = t.TypeOf<typeof CaseInput>;

const tidied = (value: unknown): unknown => {
  const top = withoutBlanks(value);
  if (top === null || typeof top !== 'object' || !('contacts' in top) || !Array.isArray(top.contacts)) return top;
  return { ...top, contacts: top.contacts.map(withoutBlanks) };
};

/** A client's case in the form events keep, or every problem of it, each with its path in the case. */
export const normaliseCase = (value: unknown, deps: NormalisationDeps): Normalised<Case> => {
  const input = decoded(CaseInput, tidied(value));
  if (!input.ok) return input;
  const contacts: Contact[] = [];
  const problems = input.value.contacts.flatMap((given, i) => {
    const contact = normaliseContact(given, deps);
    if (!contact.ok) return contact.problems.map((p) => ({ path: `contacts.${i}.${p.path}`, message: p.message }));
    contacts.push(contact.value);
    return [];
  });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: { caseId: deps.newId(), externalId: input.value.externalId, caseType: input.value.caseType, contacts },
  };
};
