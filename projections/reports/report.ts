import type { ErrorDetail } from '../../domain/errors.ts';
import type { ReadStore } from '../readStore.ts';

/**
 * A report of the reports hub: rows read from its own read model a keyset page at a time, the
 * filters it takes, and the columns of its CSV. The HTTP routes (JSON pages and streamed CSV), the
 * manual export and the report scheduler all read a report through this one shape, so the same
 * filters and window always give the same rows.
 */

/** The five reports, as scheduled reports name them. */
export type ReportName = 'calls' | 'contacts' | 'transfers' | 'opt_outs' | 'engagement';

/** Rows whose report date (each report says which) is in `[from, until)`; ISO instants, either end open. */
export type ReportWindow = { readonly from?: string; readonly until?: string };

export type ReportQuery = {
  readonly companyId: string;
  readonly campaignId: string;
  /** Query parameters by name, already accepted by `checkFilters`; each report reads its own. */
  readonly filters: Readonly<Record<string, string>>;
  readonly window?: ReportWindow;
};

export type ReportCell = string | number | boolean | null;

export type ReportColumn<Row> = { readonly header: string; readonly value: (row: Row) => ReportCell };

export type ReportFilter = { readonly name: string; readonly description: string; readonly values?: readonly string[] };

export type Report<Row> = {
  readonly name: ReportName;
  /** The route's last segment: `calls`, `contacts`, `transfers`, `opt-outs`, `engagement`. */
  readonly path: string;
  readonly summary: string;
  readonly filters: readonly ReportFilter[];
  /** Every problem of the given filters at once, each named by its parameter. */
  readonly checkFilters: (filters: Readonly<Record<string, string>>) => ErrorDetail[];
  readonly columns: readonly ReportColumn<Row>[];
  /** One page in the report's order; `after` is the previous page's `next`. */
  readonly page: (
    store: ReadStore,
    query: ReportQuery,
    page: { readonly limit: number; readonly after?: string },
  ) => Promise<{ items: Row[]; next: string | null }>;
  /** A row as the JSON page shows it; the row itself when absent. */
  readonly item?: (row: Row) => Record<string, unknown>;
};
