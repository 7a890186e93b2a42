import { IANAZone } from 'luxon';

/**
 * The instants at which a calling window may open or close: every wall-clock threshold of every zone
 * involved, under each offset the zone has around that day, plus the zone's offset changes. Between two
 * consecutive boundaries no local time crosses a threshold, so the window's answer cannot change there.
 * Extra instants are harmless (each is checked); a missing one would not be, hence both offsets.
 */

const hour = 3_600_000;
const day = 24 * hour;

const zones = new Map<string, IANAZone>();
const zoneOf = (name: string): IANAZone => {
  let zone = zones.get(name);
  if (zone === undefined) {
    zone = IANAZone.create(name);
    if (zones.size < 1_000) zones.set(name, zone);
  }
  return zone;
};

/** Offset in ms at a UTC instant; an unknown zone counts as UTC (the window check refuses it anyway). */
const offsetAt = (zone: IANAZone, at: number): number => (zone.isValid ? zone.offset(at) * 60_000 : 0);

/** The first instant in (from, to] whose offset differs from the offset at `from` (both differ). */
const changeBetween = (zone: IANAZone, from: number, to: number): number => {
  const before = offsetAt(zone, from);
  let low = from;
  let high = to;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(zone, middle) === before) low = middle;
    else high = middle;
  }
  return high;
};

/** Offset changes of a zone within [from, to), sampled every three hours (zones change at most twice a year). */
export const offsetChanges = (zoneName: string, from: number, to: number): number[] => {
  const zone = zoneOf(zoneName);
  const changes: number[] = [];
  for (let at = from; at < to; at += 3 * hour) {
    const next = Math.min(at + 3 * hour, to);
    if (offsetAt(zone, at) !== offsetAt(zone, next)) changes.push(changeBetween(zone, at, next));
  }
  return changes;
};

/**
 * Boundaries in [from, to) for wall-clock thresholds (minutes after local midnight) in the given zones,
 * plus each zone's offset changes.
 */
export const wallClockBoundaries = (
  zoneNames: readonly string[],
  thresholdMinutes: readonly number[],
  from: number,
  to: number,
): number[] => {
  const found: number[] = [];
  for (const zoneName of zoneNames) {
    const zone = zoneOf(zoneName);
    // Local calendar days overlapping [from, to), with a day's margin for zones far from UTC.
    for (let utcDay = Math.floor(from / day) * day - day; utcDay < to + day; utcDay += day) {
      const offsets = new Set([
        offsetAt(zone, utcDay - 14 * hour),
        offsetAt(zone, utcDay + 12 * hour),
        offsetAt(zone, utcDay + 38 * hour),
      ]);
      for (const offset of offsets)
        for (const minutes of thresholdMinutes) {
          const at = utcDay + minutes * 60_000 - offset;
          if (at >= from && at < to) found.push(at);
        }
    }
    found.push(...offsetChanges(zoneName, from, to));
  }
  return found;
};
