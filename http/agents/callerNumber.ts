import * as t from 'io-ts';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { EXAMPLE_PHONE } from '../../domain/values.ts';
import { withSchema } from '../codecSchema.ts';

/** US numbers may be written nationally; anything else needs its country code. */
const DEFAULT_COUNTRY = 'US';

/** A phone number as people write it (`(312) 555-0100`), decoded to E.164 (`+13125550100`). */
export const CallerNumber = withSchema(
  new t.Type<string, string, unknown>(
    'a valid phone number (E.164, or a US number)',
    (u): u is string => typeof u === 'string' && /^\+[1-9]\d{7,14}$/.test(u),
    (u, c) => {
      if (typeof u !== 'string' || u.length > 40) return t.failure(u, c, 'expected a phone number');
      const parsed = parsePhoneNumberFromString(u, DEFAULT_COUNTRY);
      return parsed?.isValid()
        ? t.success(parsed.number)
        : t.failure(u, c, `expected a valid phone number, in E.164 form (${EXAMPLE_PHONE}) or as a US number`);
    },
    t.identity,
  ),
  { type: 'string', maxLength: 40, examples: [EXAMPLE_PHONE, '(312) 555-0100'] },
);
