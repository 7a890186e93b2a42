import type { LeaseKeeperOptions } from '../../projections/leaseKeeper.ts';
import { holds, type Lease } from '../../projections/projectionLeases.ts';
import type { Timer } from '../../commands/scheduler.ts';

/** Another process runs the projections: a rebuild beside it would write the same read models. */
export class LeasesHeldError extends Error {
  constructor(readonly held: readonly Lease[]) {
    const holders = [...new Set(held.map((lease) => lease.holder))];
    const until = (holder: string) =>
      new Date(
        Math.max(...held.filter((lease) => lease.holder === holder).map((lease) => lease.expiresAt.getTime())),
      ).toISOString();
    super(
      `${holders
        .map(
          (holder) =>
            `${holder} holds the leases of ${held
              .filter((lease) => lease.holder === holder)
              .map((lease) => lease.projection)
              .join(', ')} (the lease expires at ${until(holder)} unless renewed)`,
        )
        .join('; ')}. ` +
        'Stop that process first (npm start renews its leases while it runs), or pass --force to rebuild beside it.',
    );
    this.name = 'LeasesHeldError';
  }
}

export type RebuildLeasesOptions = Pick<
  LeaseKeeperOptions,
  'leases' | 'holder' | 'leaseMs' | 'projections' | 'clock'
> & {
  /** Whether a holder has ended for certain (a killed process of this host): its lease is freed, not waited out. */
  readonly gone: (holder: string) => boolean;
};

/**
 * Takes every projection's lease for the rebuild, as a running service would, so no service follows
 * them meanwhile, and keeps them renewed until released. Throws LeasesHeldError, holding nothing,
 * when another live process holds any of them.
 */
export const takeRebuildLeases = async (options: RebuildLeasesOptions): Promise<{ release(): Promise<void> }> => {
  const { leases, holder, leaseMs, projections, clock } = options;
  const take = async (name: string): Promise<Lease | null> => {
    const lease = await leases.acquire(name, holder, clock.now(), leaseMs);
    if (!lease || lease.holder === holder || !options.gone(lease.holder)) return lease;
    await leases.release(name, lease.holder);
    return leases.acquire(name, holder, clock.now(), leaseMs);
  };
  const taken: string[] = [];
  const held: Lease[] = [];
  for (const name of projections) {
    const lease = await take(name);
    if (holds(lease, holder, clock.now())) taken.push(name);
    else if (lease) held.push(lease);
  }
  const release = async () => {
    for (const name of taken) await leases.release(name, holder);
  };
  if (held.length > 0) {
    await release();
    throw new LeasesHeldError(held);
  }
  // Renewed every third of the lease, as the lease keeper does; the rebuild never waits on it.
  let timer: Timer;
  const renew = () => {
    timer = clock.after(leaseMs / 3, () => {
      void Promise.all(taken.map((name) => leases.acquire(name, holder, clock.now(), leaseMs))).catch(() => undefined);
      renew();
    });
  };
  renew();
  return {
    release: async () => {
      timer.cancel();
      await release();
    },
  };
};
