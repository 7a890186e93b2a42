import type { ErrorDetail } from '../../domain/errors.ts';
import type { ReadStore } from '../../projections/readStore.ts';
import type { Report, ReportName, ReportQuery } from '../../projections/reports/report.ts';
import { reportCsv } from '../../projections/reports/reportCsv.ts';
import { reportFilterProblems } from '../../projections/reports/reportQuery.ts';
import { reportNamed, type AnyReport } from '../../projections/reports/reports.ts';

/** The whole report as CSV text, a piece at a time: a header row, then every row of every page. */
export type ReportCsv = (report: AnyReport, query: ReportQuery) => AsyncIterable<string>;

/** The reports scheduled reports can send, and how one is written as CSV. */
export type ReportCatalog = {
  readonly reportNamed: (name: ReportName) => AnyReport | undefined;
  readonly csv: ReportCsv;
};

/** The reports hub's registered reports, written by its streamed CSV writer. */
export const registeredReports = (store: ReadStore): ReportCatalog => ({
  reportNamed,
  csv: async function* (report, query) {
    for await (const chunk of reportCsv(store, report, query)) yield String(chunk);
  },
});

/** Every problem of a schedule's saved filters for its report, each named under `filters`, as the report's own route names them. */
export const filterProblems = (
  catalog: ReportCatalog,
  name: ReportName,
  filters: Readonly<Record<string, string>> | undefined,
): ErrorDetail[] => {
  const report: Report<unknown> | undefined = catalog.reportNamed(name);
  if (!report) return [{ path: 'report', message: `the ${name} report is not available yet` }];
  return reportFilterProblems(report, filters ?? {}).map((p) => ({ path: `filters.${p.path}`, message: p.message }));
};
