import { DateTime } from 'luxon';

/**
 * The federal 08:00-21:00 rule (47 CFR 64.1200(c)(1)) for texts, which the TCPA treats as calls: the
 * first instant at or after `from` that is inside the window in every zone the contact may be in.
 */

const opens = 8;
const closes = 21;

const allowedIn = (zone: string, at: number): boolean => {
  const hour = DateTime.fromMillis(at, { zone }).hour;
  return hour >= opens && hour < closes;
};

/** Each zone's next 08:00 local after `from`, for a few days: the overlap of all zones opens at one of them. */
const openingsAfter = (zone: string, from: number): number[] => {
  const start = DateTime.fromMillis(from, { zone }).startOf('day');
  return [0, 1, 2, 3].map((days) => start.plus({ days }).set({ hour: opens }).toMillis()).filter((at) => at > from);
};

export const nextFederalOpening = (zones: readonly string[], from: number): number | undefined => {
  const allowed = (at: number) => zones.every((zone) => allowedIn(zone, at));
  if (allowed(from)) return from;
  const candidates = zones.flatMap((zone) => openingsAfter(zone, from)).sort((a, b) => a - b);
  return candidates.find(allowed);
};
