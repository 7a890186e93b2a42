import { parse } from 'csv-parse/sync';
import { CsvError } from 'csv-parse';
import { ValidationError, type ErrorDetail } from '../../domain/errors.ts';

/** The import's columns; any order, any letter case. Unknown columns are ignored. */
export const CSV_COLUMNS = ['externalId', 'caseType', 'name', 'phone', 'email', 'timezone', 'state', 'mobileAppStatus'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export const REQUIRED_CSV_COLUMNS: readonly CsvColumn[] = ['externalId', 'caseType', 'name', 'phone'];

/** About 10 MB of contacts; a larger file is split by its sender, so one import stays one bounded command. */
export const MAX_IMPORT_ROWS = 100_000;

/** A row by the line it starts on (the header is line 1), as a spreadsheet would number it. */
export type CsvRow = { readonly row: number; readonly fields: Partial<Record<CsvColumn, string>> };
export type RejectedRow = { readonly row: number; readonly reason: string };

const parserReasons: Partial<Record<string, string>> = {
  CSV_INVALID_CLOSING_QUOTE: 'a quoted field goes on after its closing quote (a quote inside quotes is written twice: "")',
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed, so the rest of the file could not be read',
};

type Parsed = { readonly line: number; readonly record: readonly string[] } | { readonly line: number; readonly problem: string };

/** Every record and every unreadable record in file order, each with the line it starts on. */
const records = (text: string): Parsed[] => {
  const parsed: Parsed[] = [];
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
        parsed.push({ line: startLine(context), record });
        return null;
      },
      on_skip: (error) => {
        const context = { lines: Number(error?.['lines'] ?? lastLine + 1), empty_lines: Number(error?.['empty_lines'] ?? lastEmpty) };
        parsed.push({ line: startLine(context), problem: parserReasons[error?.code ?? ''] ?? error?.message ?? 'unreadable row' });
        return undefined;
      },
    });
  } catch (error) {
    if (error instanceof CsvError) throw new ValidationError('IMPORT.UNREADABLE_CSV', `The CSV cannot be read: ${error.message}`, [{ path: '(root)', message: error.message }]);
    throw error;
  }
  return parsed;
};

const isBlank = (record: readonly string[]): boolean => record.every((field) => field.trim() === '');

/** Which field holds which column, or a 400 naming every missing column. */
const columnsOf = (header: readonly string[]): (CsvColumn | undefined)[] => {
  const byLowerCase = new Map(CSV_COLUMNS.map((column) => [column.toLowerCase(), column]));
  const columns = header.map((name) => byLowerCase.get(name.trim().toLowerCase()));
  const problems: ErrorDetail[] = REQUIRED_CSV_COLUMNS.filter((column) => !columns.includes(column)).map((column) => ({
    path: `header.${column}`,
    message: `the header has no column ${column}`,
  }));
  const repeated = CSV_COLUMNS.filter((column) => columns.filter((c) => c === column).length > 1);
  problems.push(...repeated.map((column) => ({ path: `header.${column}`, message: `the header names column ${column} more than once` })));
  if (problems.length === 0) return columns;
  const unknown = header.filter((_, i) => columns[i] === undefined).map((name) => `'${name.trim()}'`);
  const found = unknown.length > 0 ? ` Columns not recognised: ${unknown.join(', ')}.` : '';
  throw new ValidationError(
    'IMPORT.INVALID_HEADER',
    `The first row must name the columns ${CSV_COLUMNS.join(',')} (externalId, caseType, name and phone are required).${found}`,
    problems,
  );
};

/**
 * The rows of a cases import: a BOM, CRLF or LF line ends, blank lines and quoted fields are all
 * fine. A row the parser cannot read, or with more or fewer fields than the header, is rejected alone.
 */
export const parseCaseRows = (text: string): { rows: CsvRow[]; rejected: RejectedRow[] } => {
  const all = records(text).filter((parsed) => !('record' in parsed) || !isBlank(parsed.record));
  const header = all[0];
  if (!header) throw new ValidationError('IMPORT.NO_HEADER', 'The CSV is empty: its first row must name the columns.', [{ path: 'header', message: 'no header row' }]);
  if (!('record' in header)) throw new ValidationError('IMPORT.INVALID_HEADER', `The header row cannot be read: ${header.problem}.`, [{ path: 'header', message: header.problem }]);
  const columns = columnsOf(header.record);
  const body = all.slice(1);
  if (body.length > MAX_IMPORT_ROWS)
    throw new ValidationError('IMPORT.TOO_MANY_ROWS', `An import holds at most ${MAX_IMPORT_ROWS} rows; this one has ${body.length}. Split the file.`, [
      { path: '(root)', message: `at most ${MAX_IMPORT_ROWS} rows` },
    ]);
  const rows: CsvRow[] = [];
  const rejected: RejectedRow[] = [];
  for (const parsed of body) {
    if (!('record' in parsed)) rejected.push({ row: parsed.line, reason: parsed.problem });
    else if (parsed.record.length !== columns.length)
      rejected.push({ row: parsed.line, reason: `the row has ${parsed.record.length} fields, the header ${columns.length}` });
    else rows.push({ row: parsed.line, fields: Object.fromEntries(columns.flatMap((column, i) => (column ? [[column, parsed.record[i]!]] : []))) });
  }
  return { rows, rejected };
};
