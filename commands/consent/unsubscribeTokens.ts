import { createHmac, timingSafeEqual } from 'node:crypto';
import * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';
import { FiniteNumber } from '../../domain/values.ts';

/** What an email unsubscribe link stands for: who may be unsubscribed, and from which sending. */
export type UnsubscribeClaims = {
  readonly companyId: string;
  readonly address: string;
  readonly campaignId?: string;
  readonly messageId?: string;
  /** The campaign contact the message went to; links issued before it was named lack it. */
  readonly contactId?: string;
  /** When the link stops working (ISO time). */
  readonly expiresAt: string;
};

/** CAN-SPAM wants a link that works 30 days after sending; three times that leaves room for late readers. */
export const UNSUBSCRIBE_LINK_DAYS = 90;

const Payload = t.intersection([
  t.type({ c: t.string, a: t.string, x: FiniteNumber }),
  t.partial({ p: t.string, m: t.string, k: t.string }),
]);

export type TokenCheck =
  | { readonly valid: true; readonly claims: UnsubscribeClaims }
  | { readonly valid: false; readonly reason: 'malformed' | 'forged' | 'expired' };

const VERSION = 'u1';

const signature = (secret: string, payload: string): Buffer =>
  createHmac('sha256', secret).update(`${VERSION}.${payload}`).digest();

/**
 * Signed, self-contained unsubscribe tokens (HMAC-SHA256 over a base64url JSON payload), so a link
 * works without any lookup, and a forged or altered one is refused.
 */
export const unsubscribeTokens = (secret: string) => ({
  issue: (claims: Omit<UnsubscribeClaims, 'expiresAt'>, now: Date, days = UNSUBSCRIBE_LINK_DAYS): string => {
    const payload = Buffer.from(
      JSON.stringify({
        c: claims.companyId,
        a: claims.address,
        ...(claims.campaignId ? { p: claims.campaignId } : {}),
        ...(claims.messageId ? { m: claims.messageId } : {}),
        ...(claims.contactId ? { k: claims.contactId } : {}),
        x: Math.floor(now.getTime() / 1000) + days * 86_400,
      }),
    ).toString('base64url');
    return `${VERSION}.${payload}.${signature(secret, payload).toString('base64url')}`;
  },

  check: (token: string, now: Date): TokenCheck => {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== VERSION || !/^[\w-]+$/.test(parts[1]!) || !/^[\w-]{43}$/.test(parts[2]!))
      return { valid: false, reason: 'malformed' };
    const [, payload, presented] = parts as [string, string, string];
    // Compared as text: base64url has spare bits, and a link is valid in exactly one spelling.
    if (!timingSafeEqual(Buffer.from(presented), Buffer.from(signature(secret, payload).toString('base64url'))))
      return { valid: false, reason: 'forged' };
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return { valid: false, reason: 'malformed' };
    }
    const claims = Payload.decode(decoded);
    if (isLeft(claims)) return { valid: false, reason: 'malformed' };
    const { c, a, x, p, m, k } = claims.right;
    if (x * 1000 <= now.getTime()) return { valid: false, reason: 'expired' };
    return {
      valid: true,
      claims: {
        companyId: c,
        address: a,
        expiresAt: new Date(x * 1000).toISOString(),
        ...(p ? { campaignId: p } : {}),
        ...(m ? { messageId: m } : {}),
        ...(k ? { contactId: k } : {}),
      },
    };
  },
});

export type UnsubscribeTokens = ReturnType<typeof unsubscribeTokens>;

/** Where the opt-out a link records was heard: the campaign, contact and message it was sent with. */
export const unsubscribeContext = (claims: UnsubscribeClaims) => ({
  ...(claims.campaignId ? { campaignId: claims.campaignId } : {}),
  ...(claims.contactId ? { contactId: claims.contactId } : {}),
  ...(claims.messageId ? { messageId: claims.messageId } : {}),
});

/** Where a token's link points: `<publicUrl>/unsubscribe/<token>`. */
export const unsubscribeUrl = (publicUrl: string, token: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/unsubscribe/${token}`;

/** The RFC 8058 headers of a bulk email whose one-click unsubscribe link is `url`. */
export const unsubscribeHeaders = (url: string): { 'List-Unsubscribe': string; 'List-Unsubscribe-Post': string } => ({
  'List-Unsubscribe': `<${url}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
});

/** A signing secret derived from another secret, for engines started without UNSUBSCRIBE_SECRET (tests, embedded apps). */
export const derivedUnsubscribeSecret = (rootSecret: string): string =>
  createHmac('sha256', rootSecret).update('outreach-engine unsubscribe links').digest('base64url');
