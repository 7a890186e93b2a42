import { consentAddress } from '../../domain/consent/address.ts';
import type { ConsentEvent } from '../../domain/consent/events.ts';
import { projectionOf } from '../projection.ts';
import type { Doc } from '../readStore.ts';

export const CAMPAIGN_OPT_OUTS = 'campaign_opt_outs';
export const CONSENT_REOPENINGS = 'consent_reopenings';

/** The reopenings an address keeps: the newest ones; an opt-out older than all of them reads the oldest kept. */
export const REOPENINGS_KEPT = 50;

/** One opt-out heard in a campaign: who, on which channel, how, when, and the words that asked. */
export type CampaignOptOutDoc = Doc & {
  readonly campaignId: string;
  /** Null for an email link issued before links named their contact. */
  readonly contactId: string | null;
  readonly address: string;
  readonly addressKind: 'phone' | 'email';
  readonly channel: string;
  readonly source: string;
  readonly at: string;
  readonly keyword: string | null;
  readonly matched: string | null;
  readonly excerpt: string | null;
  readonly callId: string | null;
  readonly messageId: string | null;
};

/** An address turned back on: by an admin (who, why) or by the person (START, or YES to the question). */
export type Reopening = {
  readonly at: string;
  readonly channel: string;
  readonly source: string;
  readonly by: string | null;
  readonly reason: string | null;
  readonly keyword: string | null;
};

export type ConsentReopeningsDoc = Doc & { readonly address: string; readonly reopenings: readonly Reopening[] };

export const reopeningsId = (companyId: string, address: string): string => `${companyId}.${address}`;

/**
 * The opt-outs report's read model: a row per opt-out heard in a campaign (a reply to its text, a
 * request in its call, its email's link), and per address the reopenings that followed, which the
 * report pairs with each row when it reads a page (an opt-in names no opt-out it undoes).
 */
export const campaignOptOutsProjection = projectionOf<ConsentEvent>({
  name: 'campaign_opt_outs',
  version: 1,
  collections: [
    {
      name: CAMPAIGN_OPT_OUTS,
      indexes: [
        {
          fields: [
            ['campaignId', 1],
            ['at', 1],
            ['_id', 1],
          ],
        },
      ],
      filterFields: ['companyId', 'channel', 'source', 'contactId'],
    },
    { name: CONSENT_REOPENINGS, indexes: [] },
  ],
  handlers: {
    ContactOptedOut: (event) => {
      const d = event.data;
      if (d.campaignId === undefined) return [];
      const row: CampaignOptOutDoc = {
        _id: event.id,
        companyId: d.companyId,
        campaignId: d.campaignId,
        contactId: d.contactId ?? null,
        address: d.address,
        addressKind: consentAddress(d.address).kind,
        channel: d.channel,
        source: d.source,
        at: d.at,
        keyword: d.keyword ?? null,
        matched: d.matched ?? null,
        excerpt: d.excerpt ?? null,
        callId: d.callId ?? null,
        messageId: d.messageId ?? null,
      };
      return [
        {
          collection: CAMPAIGN_OPT_OUTS,
          id: row._id,
          creates: true,
          apply: (current: Doc | undefined) => current ?? (row as Doc),
        },
      ];
    },
    ContactOptedIn: (event) => {
      const d = event.data;
      const id = reopeningsId(d.companyId, d.address);
      const reopening: Reopening = {
        at: d.at,
        channel: d.channel,
        source: d.source,
        by: d.reopenedBy ?? null,
        reason: d.reason ?? null,
        keyword: d.keyword ?? null,
      };
      return [
        {
          collection: CONSENT_REOPENINGS,
          id,
          apply: (current: Doc | undefined) => {
            const doc = (current as ConsentReopeningsDoc | undefined) ?? {
              _id: id,
              companyId: d.companyId,
              address: d.address,
              reopenings: [],
            };
            return { ...doc, reopenings: [...doc.reopenings, reopening].slice(-REOPENINGS_KEPT) };
          },
        },
      ];
    },
  },
});
