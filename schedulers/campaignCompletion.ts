import { expectedAt } from '../commands/expectedRevision.ts';
import type { EventStore } from '../commands/eventStore.ts';
import type { Scheduler } from '../commands/scheduler.ts';
import { campaignHandler } from '../commands/campaigns/campaignHandler.ts';
import { foldCampaign } from '../commands/campaigns/readCampaign.ts';
import { enrolmentUnfinished } from '../domain/campaign/state.ts';
import { ConcurrencyError, IllegalStateError } from '../domain/errors.ts';
import type { EventRegistry } from '../domain/events/eventRegistry.ts';
import {
  CAMPAIGN_CONTACTS,
  CAMPAIGN_PROGRESS,
  type CampaignProgressDoc,
} from '../projections/campaignContacts/campaignContactDocument.ts';
import { collection } from '../projections/collection.ts';
import type { ReadStore } from '../projections/readStore.ts';
import { campaignsInStatus } from './campaignsInStatus.ts';

import { tickLoop } from './tickLoop.ts';

/** The reason a campaign that finished by itself records. */
export const ALL_CONTACTS_DONE = 'all_contacts_done';

export type CampaignCompletionOptions = {
  /** The clock a conflict's backoff waits on: real time, whatever clock this runs on. */
  readonly realTime?: Scheduler;
  readonly eventStore: EventStore;
  readonly registry: EventRegistry;
  readonly readStore: ReadStore;
  readonly clock: Scheduler;
  readonly intervalMs?: number;
  /** Waits until the read models hold every event up to `position`, so a just-resumed contact is seen. */
  readonly waitForReadModels?: (position: bigint) => Promise<unknown>;
  readonly onError?: (error: unknown, campaignId: string) => void;
};

export type CompletionTick = { readonly checked: number; readonly completed: readonly string[] };

/**
 * Completes each ACTIVE campaign whose contacts are all enrolled and done: none has a call in progress
 * or planned (runs and retries exhausted, completed, withheld) and none a message step still to review
 * or send. Each question is one indexed read of at most one document, whatever the campaign's size.
 */
export const campaignCompletion = (options: CampaignCompletionOptions) => {
  const { readStore, eventStore, clock } = options;
  const handle = campaignHandler({ eventStore, registry: options.registry, realTime: options.realTime });
  const onError = options.onError ?? (() => {});

  // One index (campaign, calls open, messages open) serves both flags: each question names both
  // values, so the index finds the first document without sorting.
  const anyOpen = async (campaign: CampaignProgressDoc, flag: 'callsOpen' | 'messagesOpen'): Promise<boolean> => {
    const other = flag === 'callsOpen' ? 'messagesOpen' : 'callsOpen';
    for (const open of [
      { [flag]: true, [other]: false },
      { [flag]: true, [other]: true },
    ]) {
      const found = await readStore.find(
        CAMPAIGN_CONTACTS,
        { companyId: campaign.companyId, campaignId: campaign.campaignId, ...open },
        { limit: 1 },
      );
      if (found.items.length > 0) return true;
    }
    return false;
  };

  const done = async (campaign: CampaignProgressDoc): Promise<boolean> => {
    // Enrolment is read in batches: a launch half-read is not a campaign with fewer contacts.
    if (campaign.enrolled < campaign.contactCount) return false;
    if (campaign.calls && (await anyOpen(campaign, 'callsOpen'))) return false;
    return !(campaign.messages && (await anyOpen(campaign, 'messagesOpen')));
  };

  /** Completes the campaign at the revision it was found ACTIVE at; anything newer on its stream waits for the next tick. */
  const complete = async (campaign: CampaignProgressDoc, now: Date): Promise<boolean> => {
    const { state } = await foldCampaign(eventStore, campaign.campaignId);
    // The stream, not the read model, has the last word on whether enrolment is whole.
    if (state.status !== 'ACTIVE' || enrolmentUnfinished(state)) return false;
    try {
      await handle(
        {
          type: 'CompleteCampaign',
          data: {
            campaignId: campaign.campaignId,
            companyId: campaign.companyId,
            now: now.toISOString(),
            reason: ALL_CONTACTS_DONE,
          },
        },
        {
          commandId: `complete/${campaign.campaignId}/${state.revision}`,
          companyId: campaign.companyId,
          actor: 'campaign-completion',
          now,
        },
        { expectedRevision: expectedAt(state.revision) },
      );
      return true;
    } catch (error) {
      if (error instanceof ConcurrencyError || error instanceof IllegalStateError) return false;
      throw error;
    }
  };

  const tick = async (): Promise<CompletionTick> => {
    const candidates: CampaignProgressDoc[] = [];
    const campaigns = await campaignsInStatus(readStore, 'ACTIVE');
    for (const campaign of campaigns) if (await done(campaign)) candidates.push(campaign);
    if (candidates.length === 0) return { checked: campaigns.length, completed: [] };
    if (options.waitForReadModels) await options.waitForReadModels(await eventStore.headPosition());
    const completed: string[] = [];
    const now = clock.now();
    for (const found of candidates) {
      try {
        // Read again once the models hold everything written so far: a contact resumed meanwhile keeps it open.
        const campaign =
          (await collection<CampaignProgressDoc>(readStore, CAMPAIGN_PROGRESS).get(found.campaignId)) ?? found;
        if (campaign.status === 'ACTIVE' && (await done(campaign)) && (await complete(campaign, now)))
          completed.push(campaign.campaignId);
      } catch (error) {
        onError(error, found.campaignId);
      }
    }
    return { checked: campaigns.length, completed };
  };

  const loop = tickLoop({
    clock,
    intervalMs: options.intervalMs ?? 5000,
    tick,
    onError: (error) => onError(error, '*'),
  });

  return {
    tick,
    start: loop.start,
    stop: loop.stop,
  };
};

export type CampaignCompletion = ReturnType<typeof campaignCompletion>;
