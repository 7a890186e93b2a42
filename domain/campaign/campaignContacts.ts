import { IllegalStateError, NotFoundError, type ErrorDetail } from '../errors.ts';
import type { EnrolledContact } from './events.ts';
import type { CampaignState } from './state.ts';

/** Who a launched campaign enrolled: every contact id, and the contacts of each external id. */
export type Roster = { readonly contactIds: ReadonlySet<string>; readonly byExternalId: ReadonlyMap<string, readonly string[]> };

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
    throw new NotFoundError('CAMPAIGN.NOT_FOUND', `No campaign ${campaignId}.`);
  if (state.status === 'DRAFT') throw new IllegalStateError('CAMPAIGN.NOT_LAUNCHED', 'The campaign is a draft: it has no contacts until it launches.');
  if (state.status === 'COMPLETED') throw new IllegalStateError('CAMPAIGN.COMPLETED', 'The campaign is completed: its contacts stay as it left them.');
};

/** The requested ids once each, or a NotFoundError naming every id the campaign did not enrol. */
export const enrolledContactIds = (roster: Roster, contactIds: readonly string[]): string[] => {
  const strangers = contactIds.filter((id) => !roster.contactIds.has(id));
  if (strangers.length === 0) return [...new Set(contactIds)];
  const unknown: ErrorDetail[] = contactIds.flatMap((id, i) => (roster.contactIds.has(id) ? [] : [{ path: `contactIds.${i}`, message: `${id} is not a contact of this campaign` }]));
  const named = strangers.slice(0, 20).join(', ');
  const more = unknown.length > 20 ? ` and ${unknown.length - 20} more` : '';
  throw new NotFoundError('CAMPAIGN_CONTACT.NOT_FOUND', `Not contacts of this campaign, so nothing was changed: ${named}${more}.`, unknown);
};

export type SkippedExternalId = { readonly externalId: string; readonly reason: 'no_match' | 'ambiguous' };

/** Each external id matching exactly one contact names it; the others are skipped with their reason. */
export const matchExternalIds = (roster: Roster, externalIds: readonly string[]): { contactIds: string[]; skipped: SkippedExternalId[] } => {
  const contactIds: string[] = [];
  const skipped: SkippedExternalId[] = [];
  for (const externalId of new Set(externalIds)) {
    const matches = roster.byExternalId.get(externalId) ?? [];
    if (matches.length === 1) contactIds.push(matches[0]!);
    else skipped.push({ externalId, reason: matches.length === 0 ? 'no_match' : 'ambiguous' });
  }
  return { contactIds, skipped };
};
