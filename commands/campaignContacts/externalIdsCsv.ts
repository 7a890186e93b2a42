import { parse } from 'csv-parse/sync';
import { CsvError } from 'csv-parse';
import { ValidationError } from '../../domain/errors.ts';

/** As many ids as a cases import holds rows. */
export const MAX_EXTERNAL_IDS = 100_000;

const headerNames = new Set(['externalid', 'external_id', 'external id']);

/**
 * External ids from a file of one id a line (the first column when a line has more). A first line
 * naming the column (`externalId`) is a header and skipped; blank lines and surrounding spaces are ignored.
 */
export const externalIdsOf = (text: string): string[] => {
  let records: string[][];
  try {
    // Files stitched together mix line ends; one id a line whatever each line ends with.
    records = parse(text.replace(/\r\n?/g, '\n'), {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError)
      throw new ValidationError('IMPORT.UNREADABLE_CSV', `The CSV cannot be read: ${error.message}`, [
        { path: '(root)', message: error.message },
      ]);
    throw error;
  }
  const ids = records.map((record) => record[0] ?? '').filter((id) => id !== '');
  if (ids.length > 0 && headerNames.has(ids[0]!.toLowerCase())) ids.shift();
  if (ids.length > MAX_EXTERNAL_IDS)
    throw new ValidationError(
      'IMPORT.TOO_MANY_ROWS',
      `An import holds at most ${MAX_EXTERNAL_IDS} ids; this one has ${ids.length}. Split the file.`,
      [{ path: '(root)', message: `at most ${MAX_EXTERNAL_IDS} ids` }],
    );
  return ids;
};
