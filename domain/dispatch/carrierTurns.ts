/** A campaign that may place calls this tick, with the company it belongs to. */
export type Claimant = { readonly companyId: string; readonly campaignId: string };

/**
 * Who placed the last call: among companies, and within each company among its campaigns. The next
 * turn goes to the first one after them in id order, so the rotation carries over from tick to tick.
 */
export type Rotation = { readonly company: string | null; readonly campaigns: Readonly<Record<string, string>> };

export const firstRotation: Rotation = { company: null, campaigns: {} };

type CompanyClaims = { readonly companyId: string; readonly campaigns: readonly string[] };

/** One tick's carrier allowance being handed out: the calls left, and who may still take one, in id order. */
export type TickTurns = {
  readonly left: number;
  readonly companies: readonly CompanyClaims[];
  readonly rotation: Rotation;
};

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The first id after `last` in the cycle of sorted ids (the first of all when none is after it). */
const nextAfter = <T>(
  sorted: readonly T[],
  idOf: (item: T) => string,
  last: string | null | undefined,
): T | undefined => (last == null ? undefined : sorted.find((item) => idOf(item) > last)) ?? sorted[0];

/** The start of a tick: `allowance` calls to hand out among `claimants`, continuing `rotation`. */
export const tickTurns = (allowance: number, claimants: readonly Claimant[], rotation: Rotation): TickTurns => {
  const campaignsOf = new Map<string, Set<string>>();
  for (const { companyId, campaignId } of claimants)
    campaignsOf.set(companyId, (campaignsOf.get(companyId) ?? new Set()).add(campaignId));
  const companies = [...campaignsOf.keys()]
    .sort(byId)
    .map((companyId) => ({ companyId, campaigns: [...campaignsOf.get(companyId)!].sort(byId) }));
  // Companies with no active campaign leave the rotation, so it stays as small as the active set.
  const campaigns = Object.fromEntries(
    companies.flatMap(({ companyId }) =>
      companyId in rotation.campaigns ? [[companyId, rotation.campaigns[companyId]!]] : [],
    ),
  );
  return { left: Math.max(0, Math.floor(allowance)), companies, rotation: { company: rotation.company, campaigns } };
};

/**
 * Who is offered the next call: round robin across companies, then across the company's campaigns,
 * each starting after the last one that placed a call. None once the allowance is spent or no one
 * can take a call.
 */
export const nextTurn = (turns: TickTurns): Claimant | undefined => {
  if (turns.left <= 0) return undefined;
  const company = nextAfter(turns.companies, (claims) => claims.companyId, turns.rotation.company);
  if (!company) return undefined;
  const campaignId = nextAfter(company.campaigns, (id) => id, turns.rotation.campaigns[company.companyId])!;
  return { companyId: company.companyId, campaignId };
};

/**
 * A placed call spends the allowance and moves the rotation past its company and campaign. A turn not
 * used (no capacity, no contact due in its window) leaves the rotation as it was and drops the campaign
 * for the rest of the tick, so the same call is offered to its company's next campaign, then the next company.
 */
export const afterTurn = (turns: TickTurns, turn: Claimant, placed: boolean): TickTurns => {
  if (placed)
    return {
      ...turns,
      left: turns.left - 1,
      rotation: {
        company: turn.companyId,
        campaigns: { ...turns.rotation.campaigns, [turn.companyId]: turn.campaignId },
      },
    };
  const companies = turns.companies
    .map((claims) =>
      claims.companyId === turn.companyId
        ? { ...claims, campaigns: claims.campaigns.filter((id) => id !== turn.campaignId) }
        : claims,
    )
    .filter((claims) => claims.campaigns.length > 0);
  return { ...turns, companies };
};
