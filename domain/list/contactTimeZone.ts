import type { TimezoneSource } from './events.ts';
import { phonePrefixTimeZones } from './phonePrefixTimeZones.ts';
import { stateTimeZone } from './stateTimeZones.ts';
import { areaCodeStateOf } from '../outreach/areaCodeStates.ts';

export type ContactZone = {
  readonly timezone: string;
  readonly timezoneSource: TimezoneSource;
  /** The zones the phone's prefix may be in, whatever was chosen; absent when the prefix tells nothing. */
  readonly areaCodeTimezones?: readonly string[];
};

/** The prefix's zones; for a US area code newer than the prefix data, its state's zone. */
const areaCodeZones = (phone: string): readonly string[] => {
  const zones = phonePrefixTimeZones(phone);
  const state = zones.length > 0 ? undefined : areaCodeStateOf(phone);
  const zone = state === undefined ? undefined : stateTimeZone(state);
  return zone === undefined ? zones : [zone];
};

/**
 * A contact's zone: the one given, else its state's, else its phone prefix's when that names exactly
 * one zone, else the company's. A prefix that spans zones decides nothing, as a guess between them
 * could call someone at 7 in the morning; its zones are still kept for the calling-window policy.
 */
export const contactTimeZone = (
  contact: { readonly phone: string; readonly timezone?: string; readonly state?: string },
  companyZone: string,
): ContactZone => {
  const prefixZones = areaCodeZones(contact.phone);
  const kept = prefixZones.length > 0 ? { areaCodeTimezones: [...prefixZones] } : {};
  const fromState = contact.state === undefined ? undefined : stateTimeZone(contact.state);
  if (contact.timezone !== undefined) return { timezone: contact.timezone, timezoneSource: 'contact', ...kept };
  if (fromState !== undefined) return { timezone: fromState, timezoneSource: 'state', ...kept };
  if (prefixZones.length === 1) return { timezone: prefixZones[0]!, timezoneSource: 'area_code', ...kept };
  return { timezone: companyZone, timezoneSource: 'company', ...kept };
};
