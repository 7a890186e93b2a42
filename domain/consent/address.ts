import { ValidationError } from '../errors.ts';
import { E164, Email } from '../values.ts';

/** A consent address: an E.164 phone number, or an email address in lower case. */
export type ConsentAddress = { readonly kind: 'phone' | 'email'; readonly value: string };

/** The address a consent stream is keyed by; email addresses compare without case, as mailboxes are delivered. */
export const consentAddress = (raw: string): ConsentAddress => {
  const trimmed = raw.trim();
  if (trimmed.includes('@')) {
    const value = trimmed.toLowerCase();
    if (Email.is(value)) return { kind: 'email', value };
  } else if (E164.is(trimmed)) return { kind: 'phone', value: trimmed };
  throw new ValidationError(
    'CONSENT.INVALID_ADDRESS',
    'A consent address is an E.164 phone number or an email address.',
    [{ path: 'address', message: 'expected an E.164 phone number or an email address' }],
  );
};
