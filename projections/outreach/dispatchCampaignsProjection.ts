import type { CampaignEvent } from '../../domain/campaign/events.ts';
import { callingRuns } from '../../domain/campaign/voiceRuns.ts';
import type { CampaignStatus } from '../../domain/campaign/state.ts';
import type { TimeSlot } from '../../domain/values.ts';
import { projectionOf, type EventHandler } from '../projection.ts';
import type { Doc } from '../readStore.ts';

export const DISPATCH_CAMPAIGNS = 'dispatch_campaigns';

export type DispatchRun = { index: number; start: string; slots: TimeSlot[] };

/** What the dispatcher needs of a launched campaign: status, runs that call, pace and retry settings. */
export type DispatchCampaign = Doc & {
  campaignId: string;
  status: CampaignStatus;
  launchedAt: string;
  agentId?: string;
  voiceRuns: DispatchRun[];
  scheduleSlots: TimeSlot[];
  concurrency: { limit?: number; pacingPerMinute?: number };
  retry: { maxAttempts?: number; intervalMinutes?: number };
  /** Whether the campaign's calls are recorded. */
  recordCalls?: boolean;
};

/** Runs that place calls, in the order the campaign lists them; slots were checked at launch. */
const voiceRuns = (settings: Parameters<typeof callingRuns>[0]): DispatchRun[] =>
  callingRuns(settings).map((run) => ({ index: run.index, start: run.start, slots: run.slots as TimeSlot[] }));

type Fed = Extract<
  CampaignEvent,
  { type: 'CampaignLaunched' | 'CampaignPaused' | 'CampaignResumed' | 'CampaignCompleted' }
>;

const becomes =
  (status: CampaignStatus): EventHandler<Fed> =>
  (event) => [
    {
      collection: DISPATCH_CAMPAIGNS,
      id: event.data.campaignId,
      apply: (current) => (current ? { ...current, status } : null),
    },
  ];

/** One document per launched campaign; drafts never appear, so they can never dispatch. */
export const dispatchCampaignsProjection = projectionOf<Fed>({
  name: 'dispatch_campaigns',
  version: 2,
  collections: [
    {
      name: DISPATCH_CAMPAIGNS,
      indexes: [
        {
          fields: [
            ['status', 1],
            ['_id', 1],
          ],
        },
      ],
    },
  ],
  handlers: {
    CampaignLaunched: (event) => {
      const { campaignId, launchedAt, settings } = event.data;
      const doc: DispatchCampaign = {
        _id: campaignId,
        companyId: event.metadata.companyId,
        campaignId,
        status: 'ACTIVE',
        launchedAt,
        ...(settings.agentId !== undefined ? { agentId: settings.agentId } : {}),
        voiceRuns: voiceRuns(settings),
        scheduleSlots: (settings.schedule?.slots ?? []) as TimeSlot[],
        concurrency: { ...settings.concurrency },
        retry: { ...settings.retry },
        ...(settings.recordCalls !== undefined ? { recordCalls: settings.recordCalls } : {}),
      };
      return [{ collection: DISPATCH_CAMPAIGNS, id: campaignId, apply: () => doc }];
    },
    CampaignPaused: becomes('PAUSED'),
    CampaignResumed: becomes('ACTIVE'),
    CampaignCompleted: becomes('COMPLETED'),
  },
});
