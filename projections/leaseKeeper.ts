import { holds, type Lease, type ProjectionLeases } from './projectionLeases.ts';
import type { RunnerLog } from './runnerLog.ts';
import type { Scheduler, Timer } from '../commands/scheduler.ts';

export type LeaseKeeperOptions = {
  readonly leases: ProjectionLeases;
  /** This process, unique among the processes that share the leases. */
  readonly holder: string;
  /** How long a lease lasts unless renewed. */
  readonly leaseMs: number;
  readonly projections: readonly string[];
  /** The wall clock the leases' expiry is read on (every process's must agree), and the renewals' timers. */
  readonly clock: Scheduler;
  /** Whether a holder has ended for certain: its lease is freed at once rather than left to lapse. */
  readonly gone?: (holder: string) => boolean;
  /** This process now holds the projection's lease: start following it. */
  readonly gained: (projection: string) => Promise<void>;
  /** It may not hold it much longer: stop following it. */
  readonly lost: (projection: string) => Promise<void>;
  readonly log: RunnerLog;
};

type LeaseState = {
  /** The lease as the last answer left it. */
  lease: Lease | null;
  /** Whether this process may follow the projection now. */
  held: boolean;
  following: boolean;
  deadline?: Timer;
  /** Starts and stops of the projection, one at a time, in order. */
  settled: Promise<void>;
};

/**
 * Keeps the leases of a process's projections: asks for each every third of the lease, starts
 * following a projection when its lease is taken, and stops a quarter of the lease before it could
 * lapse unrenewed, so the next holder never writes beside this one (clocks must agree to well within
 * that quarter). A process whose peer died takes over within a lease and a third.
 */
export const leaseKeeper = (options: LeaseKeeperOptions) => {
  const { leases, holder, leaseMs, clock, log } = options;
  const renewEveryMs = leaseMs / 3;
  const stopBeforeMs = leaseMs / 4;
  const states = new Map<string, LeaseState>(
    options.projections.map((name) => [
      name,
      { lease: null, held: false, following: false, settled: Promise.resolve() },
    ]),
  );
  let stopped = false;
  let timer: Timer | undefined;

  /** Brings following in line with holding, after whatever start or stop is under way. */
  const settle = (name: string, state: LeaseState): Promise<void> =>
    (state.settled = state.settled.then(async () => {
      if (state.held && !state.following) {
        try {
          await options.gained(name);
          state.following = true;
        } catch (error) {
          // Given up, so this process or another tries again at the next renewal.
          log.error({ projection: name, holder, err: error }, 'projection not started; its lease is given up');
          letGo(name, state);
          await leases.release(name, holder).catch(() => undefined);
        }
      } else if (!state.held && state.following) {
        state.following = false;
        await options.lost(name);
      }
    }));

  const letGo = (name: string, state: LeaseState, why?: string) => {
    state.deadline?.cancel();
    if (!state.held) return;
    state.held = false;
    if (why) log.info({ projection: name, holder, why }, 'projection lease lost; stopping it here');
    void settle(name, state);
  };

  const renew = async (name: string, state: LeaseState): Promise<void> => {
    let lease: Lease | null;
    try {
      lease = await leases.acquire(name, holder, clock.now(), leaseMs);
      if (lease && lease.holder !== holder && options.gone?.(lease.holder)) {
        // A crashed process restarted on this host need not wait out its own old lease.
        log.info({ projection: name, holder, gone: lease.holder }, 'projection lease of an ended process freed');
        await leases.release(name, lease.holder);
        lease = await leases.acquire(name, holder, clock.now(), leaseMs);
      }
    } catch (error) {
      // The deadline decides: a renewal may still succeed before it.
      log.error({ projection: name, holder, err: error }, 'projection lease not renewed');
      return;
    }
    state.lease = lease;
    // An answer that arrives after the keeper stopped must not keep the lease from the next holder.
    if (stopped) return lease?.holder === holder ? leases.release(name, holder).catch(() => undefined) : undefined;
    const now = clock.now();
    // The lease counts from when it was asked for, so a late answer leaves less of it.
    const safeForMs = holds(lease, holder, now) ? lease!.expiresAt.getTime() - stopBeforeMs - now.getTime() : 0;
    if (safeForMs <= 0)
      return letGo(name, state, lease && lease.holder !== holder ? `held by ${lease.holder}` : 'renewed too late');
    state.deadline?.cancel();
    state.deadline = clock.after(safeForMs, () => letGo(name, state, 'not renewed in time'));
    if (!state.held) {
      state.held = true;
      log.info({ projection: name, holder, expiresAt: lease!.expiresAt.toISOString() }, 'projection lease taken');
      void settle(name, state);
    }
  };

  const renewAll = () => Promise.all([...states].map(([name, state]) => renew(name, state))).then(() => undefined);

  const schedule = () => {
    timer = clock.after(renewEveryMs, () => {
      void renewAll().then(() => {
        if (!stopped) schedule();
      });
    });
  };

  return {
    /** Takes what leases it can and starts following those projections before answering. */
    start: async (): Promise<void> => {
      await renewAll();
      await Promise.all([...states.values()].map((state) => state.settled));
      if (!stopped) schedule();
    },

    /** The lease of a projection as last seen, and whether this process follows it. */
    lease: (name: string): { readonly lease: Lease | null; readonly following: boolean } => {
      const state = states.get(name);
      return { lease: state?.lease ?? null, following: state?.following ?? false };
    },

    /** Stops following every projection, then frees the leases so another process takes over at once. */
    stop: async (): Promise<void> => {
      // A renewal under way is not waited for: the lease store may not answer at all.
      stopped = true;
      timer?.cancel();
      await Promise.all(
        [...states].map(async ([name, state]) => {
          letGo(name, state);
          await settle(name, state);
          if (state.lease?.holder === holder)
            await leases
              .release(name, holder)
              .catch((error: unknown) =>
                log.error({ projection: name, holder, err: error }, 'projection lease not released'),
              );
        }),
      );
    },
  };
};

export type LeaseKeeper = ReturnType<typeof leaseKeeper>;
