import {
  CAMPAIGN_CONTACTS,
  campaignContactsOf,
  type CampaignContactDoc,
} from '../../projections/campaignContacts/campaignContactDocument.ts';
import { collection } from '../../projections/collection.ts';
import type { ReadStore } from '../../projections/readStore.ts';

/** What a campaign's contacts still wait for, or why each is done: counted per reason. */
export type ContactsLeft = {
  readonly enrolled: number;
  readonly active: ReadonlyMap<string, number>;
  readonly done: ReadonlyMap<string, number>;
  /** The earliest call attempt and message still due, ISO times. */
  readonly nextAttemptAt?: string;
  readonly nextMessageAt?: string;
};

/** A contact still open keeps the campaign going, as campaign completion asks it. */
const isOpen = (doc: CampaignContactDoc): boolean => doc.callsOpen || doc.messagesOpen;

/** Why an open contact is still active: the first thing it waits for. */
const waitsFor = (doc: CampaignContactDoc): string => {
  if (doc.openCallId !== undefined) return 'a call under way';
  if (doc.callsOpen) return 'a call attempt due';
  if (doc.nextMessageAt !== undefined) return 'a message still to send';
  return 'replies or answers the workflow has still to review';
};

/** Why a contact is done: no call and no message is left for it. */
const doneBecause = (doc: CampaignContactDoc): string => {
  if (doc.status === 'completed') return 'completed';
  if (doc.status === 'completed_all_calls') return 'every call attempt used';
  if (doc.withheld !== undefined) return `calls withheld: ${doc.withheld.replaceAll('_', ' ')}`;
  if (doc.lastOutcome === 'answered' || doc.lastOutcome === 'transferred') return 'reached on a call';
  return doc.attempts > 0 ? 'call attempts used up' : 'no call planned';
};

const tally = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
const earliest = (a: string | undefined, b: string | undefined) =>
  a === undefined || (b !== undefined && b < a) ? b : a;

export const contactsLeft = (docs: readonly CampaignContactDoc[]): ContactsLeft => {
  const active = new Map<string, number>();
  const done = new Map<string, number>();
  let nextAttemptAt: string | undefined;
  let nextMessageAt: string | undefined;
  for (const doc of docs) {
    if (!isOpen(doc)) {
      tally(done, doneBecause(doc));
      continue;
    }
    tally(active, waitsFor(doc));
    if (doc.callsOpen && doc.openCallId === undefined) nextAttemptAt = earliest(nextAttemptAt, doc.nextAttemptAt);
    if (doc.messagesOpen) nextMessageAt = earliest(nextMessageAt, doc.nextMessageAt);
  }
  return {
    enrolled: docs.length,
    active,
    done,
    ...(nextAttemptAt ? { nextAttemptAt } : {}),
    ...(nextMessageAt ? { nextMessageAt } : {}),
  };
};

const listed = (counts: ReadonlyMap<string, number>) =>
  [...counts]
    .sort(([, a], [, b]) => b - a)
    .map(([reason, count]) => `${count} ${reason}`)
    .join(', ');

/** The demo's last word on its contacts: every one done, or how many are still active and what each waits for. */
export const contactsLeftText = (left: ContactsLeft, localTime: (iso: string) => string): string => {
  const open = [...left.active.values()].reduce((sum, count) => sum + count, 0);
  if (open === 0) return `Every contact is done (${listed(left.done)}).`;
  const next = [
    ...(left.nextAttemptAt ? [`next call attempt at ${localTime(left.nextAttemptAt)}`] : []),
    ...(left.nextMessageAt ? [`next message at ${localTime(left.nextMessageAt)}`] : []),
  ];
  return [
    `${open} of ${left.enrolled} contacts are still active: ${listed(left.active)}${next.length ? `; ${next.join(', ')}` : ''}.`,
    ...(left.done.size ? [`Done: ${listed(left.done)}.`] : []),
  ].join('\n');
};

/** Every contact of the campaign as its read model has it, page by page. */
export const campaignContactDocs = (
  readStore: ReadStore,
  companyId: string,
  campaignId: string,
): Promise<CampaignContactDoc[]> =>
  collection<CampaignContactDoc>(readStore, CAMPAIGN_CONTACTS).findAll(
    { companyId, ...campaignContactsOf(campaignId) },
    [['_id', 1]],
  );

/** How many of the campaign's contacts are done, for the progress bar: one count of the open ones. */
export const contactsDone = async (
  readStore: ReadStore,
  companyId: string,
  campaignId: string,
  enrolled: number,
): Promise<number> =>
  enrolled -
  (await readStore.count(CAMPAIGN_CONTACTS, {
    companyId,
    campaignId,
    $or: [{ callsOpen: true }, { messagesOpen: true }],
  }));
