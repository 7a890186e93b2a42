/** The label a campaign's metrics carry: its own id, `other` past the cap, `none` for facts of no campaign. */
export type SeriesLabels = { readonly company: string; readonly campaign: string };

export type CampaignSeriesOptions = {
  /** Campaigns with series of their own at once; the rest share `campaign="other"` of their company. */
  readonly cap: number;
  /** How long a campaign keeps its series after it was last active or last seen in an event. */
  readonly graceMs: number;
};

export const OTHER_CAMPAIGNS = 'other';
export const NO_CAMPAIGN = 'none';

type Seen = { readonly companyId: string; lastActive: number };

/**
 * Which campaigns have metric series of their own: bounded by a cap, and each released `graceMs`
 * after its campaign stopped being active, so label sets never grow with the campaigns ever run.
 */
export const campaignSeries = (options: CampaignSeriesOptions) => {
  const seen = new Map<string, Seen>();

  const expire = (now: number): { companyId: string; campaignId: string }[] => {
    const gone: { companyId: string; campaignId: string }[] = [];
    for (const [campaignId, entry] of seen)
      if (entry.lastActive < now - options.graceMs) {
        seen.delete(campaignId);
        gone.push({ companyId: entry.companyId, campaignId });
      }
    return gone;
  };
  let expired: { companyId: string; campaignId: string }[] = [];

  return {
    /** The labels of a fact about the campaign now; seeing it keeps its series alive. */
    labels: (companyId: string, campaignId: string | undefined, now: number): SeriesLabels => {
      if (campaignId === undefined) return { company: companyId, campaign: NO_CAMPAIGN };
      const entry = seen.get(campaignId);
      if (entry) {
        entry.lastActive = Math.max(entry.lastActive, now);
        return { company: companyId, campaign: campaignId };
      }
      // Full: campaigns past their grace make room before anyone is sent to `other`.
      if (seen.size >= options.cap) expired.push(...expire(now));
      if (seen.size >= options.cap) return { company: companyId, campaign: OTHER_CAMPAIGNS };
      seen.set(campaignId, { companyId, lastActive: now });
      return { company: companyId, campaign: campaignId };
    },
    /** Campaigns whose series are to be removed: past their grace, or made room for since last asked. */
    released: (now: number): { companyId: string; campaignId: string }[] => {
      const gone = [...expired, ...expire(now)];
      expired = [];
      return gone;
    },
  };
};

export type CampaignSeries = ReturnType<typeof campaignSeries>;
