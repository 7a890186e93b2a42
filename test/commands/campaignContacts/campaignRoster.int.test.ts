import { expect } from 'chai';
import { join } from 'node:path';
import { getSqliteEventStore } from '../../../adapters/eventstore/sqlite/sqliteEventStore.ts';
import { campaignRoster } from '../../../commands/campaignContacts/campaignRoster.ts';
import type { EventStore, ReadStreamOptions } from '../../../commands/eventStore.ts';
import { enrolls } from '../../../domain/campaign/campaignContacts.ts';
import { campaignStream, type CampaignEvent } from '../../../domain/campaign/events.ts';
import { engineRegistry } from '../../../domain/engineEvents.ts';
import { seededEvents } from '../../support/seededEvents.ts';
import { tempStores } from '../../support/tempStores.ts';

const campaignId = 'campaign-1';
const stream = campaignStream(campaignId);
let commands = 0;

/** Events as one command of the company records them. */
const recorded = (events: readonly CampaignEvent[]) =>
  seededEvents(events, 'company-1', `command-${++commands}`, new Date('2026-11-30T12:00:00Z'));

const batch = (number: number, contactIds: readonly string[]): CampaignEvent => ({
  type: 'ContactsEnrolled',
  data: {
    campaignId,
    batch: number,
    contacts: contactIds.map((contactId) => ({
      caseId: `case-${contactId}`,
      contactId,
      externalId: `PI-${contactId}`,
      phone: '+13125550100',
      timezone: 'America/Chicago',
      timezoneSource: 'contact',
    })),
  },
});

describe("a campaign's roster, read from its stream", () => {
  let stores: ReturnType<typeof tempStores>;
  let other: EventStore | undefined;
  beforeEach(() => {
    stores = tempStores(engineRegistry);
  });
  afterEach(async () => {
    await other?.close();
    await stores.dispose();
  });

  it('given a roster read once, when another process enrols more, then the next read reads only what was appended and holds them all', async () => {
    let eventsRead = 0;
    const store = stores.eventStore;
    const counted: EventStore = {
      ...store,
      maxAppendBytes: store.maxAppendBytes,
      async *readStream(name: string, options?: ReadStreamOptions) {
        for await (const event of store.readStream(name, options)) {
          eventsRead++;
          yield event;
        }
      },
    };
    const started: CampaignEvent = {
      type: 'CampaignDraftStarted',
      data: { campaignId, companyId: 'company-1', name: 'Everyone', createdAt: '2026-11-30T12:00:00.000Z' },
    };
    await store.append(stream, recorded([started, batch(0, ['a1', 'a2']), batch(1, ['b1'])]), 'no_stream');
    const first = await campaignRoster(counted, campaignId);
    expect(eventsRead).to.equal(3);

    other = getSqliteEventStore({ path: join(stores.dir, 'events.db'), registry: engineRegistry });
    await other.append(stream, recorded([batch(2, ['c1', 'c2'])]), 2n);
    const second = await campaignRoster(counted, campaignId);

    expect(eventsRead).to.equal(4);
    expect(['a1', 'a2', 'b1'].every((id) => enrolls(first.roster, id))).to.equal(true);
    expect(enrolls(first.roster, 'c1')).to.equal(false);
    expect(['a1', 'a2', 'b1', 'c1', 'c2'].every((id) => enrolls(second.roster, id))).to.equal(true);
    expect(second.position > first.position).to.equal(true);
  });
});
