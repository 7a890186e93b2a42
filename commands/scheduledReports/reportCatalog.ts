import type { ErrorDetail } from '../../domain/errors.ts';
import type { Report, ReportName, ReportQuery } from '../../projections/reports/report.ts';

/** The whole report as CSV text, a piece at a time: a header row, then every row of every page. */
export type ReportCsv = (report: Report<unknown>, query: ReportQuery) => AsyncIterable<string>;

/** The reports scheduled reports can send, and how one is written as CSV. */
export type ReportCatalog = {
  readonly reportNamed: (name: ReportName) => Report<unknown> | undefined;
  readonly csv: ReportCsv;
};

/** Every problem of a schedule's saved filters for its report, each named under `filters`. */
export const filterProblems = (catalog: ReportCatalog, name: ReportName, filters: Readonly<Record<string, string>> | undefined, path = 'filters'): ErrorDetail[] => {
  const report = catalog.reportNamed(name);
  if (!report) return [{ path: 'report', message: `the ${name} report is not available` }];
  return report.checkFilters(filters ?? {}).map((p) => ({ path: `${path}.${p.path}`, message: p.message }));
};
