import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type NormalisedPhone = { readonly phone: string } | { readonly problem: string };

/** Numbers without a country code are read as US numbers: the engine's clients are US firms. */
export const DEFAULT_PHONE_COUNTRY = 'US';

/**
 * A phone in E.164 form, or why it cannot be called. The full metadata is used so that a number
 * the numbering plan does not allow (a 555 area code, a digit short) is refused now, not at dial time.
 */
export const normalisePhone = (given: string): NormalisedPhone => {
  const parsed = parsePhoneNumberFromString(given, { defaultCountry: DEFAULT_PHONE_COUNTRY, extract: false });
  if (!parsed) return { problem: `'${given}' is not a phone number` };
  if (!parsed.isValid()) return { problem: `'${given}' is not a valid phone number (${parsed.number})` };
  // A dialler reaches the main line, not the extension: someone else would answer.
  if (parsed.ext) return { problem: `'${given}' has an extension (${parsed.ext}), which an outbound call cannot dial` };
  return { phone: parsed.number };
};
