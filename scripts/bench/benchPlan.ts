import { ConfigurationError } from '../../domain/errors.ts';

/**
 * Each case's size in a full run and in a `--quick` one. The runner hands a case its size on the
 * command line; a case script never fixes a size of its own, so `--quick` reaches every case.
 */
export const caseSizes = {
  /** Events seeded, read and rebuilt by the rebuild case. */
  events: { full: 1_000_000, quick: 100_000 },
  /** Appends of the concurrent append case; the sequential one does at most `sequentialAppends`. */
  appends: { full: 100_000, quick: 20_000 },
  sequentialAppends: { full: 20_000, quick: 5_000 },
  /** Documents in the due queue the dispatcher selects from. */
  dispatchQueue: { full: 1_000_000, quick: 100_000 },
  /** Rows of the imported CSV. */
  importCases: { full: 100_000, quick: 20_000 },
  /** Contacts of the launched campaign, launched each run, with its raw baseline. */
  launchContacts: { full: 100_000, quick: 20_000 },
  /** Contacts of the larger launch, run once, whose time says whether a launch's time follows its size. */
  launchLargeContacts: { full: 1_000_000, quick: 200_000 },
  /** Signed callbacks sent, to the engine and to the bare express server alike. */
  callbacks: { full: 20_000, quick: 5_000 },
  /** Requests of the soak. */
  requests: { full: 100_000, quick: 10_000 },
  /** Contacts of the launched campaign a command is timed on, against one of 10. */
  bigCampaignContacts: { full: 100_000, quick: 20_000 },
  /** Cases a list holds before 1,000 more are added, against an empty list. */
  bigListCases: { full: 300_000, quick: 50_000 },
  /** Contacts of the reported campaign. */
  reportContacts: { full: 100_000, quick: 20_000 },
} as const;

export type CaseSizes = { -readonly [K in keyof typeof caseSizes]: number };

/** The flags that choose sizes; each given size wins over `--quick`'s. */
export type SizeFlags = {
  readonly quick?: boolean;
  readonly runs?: string;
  readonly events?: string;
  readonly appends?: string;
  readonly requests?: string;
};

export type BenchPlan = {
  readonly quick: boolean;
  /** Runs per figure, of which the median is printed. */
  readonly runs: number;
  /**
   * Runs of the cases that take minutes each, as the soak (whose figure is the growth within one long
   * run): one unless `--runs` says otherwise.
   */
  readonly longRuns: number;
  readonly sizes: CaseSizes;
};

const wholeNumber = (flag: string, text: string): number => {
  if (!/^[1-9]\d*$/.test(text))
    throw new ConfigurationError(`--${flag}`, `expected a whole number above 0, got ${text}`);
  return Number(text);
};

/** Runs per figure and every case's size: the full run's, or `--quick`'s, with the size flags on top. */
export const benchPlan = (flags: SizeFlags): BenchPlan => {
  const quick = flags.quick === true;
  const sizes = Object.fromEntries(
    Object.entries(caseSizes).map(([name, size]) => [name, quick ? size.quick : size.full]),
  ) as CaseSizes;
  for (const name of ['events', 'appends', 'requests'] as const) {
    const given = flags[name];
    if (given !== undefined) sizes[name] = wholeNumber(name, given);
  }
  sizes.sequentialAppends = Math.min(sizes.appends, sizes.sequentialAppends);
  const runs = flags.runs === undefined ? (quick ? 1 : 3) : wholeNumber('runs', flags.runs);
  // Three soaks of 100,000 requests would take a full run past 25 minutes on 2 cores with the other cases.
  const longRuns = flags.runs === undefined ? 1 : runs;
  return { quick, runs, longRuns, sizes };
};
