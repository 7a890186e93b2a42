import { IllegalStateError, NotFoundError, type ErrorDetail } from '../errors.ts';
import type { EnrolledContact } from './events.ts';
import type { CampaignState } from './state.ts';
import { named } from '../namedValue.ts';

/** Some of a campaign's enrolled contacts, by id and by their case's external id, in enrolment order. */
type RosterLevel = {
  readonly contactIds: ReadonlySet<string>;
  readonly byExternalId: ReadonlyMap<string, readonly string[]>;
};

/**
 * Who a launched campaign enrolled, as a few levels that are never changed once made: a batch is a
 * new small level, merged with the smaller levels below it until each is more than twice the next.
 * Adding a batch thus stays pure yet copies each contact only about log(n) times, and a look-up asks
 * a few levels.
 */
export type Roster = { readonly levels: readonly RosterLevel[] };

export const NO_ROSTER: Roster = { levels: [] };

const levelOf = (contacts: readonly EnrolledContact[]): RosterLevel => {
  const contactIds = new Set<string>();
  const byExternalId = new Map<string, string[]>();
  for (const contact of contacts) {
    contactIds.add(contact.contactId);
    const same = byExternalId.get(contact.externalId);
    if (same) same.push(contact.contactId);
    else byExternalId.set(contact.externalId, [contact.contactId]);
  }
  return { contactIds, byExternalId };
};

/** The older level, then the newer: enrolment order is kept. */
const merged = (older: RosterLevel, newer: RosterLevel): RosterLevel => {
  const contactIds = new Set(older.contactIds);
  for (const contactId of newer.contactIds) contactIds.add(contactId);
  const byExternalId = new Map(older.byExternalId);
  for (const [externalId, ids] of newer.byExternalId)
    byExternalId.set(externalId, [...(byExternalId.get(externalId) ?? []), ...ids]);
  return { contactIds, byExternalId };
};

/** The roster with one more enrolment batch. */
export const withEnrolled = (roster: Roster, contacts: readonly EnrolledContact[]): Roster => {
  if (contacts.length === 0) return roster;
  const levels = [...roster.levels];
  let level = levelOf(contacts);
  while (levels.length > 0 && levels[levels.length - 1]!.contactIds.size <= 2 * level.contactIds.size)
    level = merged(levels.pop()!, level);
  levels.push(level);
  return { levels };
};

/** The roster of the enrolment batches, in order. */
export const rosterOf = (batches: readonly (readonly EnrolledContact[])[]): Roster =>
  batches.reduce(withEnrolled, NO_ROSTER);

export const enrolls = (roster: Roster, contactId: string): boolean =>
  roster.levels.some((level) => level.contactIds.has(contactId));

export const holdsCase = (roster: Roster, externalId: string): boolean =>
  roster.levels.some((level) => level.byExternalId.has(externalId));

/** The contacts of a case's external id, in enrolment order. */
export const contactsOfCase = (roster: Roster, externalId: string): string[] =>
  roster.levels.flatMap((level) => level.byExternalId.get(externalId) ?? []);

/** Every enrolled contact id, in enrolment order. */
export const enrolledInOrder = (roster: Roster): string[] => roster.levels.flatMap((level) => [...level.contactIds]);

/**
 * Contacts are managed while a campaign runs or is paused. A draft has no contacts yet, and a completed
 * campaign is final: its contacts stay as it left them.
 */
export const requireManageableContacts = (state: CampaignState, campaignId: string, companyId: string): void => {
  if (state.status === 'NONE' || state.status === 'DELETED' || state.companyId !== companyId)
    throw new NotFoundError('CAMPAIGN.NOT_FOUND', `No campaign ${named(campaignId)}.`);
  if (state.status === 'DRAFT')
    throw new IllegalStateError(
      'CAMPAIGN.NOT_LAUNCHED',
      'The campaign is a draft: it has no contacts until it launches.',
    );
  if (state.status === 'COMPLETED')
    throw new IllegalStateError('CAMPAIGN.COMPLETED', 'The campaign is completed: its contacts stay as it left them.');
};

/** A requested id the campaign does not know, with its place in the request (`contactIds.3`). */
export type UnknownId = { readonly id: string; readonly problem: ErrorDetail };

export const unknownIds = (
  ids: readonly string[],
  path: string,
  known: (id: string) => boolean,
  what: string,
): UnknownId[] =>
  ids.flatMap((id, i) =>
    known(id)
      ? []
      : [{ id, problem: { path: `${path}.${i}`, message: `${named(id)} is not ${what} of this campaign` } }],
  );

/** One refusal naming every unknown id (the first 20 in its detail), so nothing is done for any of them. */
export const unknownIdsRefusal = (unknown: readonly UnknownId[], nothingDone: string): NotFoundError => {
  const ids = [...new Set(unknown.map((u) => u.id))];
  const more = ids.length > 20 ? ` and ${ids.length - 20} more` : '';
  return new NotFoundError(
    'CAMPAIGN_CONTACT.NOT_FOUND',
    `Not of this campaign, so ${nothingDone}: ${ids
      .slice(0, 20)
      .map((id) => named(id))
      .join(', ')}${more}.`,
    unknown.map((u) => u.problem),
  );
};

/** The requested ids once each, or a NotFoundError naming every id the campaign did not enrol. */
export const enrolledContactIds = (roster: Roster, contactIds: readonly string[]): string[] => {
  const unknown = unknownIds(contactIds, 'contactIds', (id) => enrolls(roster, id), 'a contact');
  if (unknown.length > 0) throw unknownIdsRefusal(unknown, 'nothing was changed');
  return [...new Set(contactIds)];
};

export type SkippedExternalId = { readonly externalId: string; readonly reason: 'no_match' | 'ambiguous' };

/** Each external id matching exactly one contact names it; the others are skipped with their reason. */
export const matchExternalIds = (
  roster: Roster,
  externalIds: readonly string[],
): { contactIds: string[]; skipped: SkippedExternalId[] } => {
  const contactIds: string[] = [];
  const skipped: SkippedExternalId[] = [];
  for (const externalId of new Set(externalIds)) {
    const matches = contactsOfCase(roster, externalId);
    if (matches.length === 1) contactIds.push(matches[0]!);
    else skipped.push({ externalId, reason: matches.length === 0 ? 'no_match' : 'ambiguous' });
  }
  return { contactIds, skipped };
};
