import type { ErrorDetail } from '../../../domain/errors.ts';
import type { Filter } from '../../readStore.ts';
import type { ReportFilter, ReportWindow } from '../report.ts';

/** Each filter a report takes, with the values it allows: anything else is named back, every problem at once. */
export const choiceProblems = (accepted: readonly ReportFilter[], filters: Readonly<Record<string, string>>): ErrorDetail[] =>
  Object.entries(filters).flatMap(([name, value]) => {
    const filter = accepted.find((f) => f.name === name);
    if (!filter) return [{ path: name, message: `not a filter of this report (${accepted.map((f) => f.name).join(', ')})` }];
    if (filter.values && !filter.values.includes(value)) return [{ path: name, message: `expected ${filter.values.join(', ')}` }];
    return [];
  });

/** Rows whose last activity falls in the window; a row with none falls in no window. */
export const lastActivityIn = (window: ReportWindow | undefined): Filter[] =>
  window?.from === undefined && window?.until === undefined
    ? []
    : [{ lastActivityAt: { ...(window.from !== undefined ? { $gte: window.from } : {}), ...(window.until !== undefined ? { $lt: window.until } : {}) } }];
