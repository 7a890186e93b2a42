import { expect } from 'chai';
import type { Event } from '../../domain/events/event.ts';
import type { DocumentUpdate, Projection } from '../../projections/projection.ts';
import { projectionSpecification } from './projectionSpecification.ts';

type Counted = Event<'Counted' | 'Dropped' | 'Ignored', { id: string }>;

/** Counts `Counted` events per id, deletes on `Dropped`; `create` says whether a count claims to create its document. */
const counter = (create: boolean): Projection<Counted> => ({
  name: 'counts',
  version: 1,
  collections: [{ name: 'counts', indexes: [] }],
  eventTypes: ['Counted', 'Dropped'],
  project: (event): DocumentUpdate[] => [
    {
      collection: 'counts',
      id: event.data.id,
      ...(create ? { creates: true } : {}),
      apply: (current) =>
        event.type === 'Dropped'
          ? null
          : {
              _id: event.data.id,
              companyId: 'company-1',
              count: ((current?.['count'] as number | undefined) ?? 0) + 1,
            },
    },
  ],
});

const counted = (id: string): Counted => ({ type: 'Counted', data: { id } });
const spec = projectionSpecification(counter(false));

describe('projection specifications', () => {
  it('given events, when more, then the documents they leave, in id order', () =>
    spec
      .given([counted('b'), counted('a')])
      .when([counted('b'), { type: 'Ignored', data: { id: 'c' } }])
      .then({
        counts: [
          { _id: 'a', companyId: 'company-1', count: 1 },
          { _id: 'b', companyId: 'company-1', count: 2 },
        ],
      }));

  it('then no document once it is deleted', () =>
    spec
      .given([counted('a')])
      .when([{ type: 'Dropped', data: { id: 'a' } }])
      .then({ counts: [] }));

  it('then the fields of one document, or its absence', async () => {
    await spec
      .given([counted('a')])
      .when([counted('a')])
      .thenDocument('counts', 'a', { count: 2 });
    await spec
      .given([])
      .when([counted('a')])
      .thenDocument('counts', 'b', null);
  });

  it('fails when the documents differ from the expected ones, or name a collection the projection does not write', async () => {
    const wrong = await spec
      .given([])
      .when([counted('a')])
      .then({ counts: [] })
      .catch((error: unknown) => error);
    expect(wrong).to.be.instanceOf(Error);
    const unknown = await spec
      .given([])
      .when([counted('a')])
      .then({ tallies: [] })
      .catch((error: unknown) => error);
    expect(unknown)
      .to.be.instanceOf(Error)
      .with.property('message')
      .that.matches(/no collection tallies/);
  });

  it('fails when one batch of the events leaves other documents than a batch per event (an update that says it creates what an earlier one did)', async () => {
    const failure = await projectionSpecification(counter(true))
      .given([counted('a')])
      .when([counted('a')])
      .then({ counts: [] })
      .catch((error: unknown) => error);
    expect(failure)
      .to.be.instanceOf(Error)
      .with.property('message')
      .that.matches(/one batch/);
  });

  it('fails when the events delivered again leave other documents (a toggle that brings back, on a second delivery, the document it deleted)', async () => {
    const toggle: Projection<Counted> = {
      ...counter(false),
      project: (event) => [
        {
          collection: 'counts',
          id: event.data.id,
          apply: (current) => (current ? null : { _id: event.data.id, companyId: 'company-1', count: 1 }),
        },
      ],
    };
    const failure = await projectionSpecification(toggle)
      .given([counted('a')])
      .when([counted('a')])
      .then({ counts: [] })
      .catch((error: unknown) => error);
    expect(failure)
      .to.be.instanceOf(Error)
      .with.property('message')
      .that.matches(/delivered again/);
  });
});
