/** Who runs a projection, and until when, unless they renew before then. */
export type Lease = { readonly projection: string; readonly holder: string; readonly expiresAt: Date };

/**
 * One active runner per projection across processes: a runner follows a projection only while it
 * holds that projection's lease, and another process takes the lease over once it lapses.
 */
export interface ProjectionLeases {
  /**
   * Takes or renews the lease for `holder` until `now + ttlMs`, when it is free, expired or already
   * this holder's, in one atomic step. Answers the lease as it stands afterwards, whoever holds it
   * (null when nobody does).
   */
  acquire(projection: string, holder: string, now: Date, ttlMs: number): Promise<Lease | null>;
  /** Frees the lease if `holder` still holds it, so another process can take over at once. */
  release(projection: string, holder: string): Promise<void>;
}

/** Whether the answer of `acquire` leaves `holder` holding the lease at `now`. */
export const holds = (lease: Lease | null, holder: string, now: Date): boolean =>
  lease !== null && lease.holder === holder && lease.expiresAt.getTime() > now.getTime();
