import { Readable, pipeline, type Transform } from 'node:stream';
import { safeCsvStringifier } from './safeCsv.ts';
import type { ReadStore } from '../readStore.ts';
import type { Report, ReportCell, ReportQuery } from './report.ts';

/** Rows read per page while writing a whole report: memory stays one page whatever its length. */
export const CSV_PAGE_SIZE = 500;

/** The header, then every row of the report in its order, a page read only once the last is written. */
async function* csvRecords<Row>(
  store: ReadStore,
  report: Report<Row>,
  query: ReportQuery,
): AsyncGenerator<ReportCell[]> {
  yield report.columns.map((column) => column.header);
  let after: string | undefined;
  do {
    const page = await report.page(store, query, { limit: CSV_PAGE_SIZE, ...(after !== undefined ? { after } : {}) });
    for (const row of page.items) yield report.columns.map((column) => column.value(row));
    after = page.next ?? undefined;
  } while (after !== undefined);
}

/**
 * The whole report (its filters and window applied) as CSV text, streamed: the same rows as its JSON
 * pages, each cell a spreadsheet cannot read as a formula. Reading stops while the reader is full.
 */
export const reportCsv = <Row>(store: ReadStore, report: Report<Row>, query: ReportQuery): Transform => {
  const stringifier = safeCsvStringifier({ cast: { boolean: (value) => (value ? 'true' : 'false') } });
  pipeline(Readable.from(csvRecords(store, report, query)), stringifier, () => undefined);
  return stringifier;
};

/** The whole report as one text, for an email attachment. */
export const reportCsvText = async <Row>(
  store: ReadStore,
  report: Report<Row>,
  query: ReportQuery,
): Promise<string> => {
  const parts: string[] = [];
  for await (const chunk of reportCsv(store, report, query)) parts.push(String(chunk));
  return parts.join('');
};
