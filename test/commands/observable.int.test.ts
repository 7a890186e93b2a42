import { expect } from 'chai';
import { filter, firstValueFrom, map, mergeMap, take, toArray } from 'rxjs';
import { observeSubscription } from '../../commands/observable.ts';
import { tallyEvents, tallyRegistry } from '../support/tally.ts';
import { tempStores } from '../support/tempStores.ts';

describe('subscriptions as rxjs Observables', () => {
  let stores: ReturnType<typeof tempStores>;
  beforeEach(() => {
    stores = tempStores(tallyRegistry);
  });
  afterEach(() => stores.dispose());

  it('emits history then live events through operators, and closes the subscription on unsubscribe', async () => {
    const store = stores.eventStore;
    await store.append('tally-a', tallyEvents('tally-a', 3), 'no_stream');
    const seen = firstValueFrom(
      observeSubscription(() => store.subscribe({ batchSize: 2 })).pipe(
        mergeMap((batch) => batch),
        filter((event) => event.stream === 'tally-a'),
        map((event) => event.revision),
        take(5),
        toArray(),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    await store.append('tally-a', tallyEvents('tally-a', 2), 2n);
    expect(await seen).to.deep.equal([0n, 1n, 2n, 3n, 4n]);
  });

  it('reports a reader error as the Observable error', async () => {
    const metadata = { companyId: 'c', commandId: 'x', correlationId: 'x', causationId: 'x', actor: 't', occurredAt: new Date().toISOString(), schemaVersion: 1 };
    stores.eventStore.db
      .prepare("INSERT INTO events (id, stream, revision, type, data, metadata) VALUES ('01900000-0000-7000-8000-000000000000', 'tally-x', 0, 'Nope', '{}', ?)")
      .run(JSON.stringify(metadata));
    const error = await firstValueFrom(observeSubscription(() => stores.eventStore.subscribe())).catch((e: Error) => e);
    expect((error as Error).message).to.contain('tally-x@0').and.contain('Nope');
  });
});
