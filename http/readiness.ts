import type { RequestHandler } from 'express';

/** Where one projection stands against the head of the event store. */
export type ProjectionStatus = {
  readonly name: string;
  readonly version: number;
  readonly checkpoint: bigint;
  readonly head: bigint;
  /** Events the projection has still to apply (positions need not be consecutive, so it is counted, not derived). */
  readonly lag: number;
  /** Set when counting stopped: the projection is at least `lag` events behind. */
  readonly lagAtLeast?: boolean;
  /** Why the projection stopped (an event it cannot decode, say); a stopped projection is never ready. */
  readonly failed?: string;
  /** With projection leases: whether this process runs the projection, and which process holds its lease. */
  readonly active?: boolean;
  readonly heldBy?: string;
};

/** What `/readyz` asks; a check that throws or hangs counts as down. Report the versions readers see. */
export interface Readiness {
  eventStore(): Promise<boolean>;
  readStore(): Promise<boolean>;
  projections(): Promise<readonly ProjectionStatus[]>;
}

export type ReadinessOptions = {
  /** Largest lag, in events, at which the process still takes traffic. */
  readonly maxLag: number;
  /** A check slower than this counts as failed, so a hung store cannot hang the probe. */
  readonly timeoutMs: number;
};

export type ReadinessReport = {
  readonly status: 'ready' | 'not_ready';
  readonly eventStore: 'up' | 'down';
  readonly readStore: 'up' | 'down';
  readonly maxLag: number;
  readonly projections: readonly {
    name: string;
    version: number;
    checkpoint: string;
    head: string;
    lag: number;
    lagAtLeast?: true;
    status: 'ok' | 'lagging' | 'stopped';
    failed?: string;
    active?: boolean;
    heldBy?: string;
  }[];
  readonly problems: readonly string[];
};

const withTimeout = async <A>(check: () => Promise<A>, ms: number): Promise<A | undefined> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([check().catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
};

export const checkReadiness = async (readiness: Readiness, options: ReadinessOptions): Promise<ReadinessReport> => {
  const [eventStore, readStore, projections] = await Promise.all([
    withTimeout(() => readiness.eventStore(), options.timeoutMs),
    withTimeout(() => readiness.readStore(), options.timeoutMs),
    withTimeout(() => readiness.projections(), options.timeoutMs),
  ]);
  const problems: string[] = [];
  if (eventStore !== true) problems.push('event store unreachable');
  if (readStore !== true) problems.push('read store unreachable');
  if (projections === undefined) problems.push('projection status unavailable');
  const rows = (projections ?? []).map((p) => {
    // A count that stopped at or below the bound cannot show the projection within it.
    const lagging = p.lagAtLeast === true || !(p.lag <= options.maxLag);
    const lagText = `${p.lagAtLeast ? 'at least ' : ''}${p.lag}`;
    if (p.failed) problems.push(`projection ${p.name} v${p.version} stopped: ${p.failed}`);
    else if (lagging)
      problems.push(`projection ${p.name} v${p.version} lags by ${lagText} events (at most ${options.maxLag})`);
    const status = p.failed ? 'stopped' : lagging ? 'lagging' : 'ok';
    const row = {
      name: p.name,
      version: p.version,
      checkpoint: String(p.checkpoint),
      head: String(p.head),
      lag: p.lag,
      status,
    } as const;
    return {
      ...row,
      ...(p.lagAtLeast ? { lagAtLeast: true as const } : {}),
      ...(p.failed ? { failed: p.failed } : {}),
      ...(p.active === undefined ? {} : { active: p.active }),
      ...(p.heldBy ? { heldBy: p.heldBy } : {}),
    };
  });
  return {
    status: problems.length === 0 ? 'ready' : 'not_ready',
    eventStore: eventStore === true ? 'up' : 'down',
    readStore: readStore === true ? 'up' : 'down',
    maxLag: options.maxLag,
    projections: rows,
    problems,
  };
};

/** 200 when the process can serve, 503 otherwise; the body says why either way. */
export const readinessHandler =
  (readiness: Readiness, options: ReadinessOptions): RequestHandler =>
  async (_req, res) => {
    const report = await checkReadiness(readiness, options);
    res
      .status(report.status === 'ready' ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json(report);
  };
