import { IllegalStateError, NotFoundError, type ErrorDetail } from '../errors.ts';
import type { EnrolledContact } from './events.ts';
import type { CampaignState } from './state.ts';
import { named } from '../namedValue.ts';

/** Who a launched campaign enrolled: every contact id, and the contacts of each external id. */
export type Roster = {
  readonly contactIds: ReadonlySet<string>;
  readonly byExternalId: ReadonlyMap<string, readonly string[]>;
};

/** The roster of the enrolment batches, in order. */
export const rosterOf = (batches: readonly (readonly EnrolledContact[])[]): Roster => {
  const contactIds = new Set<string>();
  const byExternalId = new Map<string, string[]>();
  for (const contact of batches.flat()) {
    contactIds.add(contact.contactId);
    const same = byExternalId.get(contact.externalId);
    if (same) same.push(contact.contactId);
    else byExternalId.set(contact.externalId, [contact.contactId]);
  }
  return { contactIds, byExternalId };
};

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
  const unknown = unknownIds(contactIds, 'contactIds', (id) => roster.contactIds.has(id), 'a contact');
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
    const matches = roster.byExternalId.get(externalId) ?? [];
    if (matches.length === 1) contactIds.push(matches[0]!);
    else skipped.push({ externalId, reason: matches.length === 0 ? 'no_match' : 'ambiguous' });
  }
  return { contactIds, skipped };
};
