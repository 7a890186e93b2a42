import * as t from 'io-ts';
import { closed, closedRecord } from '../codecs/closed.ts';
import { FiniteNumber, minutesOf, refined, TimeOfDay, Weekday } from '../values.ts';
import { areaCodeTableWith } from './areaCodeStates.ts';
import { usStateCodes } from '../list/stateTimeZones.ts';

/**
 * Calling-hours law as data: the federal window and each state's stricter rules, all in the called
 * party's local time. Collected from public sources (named per row) on 2026-11-30; laws change, so
 * configuration may override any row (`callingHoursRules(overrides)`). Where sources disagree the
 * stricter reading ships, and the row says what was chosen.
 */

/** `[start, end)` in local wall-clock time, `HH:mm`; `24:00` ends at midnight. */
const Hours = closed(t.type({ start: TimeOfDay, end: TimeOfDay }));
export const LocalHours = refined('hours whose start comes before their end', Hours, (h) => minutesOf(h.start) < minutesOf(h.end));
export type LocalHours = t.TypeOf<typeof LocalHours>;

/** At most `calls` calls to one person within any `withinHours` hours. */
const Positive = refined('a whole number above 0', FiniteNumber, (n) => Number.isSafeInteger(n) && n > 0);
export const FrequencyCap = closed(t.type({ calls: Positive, withinHours: Positive }));
export type FrequencyCap = t.TypeOf<typeof FrequencyCap>;

/** Per weekday: other hours that day, or `null` for no calls at all that day. */
export const DayHours = closed(t.partial({
  mon: t.union([LocalHours, t.null]),
  tue: t.union([LocalHours, t.null]),
  wed: t.union([LocalHours, t.null]),
  thu: t.union([LocalHours, t.null]),
  fri: t.union([LocalHours, t.null]),
  sat: t.union([LocalHours, t.null]),
  sun: t.union([LocalHours, t.null]),
}));
export type DayHours = t.TypeOf<typeof DayHours>;

export type StateRule = {
  /** Every day's hours unless `days` says otherwise. */
  readonly hours: LocalHours;
  readonly days?: DayHours;
  /** No calls at all on the state's legal holidays. */
  readonly noHolidays?: boolean;
  readonly frequencyCaps?: readonly FrequencyCap[];
  readonly source: string;
  /** What was chosen where sources disagree or are silent, and why. */
  readonly reading?: string;
};

export type CallingHoursRules = {
  readonly federal: LocalHours;
  readonly federalSource: string;
  readonly states: Readonly<Record<string, StateRule>>;
  /** The state of every US area code, whose rules apply as well as the address state's: state to its area codes. */
  readonly presumedResidence: Readonly<Record<string, readonly string[]>>;
};

const survey = 'state telemarketing rules survey (dropcowboy.com/state-compliance, 2025)';
const h = (start: string, end: string): LocalHours => ({ start, end });
const threePerDay: readonly FrequencyCap[] = [{ calls: 3, withinHours: 24 }];

export const federalCallingHours: LocalHours = h('08:00', '21:00');

export const stateCallingRules: Readonly<Record<string, StateRule>> = {
  AL: { hours: h('08:00', '20:00'), days: { sun: null }, noHolidays: true, source: `${survey}; Ala. Code 8-19A-3` },
  LA: { hours: h('08:00', '20:00'), days: { sun: null }, noHolidays: true, source: `${survey}; La. R.S. 45:844.14` },
  MS: {
    hours: h('08:00', '20:00'),
    days: { sun: null },
    noHolidays: true,
    source: `${survey}; Miss. Code 77-3-725; holiday bans listed by clickpoint state calling hours and dnc.dreamhosters.com`,
    reading: 'COMPLIANCE.md names Sundays only; two compliance services also list Mississippi holidays as no-call days: we take the stricter',
  },
  FL: { hours: h('08:00', '20:00'), frequencyCaps: threePerDay, source: 'Fla. Stat. 501.616(6)(a),(b)', reading: 'the cap counts every call to the person, whatever the subject' },
  OK: { hours: h('08:00', '20:00'), frequencyCaps: threePerDay, source: '15 O.S. §775C.4' },
  MD: { hours: h('08:00', '20:00'), frequencyCaps: threePerDay, source: 'Maryland Stop the Spam Calls Act (Com. Law 14-4501)' },
  MA: { hours: h('08:00', '20:00'), source: survey },
  WA: { hours: h('08:00', '20:00'), source: 'RCW 19.158.040' },
  CT: { hours: h('09:00', '20:00'), source: survey },
  NV: { hours: h('09:00', '20:00'), source: survey },
  KY: { hours: h('10:00', '21:00'), source: survey },
  MI: { hours: h('09:00', '21:00'), source: survey },
  MN: { hours: h('09:00', '21:00'), source: survey },
  NM: { hours: h('09:00', '21:00'), source: survey },
  IL: {
    hours: h('09:00', '21:00'),
    source: survey,
    reading: '08:00 for live calls, 09:00 for prerecorded ones; an AI voice is an artificial voice (FCC 24-17), so 09:00',
  },
  ME: {
    hours: h('08:00', '21:00'),
    frequencyCaps: [{ calls: 1, withinHours: 8 }],
    source: survey,
    reading: 'the cap is for autodialed calls; every call the engine places is autodialed, so it always applies',
  },
  PA: {
    hours: h('09:00', '20:00'),
    days: { sun: h('13:30', '20:00') },
    noHolidays: true,
    source: '73 P.S. §2245 (Telemarketer Registration Act); its 2021 amendment banning calls on legal holidays, as reported by dnc.dreamhosters.com',
    reading: 'surveys say 08:00-21:00, an attorney guide (avvo, 2011) says 09:00-20:00, others Sundays from 13:30: we take 09:00-20:00, Sundays 13:30-20:00, no calls on legal holidays',
  },
  RI: {
    hours: h('09:00', '18:00'),
    days: { sat: h('10:00', '17:00'), sun: null },
    noHolidays: true,
    source: 'R.I. Gen. Laws §5-61-3.6 and §5-61-2 (hours of operation)',
    reading: 'hours of operation are Mon-Fri 09:00-18:00 except state or federal holidays, Sat 10:00-17:00; Sundays are not hours of operation',
  },
  TX: {
    hours: h('09:00', '21:00'),
    days: { sun: h('12:00', '21:00') },
    source: 'Tex. Bus. & Com. Code §301.051',
    reading: 'weekdays and Saturdays 09:00-21:00, Sundays 12:00-21:00; no holiday ban found in public sources',
  },
  UT: {
    hours: h('08:00', '21:00'),
    days: { sun: null },
    noHolidays: true,
    source: 'Utah Code §13-25a-103(3)',
    reading: 'no solicitation without prior express consent on Sundays or legal holidays; we assume no such consent',
  },
};

/** One state's rule as configuration may replace it: any part, each part replaced whole. */
export const StateRuleOverride = closed(t.partial({
  hours: LocalHours,
  days: DayHours,
  noHolidays: t.boolean,
  frequencyCaps: t.array(FrequencyCap),
}));
export type StateRuleOverride = t.TypeOf<typeof StateRuleOverride>;

const StateCode = refined('a US state code such as TX', t.string, (s) => usStateCodes.includes(s.toUpperCase()));
const AreaCode = refined('a three-digit area code', t.string, (s) => /^[2-9]\d{2}$/.test(s));

export const CallingHoursOverrides = closed(t.partial({
  federal: LocalHours,
  states: closedRecord(StateCode, StateRuleOverride),
  /** A state's whole list of presumed-resident area codes; an empty list ends its presumption. */
  presumedResidence: closedRecord(StateCode, t.array(AreaCode)),
}));
export type CallingHoursOverrides = t.TypeOf<typeof CallingHoursOverrides>;

/** Monday first, as luxon numbers them (1..7). */
export const weekdays: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The table with configuration's overrides applied; a state absent from the table may be added. */
export const callingHoursRules = (overrides: CallingHoursOverrides = {}): CallingHoursRules => {
  const states: Record<string, StateRule> = { ...stateCallingRules };
  for (const [code, override] of Object.entries(overrides.states ?? {})) {
    const state = code.toUpperCase();
    const base = states[state] ?? { hours: federalCallingHours, source: 'configuration' };
    states[state] = { ...base, ...override, source: `${base.source}; overridden by configuration` };
  }
  const presumedResidence = areaCodeTableWith(overrides.presumedResidence);
  return { federal: overrides.federal ?? federalCallingHours, federalSource: '47 CFR 64.1200(c)(1)', states, presumedResidence };
};

/** The hours a state allows on a weekday, or `null` when that day is closed. */
export const stateHoursOn = (rule: StateRule, day: Weekday): LocalHours | null => {
  const special = rule.days?.[day];
  return special === undefined ? rule.hours : special;
};
