import type { ErrorDetail } from '../../domain/errors.ts';
import type { Filter } from '../readStore.ts';
import { dateRangeProblems } from './dateRange.ts';
import type { ReportFilter, ReportWindow } from './report.ts';

/**
 * Every filter given a value it does not take, named with the values it does; an empty contact id;
 * every problem of the date range; and what the report checks beyond these (`more`): one list, in
 * the order the report declares its filters.
 */
export const filterProblems = (
  accepted: readonly ReportFilter[],
  filters: Readonly<Record<string, string>>,
  more: readonly ErrorDetail[] = [],
): ErrorDetail[] => {
  const problems = [
    ...Object.entries(filters).flatMap(([name, value]) => {
      const values = accepted.find((f) => f.name === name)?.values;
      if (values && !values.includes(value)) return [{ path: name, message: `expected ${values.join(', ')}` }];
      return name === 'contactId' && value.trim() === '' ? [{ path: name, message: 'expected a contact id' }] : [];
    }),
    ...dateRangeProblems(filters),
    ...more,
  ];
  const rank = (problem: ErrorDetail) => {
    const at = accepted.findIndex((f) => f.name === problem.path);
    return at === -1 ? accepted.length : at;
  };
  return problems.sort((a, b) => rank(a) - rank(b));
};

/** Rows whose last activity falls in the window; a row with none falls in no window. */
export const lastActivityIn = (window: ReportWindow | undefined): Filter[] =>
  window?.from === undefined && window?.until === undefined
    ? []
    : [
        {
          lastActivityAt: {
            ...(window.from !== undefined ? { $gte: window.from } : {}),
            ...(window.until !== undefined ? { $lt: window.until } : {}),
          },
        },
      ];
