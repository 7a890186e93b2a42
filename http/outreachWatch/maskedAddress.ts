import { maskSecretsAndContacts } from '../redaction.ts';

/**
 * A phone number or email address as outreach lines show it: `+*********67`, `j***@example.com`.
 * Anything the log masking would not recognise keeps only its last two characters, so no address is ever whole.
 */
export const maskedAddress = (address: string): string => {
  const masked = maskSecretsAndContacts(address);
  return masked !== address ? masked : address.replace(/.(?=.{2})/gs, '*');
};
