import type { ErrorDetail } from '../../../domain/errors.ts';
import { companyScope } from '../../../projections/companyScope.ts';
import { dateRangeFilters, dateRangeProblems } from '../../../projections/reports/dateRange.ts';
import type { Report, ReportName } from '../../../projections/reports/report.ts';
import type { CollectionSpec, Doc, Filter, ReadStore } from '../../../projections/readStore.ts';

export const FIXTURE_ROWS = 'fixtureRows';
export const fixtureSpec: CollectionSpec = {
  name: FIXTURE_ROWS,
  indexes: [
    {
      fields: [
        ['companyId', 1],
        ['campaignId', 1],
        ['at', 1],
      ],
    },
  ],
};

export type FixtureRow = Doc & {
  readonly campaignId: string;
  readonly name: string;
  readonly kind: 'red' | 'blue';
  readonly at: string;
  readonly weight: number;
};

/** A report over rows written straight into the read store: what the plumbing does, apart from any read model. */
export const fixtureReport = (onPage: (limit: number) => void = () => undefined): Report<FixtureRow> => ({
  name: 'fixture' as ReportName,
  path: 'fixture-rows',
  summary: 'Rows for testing the report routes',
  filters: [{ name: 'kind', description: 'red or blue', values: ['red', 'blue'] }, ...dateRangeFilters],
  checkFilters: (filters) => {
    const problems: ErrorDetail[] = dateRangeProblems(filters);
    if (filters['kind'] !== undefined && !['red', 'blue'].includes(filters['kind']))
      problems.push({ path: 'kind', message: 'expected red or blue' });
    return problems;
  },
  columns: [
    { header: 'id', value: (row) => row._id },
    { header: 'name', value: (row) => row.name },
    { header: 'kind', value: (row) => row.kind },
    { header: 'at', value: (row) => row.at },
    { header: 'weight', value: (row) => row.weight },
  ],
  page: async (store: ReadStore, query, page) => {
    onPage(page.limit);
    const filters: Filter[] = [{ campaignId: query.campaignId }];
    if (query.filters['kind']) filters.push({ kind: query.filters['kind'] });
    if (query.window?.from) filters.push({ at: { $gte: query.window.from } });
    if (query.window?.until) filters.push({ at: { $lt: query.window.until } });
    const found = await companyScope(store, query.companyId).find(
      FIXTURE_ROWS,
      { $and: filters },
      { sort: [['at', 1]], limit: page.limit, ...(page.after ? { after: page.after } : {}) },
    );
    return { items: found.items as FixtureRow[], next: found.next };
  },
  item: ({ companyId: _companyId, campaignId: _campaignId, _id, ...row }) => ({ id: _id, ...row }),
});

/** Writes documents into a collection as a projection would. */
export const seedCollection = async (store: ReadStore, spec: CollectionSpec, docs: readonly Doc[]): Promise<void> => {
  await store.prepare(1, [spec]);
  await store.activate(spec.name, 1, [spec]);
  await store.commit({
    projection: spec.name,
    version: 1,
    checkpoint: BigInt(docs.length),
    changes: docs.map((doc, i) => ({ op: 'upsert' as const, collection: spec.name, doc, position: BigInt(i + 1) })),
  });
};
