import { consentAddress } from '../../domain/consent/address.ts';
import { concreteChannels } from '../../domain/consent/decider.ts';
import type { ConsentEvent } from '../../domain/consent/events.ts';
import type { RecordedEvent } from '../../domain/events/event.ts';
import { projectionOf } from '../projection.ts';
import type { Doc } from '../readStore.ts';

export const OPT_OUTS = 'optOuts';

/**
 * One address of one company that has ever opted out: which channels are blocked now, the latest
 * opt-out (how, when, where it was heard) and the latest reopening (who, why). Addresses that never
 * opted out have no document.
 */
export type OptOutDoc = Doc & {
  readonly address: string;
  readonly addressKind: 'phone' | 'email';
  /** True while any channel of the address is blocked. */
  readonly optedOut: boolean;
  readonly voice: boolean;
  readonly sms: boolean;
  readonly email: boolean;
  readonly channel: string;
  readonly source: string;
  readonly optedOutAt: string;
  readonly campaignId: string | null;
  readonly contactId: string | null;
  readonly callId: string | null;
  readonly messageId: string | null;
  readonly keyword: string | null;
  readonly excerpt: string | null;
  readonly reopenedAt: string | null;
  readonly reopenedBy: string | null;
  readonly reopenReason: string | null;
};

export const optOutId = (companyId: string, address: string): string => `${companyId}.${address}`;

type Blocked = Pick<OptOutDoc, 'voice' | 'sms' | 'email'>;

const withBlocked = (blocked: Blocked) => ({ ...blocked, optedOut: blocked.voice || blocked.sms || blocked.email });

/** What every consent event of an address shares: its document id, kind, and the channels it names. */
const addressed = (event: RecordedEvent<ConsentEvent>) => {
  const { companyId, address, channel } = event.data;
  const kind = consentAddress(address).kind;
  const channels = concreteChannels(channel, kind);
  const blockedAfter = (current: Blocked | undefined, blocked: boolean): Blocked => {
    const next = { voice: current?.voice ?? false, sms: current?.sms ?? false, email: current?.email ?? false };
    for (const c of channels) next[c] = blocked;
    return next;
  };
  return { companyId, address, channel, kind, id: optOutId(companyId, address), blockedAfter };
};

export const optOutsProjection = projectionOf<ConsentEvent>({
  name: 'optOuts',
  version: 1,
  collections: [
    {
      name: OPT_OUTS,
      indexes: [
        {
          fields: [
            ['companyId', 1],
            ['optedOutAt', -1],
          ],
        },
        {
          fields: [
            ['companyId', 1],
            ['campaignId', 1],
            ['optedOutAt', -1],
          ],
        },
        {
          fields: [
            ['companyId', 1],
            ['contactId', 1],
          ],
        },
      ],
    },
  ],
  handlers: {
    ContactOptedOut: (event) => {
      const { companyId, address, channel, kind, id, blockedAfter } = addressed(event);
      const d = event.data;
      return [
        {
          collection: OPT_OUTS,
          id,
          apply: (current) => {
            const previous = current as OptOutDoc | undefined;
            const doc: OptOutDoc = {
              _id: id,
              companyId,
              address,
              addressKind: kind,
              ...withBlocked(blockedAfter(previous, true)),
              channel,
              source: d.source,
              optedOutAt: d.at,
              campaignId: d.campaignId ?? null,
              contactId: d.contactId ?? null,
              callId: d.callId ?? null,
              messageId: d.messageId ?? null,
              keyword: d.keyword ?? null,
              excerpt: d.excerpt ?? null,
              reopenedAt: previous?.reopenedAt ?? null,
              reopenedBy: previous?.reopenedBy ?? null,
              reopenReason: previous?.reopenReason ?? null,
            };
            return doc;
          },
        },
      ];
    },
    ContactOptedIn: (event) => {
      const { id, blockedAfter } = addressed(event);
      const d = event.data;
      return [
        {
          collection: OPT_OUTS,
          id,
          apply: (current) => {
            if (!current) return null;
            const previous = current as OptOutDoc;
            const reopened =
              d.source === 'admin'
                ? { reopenedAt: d.at, reopenedBy: d.reopenedBy ?? null, reopenReason: d.reason ?? null }
                : {};
            return { ...previous, ...withBlocked(blockedAfter(previous, false)), ...reopened };
          },
        },
      ];
    },
  },
});
