import { IANAZone } from 'luxon';

/**
 * US zone names as spreadsheets write them. "EST" is also a legacy IANA zone fixed at UTC-5 all
 * year; whoever writes it means Eastern time, summer included, so it is read as America/New_York.
 */
const usZoneNames: ReadonlyMap<string, string> = new Map(
  Object.entries({
    'America/New_York': ['eastern', 'et', 'est', 'edt', 'est5edt', 'us/eastern'],
    'America/Chicago': ['central', 'ct', 'cst', 'cdt', 'cst6cdt', 'us/central'],
    'America/Denver': ['mountain', 'mt', 'mst', 'mdt', 'mst7mdt', 'us/mountain'],
    'America/Phoenix': ['arizona', 'us/arizona'],
    'America/Los_Angeles': ['pacific', 'pt', 'pst', 'pdt', 'pst8pdt', 'us/pacific'],
    'America/Anchorage': ['alaska', 'akst', 'akdt', 'us/alaska'],
    'Pacific/Honolulu': ['hawaii', 'hst', 'us/hawaii'],
  }).flatMap(([zone, names]) => names.map((name) => [name, zone] as const)),
);

/** An IANA zone from an IANA name or a common US zone name or abbreviation; undefined when it is neither. */
export const readTimeZone = (given: string): string | undefined => {
  const simplified = given
    .trim()
    .toLowerCase()
    .replace(/\s+(standard\s+|daylight\s+)?time$/, '');
  const named = usZoneNames.get(simplified);
  if (named) return named;
  const zone = given.trim();
  // Zones are stored as the runtime spells them, whatever letter case the file used.
  return zone.includes('/') && IANAZone.isValidZone(zone)
    ? new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone
    : undefined;
};
