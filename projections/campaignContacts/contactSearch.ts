import type { Filter } from '../readStore.ts';

/** The search forms of a campaign contact's name, last name, external id, phone and email. */
export const searchFields = ['nameKey', 'lastNameKey', 'externalIdKey', 'phoneDigits', 'emailKey'] as const;

/** Every string starting with `prefix`, as a range both stores compare the same way. */
const startsWith = (field: string, prefix: string): Filter => ({ [field]: { $gte: prefix, $lt: `${prefix}\uffff` } });

const phoneLike = /^[+\d\s().-]+$/;

/**
 * What `?search=` matches, all by prefix and ignoring letter case: the whole name or its last word,
 * the external id, the phone's digits (with or without the leading country code 1, so `312555` finds
 * `+13125550100`), and the email address exactly.
 */
export const contactSearchFilter = (search: string): Filter => {
  const text = search.trim().replace(/\s+/g, ' ').toLowerCase();
  const matches: Filter[] = [
    startsWith('nameKey', text),
    startsWith('lastNameKey', text),
    startsWith('externalIdKey', text),
    { emailKey: text },
  ];
  const digits = text.replace(/\D/g, '');
  if (phoneLike.test(text) && digits.length >= 3) {
    matches.push(startsWith('phoneDigits', digits));
    if (!digits.startsWith('1')) matches.push(startsWith('phoneDigits', `1${digits}`));
  }
  return { $or: matches };
};
