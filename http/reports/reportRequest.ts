import type { Request } from 'express';
import { ValidationError, type ErrorDetail } from '../../domain/errors.ts';
import type { AnyReport } from '../../projections/reports/reports.ts';
import { reportFilterProblems } from '../../projections/reports/reportQuery.ts';
import { DEFAULT_PAGE_SIZE } from '../pageQuery.ts';

/** Query parameters every report route takes besides its filters. */
const shared = new Set(['after', 'limit', 'format', 'minPosition']);

export type ReportRequest = {
  readonly filters: Readonly<Record<string, string>>;
  readonly page: { readonly limit: number; readonly after?: string };
  readonly csv: boolean;
};

const pageSizeProblem = (limit: string | undefined): ErrorDetail[] =>
  limit === undefined || (/^\d{1,3}$/.test(limit) && Number(limit) >= 1 && Number(limit) <= 100)
    ? []
    : [{ path: 'limit', message: 'expected a page size from 1 to 100' }];

/** CSV when `?format=csv`, or when no format is named and the caller accepts text/csv before JSON. */
const wantsCsv = (req: Request, format: string | undefined): boolean =>
  format === undefined ? req.accepts(['application/json', 'text/csv']) === 'text/csv' : format === 'csv';

/**
 * A report request's query parameters read at once: its filters, the page, and JSON or CSV. Every
 * problem (a parameter the report does not take, given twice, or of a bad value) answers one 400
 * naming each parameter.
 */
export const reportRequest = (req: Request, report: AnyReport): ReportRequest => {
  const problems: ErrorDetail[] = [];
  const single: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.query)) {
    if (typeof value === 'string') single[name] = value;
    else problems.push({ path: name, message: 'expected one value' });
  }
  const filters = Object.fromEntries(Object.entries(single).filter(([name]) => !shared.has(name)));
  const format = single['format'];
  if (format !== undefined && format !== 'json' && format !== 'csv')
    problems.push({ path: 'format', message: 'expected json or csv' });
  problems.push(...pageSizeProblem(single['limit']), ...reportFilterProblems(report, filters));
  if (problems.length > 0) {
    const listed = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    throw new ValidationError('REPORT.INVALID_QUERY', `The report query is invalid: ${listed}`, problems);
  }
  const after = single['after'];
  return {
    filters,
    page: {
      limit: single['limit'] !== undefined ? Number(single['limit']) : DEFAULT_PAGE_SIZE,
      ...(after !== undefined ? { after } : {}),
    },
    csv: wantsCsv(req, format),
  };
};
