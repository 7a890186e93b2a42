import type { Scheduler, Timer } from '../../commands/scheduler.ts';
import type { OutreachLogLine } from './outreachLogLine.ts';

export type WindowWaitsOptions = {
  readonly clock: Scheduler;
  readonly log: (line: OutreachLogLine) => void;
  /** A campaign's refusals are summed until none has come for this long (the dispatcher works through its queue tick by tick). */
  readonly settleMs?: number;
  /** ...or until this long after the first one not yet told, so a long queue still shows progress. */
  readonly maxWaitMs?: number;
};

type Opening = { count: number; told: number };
type Waiting = { readonly companyId: string; readonly openings: Map<string, Opening>; timer?: Timer; since?: number };

/**
 * Due contacts the calling window turned away, told once per campaign and opening rather than once a
 * contact or a tick: `next window opens at T for N contacts`, again only when N has changed.
 */
export const windowWaits = (options: WindowWaitsOptions) => {
  const settleMs = options.settleMs ?? 2_000;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const campaigns = new Map<string, Waiting>();

  const passed = (waiting: Waiting, now: number) => {
    for (const opensAt of waiting.openings.keys()) if (Date.parse(opensAt) <= now) waiting.openings.delete(opensAt);
  };

  const tell = (campaignId: string) => {
    const waiting = campaigns.get(campaignId);
    if (!waiting) return;
    delete waiting.timer;
    delete waiting.since;
    passed(waiting, options.clock.now().getTime());
    for (const [opensAt, opening] of [...waiting.openings].sort(([a], [b]) => a.localeCompare(b))) {
      if (opening.count === opening.told) continue;
      opening.told = opening.count;
      options.log({
        level: 'info',
        message: `next window opens at ${opensAt} for ${opening.count} contacts`,
        fields: { companyId: waiting.companyId, campaignId, opensAt, contacts: opening.count },
      });
    }
    if (waiting.openings.size === 0) campaigns.delete(campaignId);
  };

  return {
    /** A due contact of the campaign waits for the window opening at `opensAt`. */
    refused: (companyId: string, campaignId: string, opensAt: string) => {
      const now = options.clock.now().getTime();
      let waiting = campaigns.get(campaignId);
      if (!waiting) campaigns.set(campaignId, (waiting = { companyId, openings: new Map() }));
      passed(waiting, now);
      const opening = waiting.openings.get(opensAt) ?? { count: 0, told: 0 };
      opening.count += 1;
      waiting.openings.set(opensAt, opening);
      waiting.since ??= now;
      waiting.timer?.cancel();
      waiting.timer = options.clock.after(Math.min(settleMs, waiting.since + maxWaitMs - now), () => tell(campaignId));
    },
    /** The campaign is over: nothing of it is told any more. */
    ended: (campaignId: string) => {
      campaigns.get(campaignId)?.timer?.cancel();
      campaigns.delete(campaignId);
    },
    stop: () => {
      for (const waiting of campaigns.values()) waiting.timer?.cancel();
      campaigns.clear();
    },
  };
};

export type WindowWaits = ReturnType<typeof windowWaits>;
