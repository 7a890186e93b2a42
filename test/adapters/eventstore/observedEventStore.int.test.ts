import { expect } from 'chai';
import { observedEventStore } from '../../../adapters/eventstore/observedEventStore.ts';
import { ConcurrencyError } from '../../../domain/errors.ts';
import { engineRegistry } from '../../../domain/engineEvents.ts';
import type { NewEvent } from '../../../domain/events/event.ts';
import { seededEvents } from '../../support/seededEvents.ts';
import { tempStores } from '../../support/tempStores.ts';

const at = new Date('2026-12-01T15:00:00.000Z');
const paused = (commandId: string) =>
  seededEvents(
    [{ type: 'CampaignPaused', data: { campaignId: 'campaign-1', at: at.toISOString() } }],
    'company-1',
    commandId,
    at,
  );
const resumed = (commandId: string) =>
  seededEvents(
    [{ type: 'CampaignResumed', data: { campaignId: 'campaign-1', at: at.toISOString() } }],
    'company-1',
    commandId,
    at,
  );

describe('an observed event store', () => {
  let stores: ReturnType<typeof tempStores>;
  beforeEach(() => (stores = tempStores(engineRegistry)));
  afterEach(() => stores.dispose());

  it('given an append the store acknowledged, then the feed carries its events, and only then', async () => {
    const observed = observedEventStore(stores.eventStore);
    const seen: NewEvent[][] = [];
    observed.appended.subscribe((events) => void seen.push([...events]));
    const first = paused('pause-1');
    await observed.eventStore.append('campaign-campaign-1', first, 'no_stream');
    const refused = await observed.eventStore
      .append('campaign-campaign-1', paused('pause-2'), 'no_stream')
      .catch((error: unknown) => error);
    expect(refused).to.be.instanceOf(ConcurrencyError);
    await observed.eventStore.append('campaign-campaign-1', [], 'any');
    expect(seen).to.deep.equal([first]);
  });

  it('given two subscribers, one from the start and one after the first append, then each sees what was appended while it listened', async () => {
    const observed = observedEventStore(stores.eventStore);
    const early: string[] = [];
    const late: string[] = [];
    observed.appended.subscribe((events) => early.push(...events.map((event) => event.type)));
    await observed.eventStore.append('campaign-campaign-1', paused('pause-1'), 'no_stream');
    observed.appended.subscribe((events) => late.push(...events.map((event) => event.type)));
    await observed.eventStore.append('campaign-campaign-1', resumed('resume-1'), 0n);
    expect(early).to.deep.equal(['CampaignPaused', 'CampaignResumed']);
    expect(late).to.deep.equal(['CampaignResumed']);
  });

  it('given the store closes, then the feed completes', async () => {
    const sqlite = tempStores(engineRegistry);
    const observed = observedEventStore(sqlite.eventStore);
    let completed = false;
    observed.appended.subscribe({ complete: () => (completed = true) });
    await observed.eventStore.close();
    expect(completed).to.equal(true);
    await sqlite.dispose();
  });
});
