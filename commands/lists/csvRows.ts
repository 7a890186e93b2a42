import { parse } from 'csv-parse/sync';
import { CsvError } from 'csv-parse';
import { ValidationError, type ErrorDetail } from '../../domain/errors.ts';

/** The import's columns; any order, any letter case. Unknown columns are ignored. */
export const CSV_COLUMNS = [
  'externalId',
  'caseType',
  'name',
  'phone',
  'email',
  'timezone',
  'state',
  'mobileAppStatus',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export const REQUIRED_CSV_COLUMNS: readonly CsvColumn[] = ['externalId', 'caseType', 'name', 'phone'];

/** About 10 MB of contacts; a larger file is split by its sender, so one import stays one bounded command. */
export const MAX_IMPORT_ROWS = 100_000;

/** A row by the line it starts on (the header is line 1), as a spreadsheet would number it. */
export type CsvRow = { readonly row: number; readonly fields: Partial<Record<CsvColumn, string>> };
export type RejectedRow = { readonly row: number; readonly reason: string };

const parserReasons: Partial<Record<string, string>> = {
  CSV_INVALID_CLOSING_QUOTE:
    'a quoted field goes on after its closing quote (a quote inside a quoted field is written as two quotes)',
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed, so the rest of the file could not be read',
};

type Parsed =
  { readonly line: number; readonly record: readonly string[] } | { readonly line: number; readonly problem: string };

/** Hands over every record and every unreadable record in file order, each with the line it starts on. */
const readRecords = (text: string, take: (parsed: Parsed) => void): void => {
  let lastLine = 0;
  let lastEmpty = 0;
  const startLine = (context: { lines: number; empty_lines: number }): number => {
    const line = lastLine + 1 + (context.empty_lines - lastEmpty);
    lastLine = context.lines;
    lastEmpty = context.empty_lines;
    return line;
  };
  try {
    parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      skip_records_with_error: true,
      on_record: (record: string[], context) => {
        take({ line: startLine(context), record });
        return null;
      },
      on_skip: (error) => {
        const context = {
          lines: Number(error?.['lines'] ?? lastLine + 1),
          empty_lines: Number(error?.['empty_lines'] ?? lastEmpty),
        };
        take({
          line: startLine(context),
          problem: parserReasons[error?.code ?? ''] ?? error?.message ?? 'unreadable row',
        });
        return undefined;
      },
    });
  } catch (error) {
    if (error instanceof CsvError)
      throw new ValidationError('IMPORT.UNREADABLE_CSV', `The CSV cannot be read: ${error.message}`, [
        { path: '(root)', message: error.message },
      ]);
    throw error;
  }
};

const isBlank = (record: readonly string[]): boolean => record.every((field) => field.trim() === '');

const columnNames = new Map(CSV_COLUMNS.map((column) => [column.toLowerCase(), column]));

/** Which field holds which column. */
const columnsIn = (header: readonly string[]): (CsvColumn | undefined)[] =>
  header.map((name) => columnNames.get(name.trim().toLowerCase()));

/** Every missing and every repeated column. */
const headerProblems = (columns: readonly (CsvColumn | undefined)[]): ErrorDetail[] => {
  const problems: ErrorDetail[] = REQUIRED_CSV_COLUMNS.filter((column) => !columns.includes(column)).map((column) => ({
    path: `header.${column}`,
    message: `the header has no column ${column}`,
  }));
  const repeated = CSV_COLUMNS.filter((column) => columns.filter((c) => c === column).length > 1);
  problems.push(
    ...repeated.map((column) => ({
      path: `header.${column}`,
      message: `the header names column ${column} more than once`,
    })),
  );
  return problems;
};

/** A 400 naming every missing and every repeated column. */
const checkHeader = (header: readonly string[], columns: readonly (CsvColumn | undefined)[]): void => {
  const problems = headerProblems(columns);
  if (problems.length === 0) return;
  const unknown = header
    .filter((_, i) => columns[i] === undefined)
    .map((name) => (name.trim() === '' ? 'one with no name' : JSON.stringify(name.trim())));
  const found = unknown.length > 0 ? ` Columns not recognised: ${unknown.join(', ')}.` : '';
  throw new ValidationError(
    'IMPORT.INVALID_HEADER',
    `The first row must name the columns ${CSV_COLUMNS.join(',')} (externalId, caseType, name and phone are required).${found}`,
    problems,
  );
};

/** A record's fields by column; fields under no known column are left out. */
const fieldsOf = (record: readonly string[], columns: readonly (CsvColumn | undefined)[]): CsvRow['fields'] => {
  const fields: Partial<Record<CsvColumn, string>> = {};
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i];
    if (column) fields[column] = record[i]!;
  }
  return fields;
};

/**
 * The rows of a cases import, each handed to `take` as soon as it is read, so no list of every row
 * need be kept: a BOM, CRLF or LF line ends, blank lines and quoted fields are all fine. A row the
 * parser cannot read, or with more or fewer fields than the header, is rejected alone. Rows are only
 * handed over under a header with every column, and none past the most an import holds; a file that
 * cannot be read, a bad header or too many rows is refused once the whole file has been read.
 */
export const readCaseRows = (text: string, take: (row: CsvRow) => void): RejectedRow[] => {
  let header: Parsed | undefined;
  let columns: (CsvColumn | undefined)[] = [];
  let headerHasEveryColumn = false;
  let bodyRows = 0;
  const rejected: RejectedRow[] = [];
  readRecords(text, (parsed) => {
    if ('record' in parsed && isBlank(parsed.record)) return;
    if (!header) {
      header = parsed;
      if ('record' in parsed) columns = columnsIn(parsed.record);
      headerHasEveryColumn = 'record' in parsed && headerProblems(columns).length === 0;
      return;
    }
    bodyRows += 1;
    if (bodyRows > MAX_IMPORT_ROWS || !headerHasEveryColumn) return;
    if (!('record' in parsed)) rejected.push({ row: parsed.line, reason: parsed.problem });
    else if (parsed.record.length !== columns.length)
      rejected.push({
        row: parsed.line,
        reason: `the row has ${parsed.record.length} fields, the header ${columns.length}`,
      });
    else take({ row: parsed.line, fields: fieldsOf(parsed.record, columns) });
  });
  if (!header)
    throw new ValidationError('IMPORT.NO_HEADER', 'The CSV is empty: its first row must name the columns.', [
      { path: 'header', message: 'no header row' },
    ]);
  if (!('record' in header))
    throw new ValidationError('IMPORT.INVALID_HEADER', `The header row cannot be read: ${header.problem}.`, [
      { path: 'header', message: header.problem },
    ]);
  checkHeader(header.record, columns);
  if (bodyRows > MAX_IMPORT_ROWS)
    throw new ValidationError(
      'IMPORT.TOO_MANY_ROWS',
      `An import holds at most ${MAX_IMPORT_ROWS} rows; this one has ${bodyRows}. Split the file.`,
      [{ path: '(root)', message: `at most ${MAX_IMPORT_ROWS} rows` }],
    );
  return rejected;
};

/** Every row of a cases import at once, as `readCaseRows` reads them. */
export const parseCaseRows = (text: string): { rows: CsvRow[]; rejected: RejectedRow[] } => {
  const rows: CsvRow[] = [];
  const rejected = readCaseRows(text, (row) => rows.push(row));
  return { rows, rejected };
};
