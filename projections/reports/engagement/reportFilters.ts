import type { ErrorDetail } from '../../../domain/errors.ts';
import type { Filter } from '../../readStore.ts';
import { dateRangeProblems } from '../dateRange.ts';
import type { ReportFilter, ReportWindow } from '../report.ts';

/** Every filter given a value it does not take, named with the values it does, and every problem of the date range. */
export const filterProblems = (accepted: readonly ReportFilter[], filters: Readonly<Record<string, string>>): ErrorDetail[] => [
  ...Object.entries(filters).flatMap(([name, value]) => {
    const values = accepted.find((f) => f.name === name)?.values;
    return values && !values.includes(value) ? [{ path: name, message: `expected ${values.join(', ')}` }] : [];
  }),
  ...dateRangeProblems(filters),
];

/** Rows whose last activity falls in the window; a row with none falls in no window. */
export const lastActivityIn = (window: ReportWindow | undefined): Filter[] =>
  window?.from === undefined && window?.until === undefined
    ? []
    : [{ lastActivityAt: { ...(window.from !== undefined ? { $gte: window.from } : {}), ...(window.until !== undefined ? { $lt: window.until } : {}) } }];
