import type { EventStore } from '../../commands/eventStore.ts';

/** What earlier runs left in the store the demo opens. */
export type EarlierData = {
  readonly events: number;
  readonly companies: readonly string[];
  /** When the latest of them happened (on the earlier runs' simulated clocks). */
  readonly lastAt: Date | undefined;
};

/** Counts the events already stored and names the companies they opened. */
export const earlierData = async (eventStore: EventStore): Promise<EarlierData> => {
  let events = 0;
  const companies: string[] = [];
  let lastAt = Number.NEGATIVE_INFINITY;
  for await (const event of eventStore.readAll()) {
    events += 1;
    lastAt = Math.max(lastAt, Date.parse(event.metadata.occurredAt));
    if (event.type === 'CompanyCreated') companies.push((event.data as { name: string }).name);
  }
  return { events, companies, lastAt: events > 0 ? new Date(lastAt) : undefined };
};

/**
 * When this run's simulated clock starts: the Monday at the default's time of day after the earlier
 * runs ended, so its outreach is the latest each contact had and their replies are answered for this
 * run's company (and time in the store never runs backwards).
 */
export const demoStart = (start: Date, earlier: EarlierData): Date => {
  const DAY = 86_400_000;
  let at = start.getTime();
  const after = earlier.lastAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  if (at > after) return start;
  at += Math.ceil((after - at + 1) / DAY) * DAY;
  while (new Date(at).getUTCDay() !== start.getUTCDay()) at += DAY;
  return new Date(at);
};

/** The demo company's name: the plain one on a fresh store, `<name> (run n)` beside the earlier runs' companies. */
export const demoCompanyName = (name: string, earlier: EarlierData): string => {
  const runs = earlier.companies.filter((company) => company === name || company.startsWith(`${name} (run `)).length;
  return runs === 0 ? name : `${name} (run ${runs + 1})`;
};

/** What the demo tells a user whose data directory is not empty: what it found and what it does with it. */
export const earlierDataText = (where: string, earlier: EarlierData, company: string, start: Date): string => {
  const shown = earlier.companies
    .slice(0, 3)
    .map((name) => `'${name}'`)
    .join(', ');
  const more = earlier.companies.length > 3 ? ` and ${earlier.companies.length - 3} more` : '';
  const companies =
    earlier.companies.length === 1 ? `company ${shown}` : `${earlier.companies.length} companies (${shown}${more})`;
  return [
    `Found earlier data in ${where}: ${earlier.events} events, ${companies}.`,
    `This run keeps it and adds the company '${company}' beside it, its clock starting ${start.toISOString()} after the earlier outreach; the summary counts this run's campaign only.`,
    'To start afresh, give --data-dir an empty directory (or remove this one yourself).',
  ].join('\n');
};
