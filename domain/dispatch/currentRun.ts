/** The run calling now: the last run that calls whose start has passed; none before the first. */
export const currentRun = <R extends { readonly start: string }>(runs: readonly R[], now: Date): R | undefined => {
  let current: R | undefined;
  for (const run of runs) if (Date.parse(run.start) <= now.getTime()) current = run;
  return current;
};
