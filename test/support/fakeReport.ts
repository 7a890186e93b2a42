import type { ReportCatalog, ReportCsv } from '../../commands/scheduledReports/reportCatalog.ts';
import type { Report, ReportName } from '../../projections/reports/report.ts';

/** A report over rows held in memory: each row has its report date `at` and a `status`, filtered by window and `status`. */
export type DatedRow = { readonly at: string; readonly status: string };

export const fakeReport = (name: ReportName, rows: () => readonly DatedRow[]): Report<DatedRow> => ({
  name,
  path: name.replace(/_/g, '-'),
  summary: `the ${name} report`,
  filters: [{ name: 'status', description: 'answered or failed', values: ['answered', 'failed'] }],
  checkFilters: (filters) =>
    Object.entries(filters).flatMap(([key, value]) =>
      key !== 'status'
        ? [{ path: key, message: 'not a filter of this report' }]
        : ['answered', 'failed'].includes(value)
          ? []
          : [{ path: key, message: 'expected answered or failed' }],
    ),
  columns: [
    { header: 'at', value: (row) => row.at },
    { header: 'status', value: (row) => row.status },
  ],
  page: async (_store, query, { limit, after }) => {
    const { from, until } = query.window ?? {};
    const matching = rows().filter(
      (row) =>
        (!from || row.at >= from) &&
        (!until || row.at < until) &&
        (query.filters['status'] === undefined || row.status === query.filters['status']),
    );
    const start = after === undefined ? 0 : Number(after);
    const items = matching.slice(start, start + limit);
    return { items, next: start + limit < matching.length ? String(start + limit) : null };
  },
});

/** Pages through the report and writes each row as a plain CSV line (the rows here hold no commas or quotes). */
export const plainCsv: ReportCsv = async function* (report, query) {
  yield `${report.columns.map((c) => c.header).join(',')}\n`;
  let after: string | undefined;
  do {
    const page = await report.page(undefined as never, query, { limit: 7, ...(after === undefined ? {} : { after }) });
    for (const row of page.items) yield `${report.columns.map((c) => String(c.value(row))).join(',')}\n`;
    after = page.next ?? undefined;
  } while (after !== undefined);
};

/** Every report name answered by a fake report over the same rows. */
export const fakeCatalog = (rows: () => readonly DatedRow[]): ReportCatalog => ({
  reportNamed: (name) => fakeReport(name, rows) as Report<unknown>,
  csv: plainCsv,
});
