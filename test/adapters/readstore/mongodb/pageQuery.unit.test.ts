import { expect } from 'chai';
import fc from 'fast-check';
import { mongoFilter } from '../../../../adapters/readstore/mongodb/mongoFilter.ts';
import { pageQuery, toPage, type PageQuery } from '../../../../adapters/readstore/mongodb/pageQuery.ts';
import { ValidationError } from '../../../../domain/errors.ts';
import { compareInSortOrder, encodeCursor, fullSort } from '../../../../projections/query/keyset.ts';
import { matches } from '../../../../projections/query/matches.ts';
import type { Doc, Filter, Sort } from '../../../../projections/readStore.ts';

const cursorAt = (doc: Doc, sort: Sort) => encodeCursor(doc, fullSort(sort));

/** A stand-in for MongoDB running one page query: filter, sort, limit. */
const runAsMongo = (docs: readonly Doc[], query: PageQuery): Doc[] => {
  const sort = Object.entries(query.sort) as [string, 1 | -1][];
  return docs
    .filter((d) => matches(d, query.filter as Filter))
    .sort(compareInSortOrder(sort))
    .slice(0, query.fetch);
};

describe('MongoDB read store: page queries', () => {
  it('sends the filter as it is, sorted by the keys then _id, asking one more than the page', () => {
    const filter: Filter = {
      companyId: 'c',
      status: { $in: ['active', null] },
      $or: [{ attempts: { $gte: 2 } }, { attempts: null }],
    };
    const query = pageQuery(filter, { sort: [['status', -1]], limit: 10 });
    expect(query.filter).to.deep.equal(filter);
    expect(Object.entries(query.sort)).to.deep.equal([
      ['status', -1],
      ['_id', 1],
    ]);
    expect(query.fetch).to.equal(11);
    expect(query.pageSize).to.equal(10);
  });

  it('asks for 101 documents by default', () => {
    expect(pageQuery({}).fetch).to.equal(101);
  });

  it('turns the cursor into a keyset filter beside the caller filter, exactly as sent', () => {
    const sort: Sort = [
      ['status', 1],
      ['attempts', -1],
    ];
    const after = cursorAt({ _id: 'doc-7', companyId: 'c', status: 'active', attempts: 3 }, sort);
    const query = pageQuery({ companyId: 'c' }, { sort, limit: 5, after });
    expect(query.filter).to.deep.equal({
      $and: [
        { companyId: 'c' },
        {
          $or: [
            { status: { $gt: 'active' } },
            { $and: [{ status: 'active' }, { $or: [{ attempts: { $lt: 3 } }, { attempts: null }] }] },
            { $and: [{ status: 'active' }, { attempts: 3 }, { _id: { $gt: 'doc-7' } }] },
          ],
        },
      ],
    });
  });

  it('continues after a null sort value with documents that have one, then later ids among the nulls', () => {
    const after = cursorAt({ _id: 'doc-2', companyId: 'c' }, [['status', 1]]);
    expect(pageQuery({}, { sort: [['status', 1]], after }).filter).to.deep.equal({
      $and: [{}, { $or: [{ status: { $ne: null } }, { $and: [{ status: null }, { _id: { $gt: 'doc-2' } }] }] }],
    });
  });

  it('refuses filters outside the subset and cursors of another query before asking MongoDB', () => {
    expect(() => pageQuery({ status: { $regex: 'a' } } as unknown as Filter)).to.throw(ValidationError);
    expect(() => pageQuery({}, { limit: 0 })).to.throw(ValidationError);
    const otherQuery = cursorAt({ _id: 'a', companyId: 'c', status: 'x' }, [['status', 1]]);
    expect(() => pageQuery({}, { after: otherQuery })).to.throw(ValidationError);
    expect(() => pageQuery({}, { after: 'garbage' })).to.throw(ValidationError);
  });

  it('returns the page size and a cursor at its last item only when MongoDB found one more', () => {
    const query = pageQuery({}, { limit: 2 });
    const docs: Doc[] = ['a', 'b', 'c'].map((id) => ({ _id: id, companyId: 'c' }));
    const page = toPage(docs, query);
    expect(page.items.map((d) => d._id)).to.deep.equal(['a', 'b']);
    expect(page.next).to.equal(encodeCursor(docs[1]!, query.keys));
    expect(toPage(docs.slice(0, 2), query)).to.deep.equal({ items: docs.slice(0, 2), next: null });
  });

  it('pages through every match in sort order, each exactly once', () => {
    const docArb = fc.record({
      status: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }),
      attempts: fc.option(fc.integer({ min: 0, max: 3 })),
    });
    const sortArb = fc.uniqueArray(fc.tuple(fc.constantFrom('status', 'attempts'), fc.constantFrom<1 | -1>(1, -1)), {
      maxLength: 2,
      selector: ([f]) => f,
    });
    fc.assert(
      fc.property(
        fc.array(docArb, { maxLength: 25 }),
        sortArb,
        fc.integer({ min: 1, max: 4 }),
        (fields, sort, limit) => {
          const docs = fields.map((f, i): Doc => {
            const doc: Record<string, unknown> = {
              _id: `d${String(i).padStart(2, '0')}`,
              companyId: 'c',
              attempts: f.attempts,
            };
            if (f.status !== undefined) doc['status'] = f.status;
            return doc as Doc;
          });
          const filter: Filter = { attempts: { $ne: 0 } };
          const expected = docs
            .filter((d) => matches(d, filter))
            .sort(compareInSortOrder(fullSort(sort)))
            .map((d) => d._id);
          const seen: string[] = [];
          let after: string | undefined;
          for (let pages = 0; pages < 50; pages++) {
            const query = pageQuery(filter, { sort, limit, ...(after ? { after } : {}) });
            const page = toPage(runAsMongo(docs, query), query);
            seen.push(...page.items.map((d) => d._id));
            if (!page.next) break;
            after = page.next;
          }
          expect(seen).to.deep.equal(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('MongoDB read store: filters as sent', () => {
  it('passes the subset through unchanged', () => {
    const filter: Filter = {
      a: 1,
      'b.c': { $gte: 2, $lt: 5 },
      $and: [{ d: { $exists: false } }],
      $or: [{ e: null }, { f: { $ne: 'x' } }],
    };
    expect(mongoFilter(filter)).to.deep.equal(filter);
  });

  it('leaves out an empty condition, which MongoDB would read as equality with an empty document', () => {
    const filter = { a: {}, b: 1, $or: [{ c: {} }, { d: 2 }], $and: [{ e: {} }] } as Filter;
    expect(mongoFilter(filter)).to.deep.equal({ b: 1, $or: [{}, { d: 2 }], $and: [{}] });
  });
});
