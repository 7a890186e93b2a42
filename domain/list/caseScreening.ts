import type { Case } from './events.ts';
import { holdsExternalId, type ListExternalIds } from './listExternalIds.ts';

/** A case the list refused: its place in the command and why, in words a person can act on. */
export type RejectedCase = { readonly index: number; readonly reason: string };

export type Screening = { readonly accepted: readonly Case[]; readonly rejected: readonly RejectedCase[] };

/** What a list must know to screen new cases: its case type and the external ids it already holds. */
export type ListForScreening = { readonly caseType: string; readonly externalIds: ListExternalIds };

/** A case is one matter with a handful of people to reach; more is a data error, and events stay small. */
export const MAX_CONTACTS_PER_CASE = 50;

const contactProblem = (found: Case): string | undefined => {
  if (found.contacts.length === 0) return 'a case needs at least one contact';
  if (found.contacts.length > MAX_CONTACTS_PER_CASE)
    return `a case has at most ${MAX_CONTACTS_PER_CASE} contacts, this one has ${found.contacts.length}`;
  if (found.contacts.length === 1) return undefined;
  const firstWith = new Map<string, number>();
  for (const [i, contact] of found.contacts.entries()) {
    const earlier = firstWith.get(contact.phone);
    if (earlier !== undefined) return `contacts ${earlier} and ${i} have the same phone ${contact.phone}`;
    firstWith.set(contact.phone, i);
  }
  return undefined;
};

/**
 * Splits cases into those the list takes and those it refuses. An external id is one case for good:
 * a case already in the list, or earlier in the same command, is refused rather than merged.
 */
export const screenCases = (list: ListForScreening, cases: readonly Case[]): Screening => {
  const accepted: Case[] = [];
  const rejected: RejectedCase[] = [];
  const taken = new Set<string>();
  for (const [index, candidate] of cases.entries()) {
    const reason =
      candidate.caseType !== list.caseType
        ? `case type '${candidate.caseType}' differs from the list's case type '${list.caseType}'`
        : holdsExternalId(list.externalIds, candidate.externalId)
          ? `case '${candidate.externalId}' is already in this list`
          : taken.has(candidate.externalId)
            ? `case '${candidate.externalId}' appears more than once in this request`
            : contactProblem(candidate);
    if (reason === undefined) {
      accepted.push(candidate);
      taken.add(candidate.externalId);
    } else rejected.push({ index, reason });
  }
  return { accepted, rejected };
};
