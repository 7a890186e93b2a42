import { expect } from 'chai';
import { observedEventStore } from '../../../adapters/eventstore/observedEventStore.ts';
import { ConcurrencyError } from '../../../domain/errors.ts';
import { engineRegistry } from '../../../domain/engineEvents.ts';
import type { NewEvent } from '../../../domain/events/event.ts';
import { seededEvents } from '../../support/seededEvents.ts';
import { tempStores } from '../../support/tempStores.ts';

const at = new Date('2026-12-01T15:00:00.000Z');
const paused = (commandId: string) => seededEvents([{ type: 'CampaignPaused', data: { campaignId: 'campaign-1', at: at.toISOString() } }], 'company-1', commandId, at);

describe('an observed event store', () => {
  let stores: ReturnType<typeof tempStores>;
  beforeEach(() => (stores = tempStores(engineRegistry)));
  afterEach(() => stores.dispose());

  it('given an append the store acknowledged, then the observer is told of its events, and only then', async () => {
    const seen: NewEvent[][] = [];
    const store = observedEventStore(stores.eventStore, (events) => void seen.push([...events]));
    const first = paused('pause-1');
    await store.append('campaign-campaign-1', first, 'no_stream');
    const refused = await store.append('campaign-campaign-1', paused('pause-2'), 'no_stream').catch((error: unknown) => error);
    expect(refused).to.be.instanceOf(ConcurrencyError);
    await store.append('campaign-campaign-1', [], 'any');
    expect(seen).to.deep.equal([first]);
  });

  it('given an observer that throws, then the append still succeeds and its events are stored', async () => {
    const store = observedEventStore(stores.eventStore, () => {
      throw new Error('observer failed');
    });
    await store.append('campaign-campaign-1', paused('pause-1'), 'no_stream');
    const stored = [];
    for await (const event of store.readStream('campaign-campaign-1')) stored.push(event.type);
    expect(stored).to.deep.equal(['CampaignPaused']);
  });
});
