import type { EventRegistry } from '../../../domain/events/eventRegistry.ts';
import {
  DISPATCH_CAMPAIGNS,
  type DispatchCampaign,
} from '../../../projections/outreach/dispatchCampaignsProjection.ts';
import { collection } from '../../../projections/collection.ts';
import type { ReadStore } from '../../../projections/readStore.ts';
import type { EventStore } from '../../eventStore.ts';
import { callSettlement } from '../callSettlement.ts';
import { callHandler, enrollmentHandler } from '../enrollmentHandler.ts';

/** The settlement the dispatcher keeps, for a process that takes reports without running a dispatcher (the API alone). */
export const reportSettlement = (deps: {
  readonly eventStore: EventStore;
  readonly registry: EventRegistry;
  readonly readStore: ReadStore;
}) =>
  callSettlement({
    eventStore: deps.eventStore,
    calls: callHandler(deps),
    enrollments: enrollmentHandler(deps),
    retrySettingsOf: async (campaignId) => {
      const campaign = await collection<DispatchCampaign>(deps.readStore, DISPATCH_CAMPAIGNS).get(campaignId);
      return { voiceRuns: campaign?.voiceRuns ?? [], ...(campaign?.retry ? { retry: campaign.retry } : {}) };
    },
  });
