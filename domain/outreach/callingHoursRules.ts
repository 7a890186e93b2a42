import * as t from 'io-ts';
import { DateTime } from 'luxon';
import { closed, closedRecord } from '../codecs/closed.ts';
import { NonEmptyString, refined, Weekday } from '../values.ts';
import { areaCodeTableWith } from './areaCodeStates.ts';
import { usStateCodes } from '../list/stateTimeZones.ts';
import { artificialVoiceRules, federalCallingHours, federalSource, stateCallingRules } from './stateRuleTable.ts';
import { Binding, DayHours, FrequencyCap, LocalHours, type StateRule } from './stateRule.ts';

export { artificialVoiceRules, federalCallingHours, stateCallingRules } from './stateRuleTable.ts';
export * from './stateRule.ts';

/**
 * Calling-hours law as data: the federal window and each state's rows (its telephone-solicitation row
 * and its artificial-voice row), all in the called party's local time. Laws change, so configuration
 * may narrow any row, and widen one beyond the shipped table only with an acknowledgement
 * (`domain/compliance/legalFloor.ts`); the federal hours may never be widened.
 */

/** What campaigns are taken to be: `solicitation` (the default) applies every row; `informational` skips solicitation-only ones. */
export const CampaignPurpose = t.keyof({ solicitation: null, informational: null }, 'solicitation or informational');
export type CampaignPurpose = t.TypeOf<typeof CampaignPurpose>;

const StateCode = refined('a US state code such as TX', t.string, (s) => usStateCodes.includes(s.toUpperCase()));
const AreaCode = refined('a three-digit area code', t.string, (s) => /^[2-9]\d{2}$/.test(s));
export const LocalDate = refined(
  'a date yyyy-MM-dd',
  t.string,
  (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s).isValid,
);
const Reason = NonEmptyString;

/** Dated days (in the contact's local time, both ends included) with no calls or texts to the states named. */
const BlackoutShape = closed(
  t.type({
    states: refined('at least one state', t.array(StateCode), (s) => s.length > 0),
    from: LocalDate,
    until: LocalDate,
    reason: Reason,
    binds: Binding,
  }),
);
export const Blackout = refined(
  'a blackout whose from is not after its until',
  BlackoutShape,
  (b) => b.from <= b.until,
);
export type Blackout = t.TypeOf<typeof Blackout>;

/** One row as configuration may replace it: any part, each part replaced whole. */
export const StateRuleOverride = closed(
  t.partial({
    hours: LocalHours,
    days: DayHours,
    noHolidays: t.boolean,
    holidayHours: t.union([LocalHours, t.null]),
    frequencyCaps: t.array(FrequencyCap),
    binds: Binding,
    /** Why a row wider than the shipped one is right: required for any widening. */
    acknowledgeWider: Reason,
  }),
);
export type StateRuleOverride = t.TypeOf<typeof StateRuleOverride>;

export const CallingHoursOverrides = closed(
  t.partial({
    /** May only narrow the federal 08:00-21:00. */
    federal: LocalHours,
    /** Telephone-solicitation rows by state. */
    states: closedRecord(StateCode, StateRuleOverride),
    /** Artificial-voice rows by state. */
    artificialVoice: closedRecord(StateCode, StateRuleOverride),
    /** A state's whole list of presumed-resident area codes; an empty list ends its presumption. */
    presumedResidence: closedRecord(StateCode, t.array(AreaCode)),
    purpose: CampaignPurpose,
    blackouts: t.array(Blackout),
    /** Extra holidays (a governor's proclamation) for every row of the state with a holiday rule. */
    holidays: closedRecord(StateCode, t.array(LocalDate)),
    /** Why the wider `purpose` or `presumedResidence` is right. */
    acknowledgeWider: Reason,
  }),
);
export type CallingHoursOverrides = t.TypeOf<typeof CallingHoursOverrides>;

export type CallingHoursRules = {
  readonly federal: LocalHours;
  readonly federalSource: string;
  /** Telephone-solicitation rows. */
  readonly states: Readonly<Record<string, StateRule>>;
  /** Artificial- or prerecorded-voice rows. */
  readonly artificialVoice: Readonly<Record<string, StateRule>>;
  /** The state of every US area code, whose rules apply as well as the address state's: state to its area codes. */
  readonly presumedResidence: Readonly<Record<string, readonly string[]>>;
  readonly purpose: CampaignPurpose;
  readonly blackouts: readonly Blackout[];
  /** Configured holidays by state, `yyyy-MM-dd`, on top of the holiday calendar. */
  readonly holidays: Readonly<Record<string, readonly string[]>>;
};

/** Monday first, as luxon numbers them (1..7). */
export const weekdays: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const upperKeys = <V>(record: Readonly<Record<string, V>> | undefined): [string, V][] =>
  Object.entries(record ?? {}).map(([k, v]) => [k.toUpperCase(), v]);

const overridden = (
  table: Readonly<Record<string, StateRule>>,
  overrides: Readonly<Record<string, StateRuleOverride>> | undefined,
  added: StateRule,
): Record<string, StateRule> => {
  const rows: Record<string, StateRule> = { ...table };
  for (const [state, { acknowledgeWider: _why, ...override }] of upperKeys(overrides)) {
    const base = rows[state] ?? added;
    // A part given as undefined (from code rather than JSON) keeps the row's own.
    const parts = Object.fromEntries(Object.entries(override).filter(([, value]) => value !== undefined));
    rows[state] = { ...base, ...parts, source: `${base.source}; overridden by configuration` };
  }
  return rows;
};

/** The table with configuration's overrides applied; a state absent from the table may be added. */
export const callingHoursRules = (overrides: CallingHoursOverrides = {}): CallingHoursRules => {
  const added = { hours: federalCallingHours, source: 'configuration' };
  const presumedResidence = areaCodeTableWith(overrides.presumedResidence);
  const holidays: Record<string, readonly string[]> = {};
  for (const [code, dates] of upperKeys(overrides.holidays)) holidays[code] = [...(holidays[code] ?? []), ...dates];
  return {
    federal: overrides.federal ?? federalCallingHours,
    federalSource,
    states: overridden(stateCallingRules, overrides.states, {
      ...added,
      binds: 'solicitations',
      covers: 'voice_and_texts',
    }),
    artificialVoice: overridden(artificialVoiceRules, overrides.artificialVoice, {
      ...added,
      binds: 'every_automated_call',
      covers: 'voice',
    }),
    presumedResidence,
    purpose: overrides.purpose ?? 'solicitation',
    blackouts: (overrides.blackouts ?? []).map((b) => ({ ...b, states: b.states.map((s) => s.toUpperCase()) })),
    holidays,
  };
};

/** The hours a row allows on a weekday, or `null` when that day is closed. */
export const stateHoursOn = (rule: StateRule, day: Weekday): LocalHours | null => {
  const special = rule.days?.[day];
  return special === undefined ? rule.hours : special;
};

/** What a row allows on a holiday beyond its day's hours: `closed`, other hours, or nothing more (`undefined`). */
export const holidayRuleOf = (rule: StateRule): 'closed' | LocalHours | undefined =>
  rule.noHolidays || rule.holidayHours === null ? 'closed' : (rule.holidayHours ?? undefined);
