import { stringify, type Options, type Stringifier } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';

/**
 * The one way the engine writes CSV for people to open: every cell that a spreadsheet would read as
 * a formula (`=`, `+`, `-`, `@`, tab or carriage return first) is prefixed with `'` and quoted, as
 * OWASP's CSV injection advice says. Numbers are written as they are (`-3` is a number, not a
 * formula); strings are escaped whatever they hold, E.164 phones included (`'+13125550100`), so a
 * spreadsheet shows the number as text rather than evaluating it.
 */

const formulaStart = /^[=+\-@\t\r]/;

/** `=HYPERLINK(...)` becomes `'=HYPERLINK(...)`; any other text is left as it is. */
export const spreadsheetSafe = (text: string): string => (formulaStart.test(text) ? `'${text}` : text);

type CastResult = ReturnType<NonNullable<NonNullable<Options['cast']>['string']>>;

const escaped = (result: CastResult): CastResult => {
  if (typeof result === 'string')
    return formulaStart.test(result) ? { value: spreadsheetSafe(result), quoted: true } : result;
  if (result !== null && typeof result === 'object' && formulaStart.test(result.value))
    return { ...result, value: spreadsheetSafe(result.value), quoted: true };
  return result;
};

type Casts = NonNullable<Options['cast']>;

/** csv-stringify options with the escape applied to strings and to whatever the caller's own casts write. */
export const safeCsvOptions = (options: Options = {}): Options => {
  const given: Casts = options.cast ?? {};
  const wrapped = Object.fromEntries(
    Object.entries(given).map(([type, cast]) => [
      type,
      (value: never, context: never) => escaped((cast as (v: never, c: never) => CastResult)(value, context)),
    ]),
  ) as Casts;
  return {
    ...options,
    cast: { ...wrapped, string: (value, context) => escaped(given.string ? given.string(value, context) : value) },
  };
};

/** Rows to CSV text in one go (small files: the demo's report). */
export const stringifySafeCsv = (
  rows: readonly (readonly unknown[] | Record<string, unknown>)[],
  options: Options = {},
): string => stringifySync(rows as unknown[], safeCsvOptions(options));

/** A streaming writer for large exports (report routes answering `text/csv`): pipe rows in, text out. */
export const safeCsvStringifier = (options: Options = {}): Stringifier => stringify(safeCsvOptions(options));
