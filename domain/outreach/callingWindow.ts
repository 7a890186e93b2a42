import { DateTime } from 'luxon';
import { minutesOf, type TimeSlot } from '../values.ts';
import {
  countsTexts,
  holidayRuleOf,
  stateHoursOn,
  weekdays,
  type Blackout,
  type CallingHoursRules,
  type LocalHours,
  type StateRule,
} from './callingHoursRules.ts';
import { areaCodeStateOf, type AreaCodeTable } from './areaCodeStates.ts';
import { wallClockBoundaries } from './windowBoundaries.ts';
import { minuteOfDay, withinSlots } from './withinSlots.ts';

/**
 * When a contact may be called or texted: the federal window, each state's rows (telephone
 * solicitation, artificial voice), configured blackouts, the campaign's slots, state holidays and
 * per-person frequency caps, all in the contact's local time. A contact is judged by the rules of its
 * address state and of its area code's state, in every zone either may put it in: a call is allowed
 * only in the overlap of all their windows.
 * Instants are milliseconds since the epoch (UTC).
 */

/** Whether a state's legal holiday falls on a local date (`yyyy-MM-dd`); supplied from outside the domain. */
export type HolidayCalendar = (state: string, isoDate: string) => boolean;

export type CallingContact = {
  /** The zone the contact was given (address, state, area code or company, in that order). */
  readonly timezone: string;
  /** Two-letter state of the address. */
  readonly state?: string;
  /** Every zone the phone's area code may be in. */
  readonly areaCodeTimezones?: readonly string[];
  /** E.164; the state of its area code applies as well as the address state. */
  readonly phone?: string;
};

export type CallingWindowInput = {
  readonly contact: CallingContact;
  /** The campaign's (or run's) slots; absent means the campaign adds no limit of its own. */
  readonly slots?: readonly TimeSlot[];
  /** The zone slots are read in; absent means the contact's own local time, the usual meaning. */
  readonly slotsTimezone?: string;
  /** Earlier calls to this person (any campaign of the company), for the frequency caps. */
  readonly recentCalls?: readonly number[];
  /** What is being judged; absent means a call. */
  readonly channel?: 'voice' | 'sms';
  /** Earlier texts to this person (epoch ms, any campaign of the company), for caps that count texts. */
  readonly recentTexts?: readonly number[];
};

/** Why a window is closed, as the dispatcher records it on a rescheduled or withheld call. */
export const closedReasons = [
  'outside_federal_hours',
  'sunday',
  'closed_weekday',
  'state_holiday',
  'outside_state_hours',
  'outside_artificial_voice_hours',
  'blackout',
  'outside_campaign_slots',
  'frequency_cap',
] as const;

export type ClosedReason = (typeof closedReasons)[number];

type Audit = {
  readonly at: number;
  readonly localTime: string;
  readonly zones: readonly string[];
  readonly states: readonly string[];
};

export type WindowVerdict =
  | (Audit & { readonly allowed: true })
  | (Audit & {
      readonly allowed: false;
      readonly reason: ClosedReason;
      readonly zone: string;
      readonly state?: string;
    });

export type OpenWindow = { readonly opensAt: number; readonly closesAt: number | undefined };

export type CallingWindow = {
  check(input: CallingWindowInput, at: number): WindowVerdict;
  nextOpening(input: CallingWindowInput, from: number): number | undefined;
  /** The first window at or after `from`, and when it closes (undefined: not within the horizon). */
  nextWindow(input: CallingWindowInput, from: number): OpenWindow | undefined;
};

const hour = 3_600_000;
const day = 24 * hour;

const within = (hours: LocalHours, minute: number): boolean =>
  minutesOf(hours.start) <= minute && minute < minutesOf(hours.end);

export const contactZones = (contact: CallingContact): string[] => [
  ...new Set([contact.timezone, ...(contact.areaCodeTimezones ?? [])]),
];

/** The address state and the area code's state (from `table`, every US area code by default), once each. */
export const contactStates = (contact: CallingContact, table?: AreaCodeTable): string[] => {
  const states = [contact.state?.toUpperCase(), areaCodeStateOf(contact.phone, table)].filter(
    (s): s is string => s !== undefined && s !== '',
  );
  return [...new Set(states)];
};

type Row = { readonly state: string; readonly kind: 'solicitation' | 'artificial_voice'; readonly rule: StateRule };

/** Both ends included; dates compare as text (`yyyy-MM-dd`). */
const coversDate = (blackout: Blackout, isoDate: string): boolean =>
  blackout.from <= isoDate && isoDate <= blackout.until;

export const callingWindow = (policy: {
  rules: CallingHoursRules;
  holidays: HolidayCalendar;
  horizonDays?: number;
}): CallingWindow => {
  const { rules } = policy;
  const horizon = (policy.horizonDays ?? 14) * day;
  const statesOf = (contact: CallingContact) => contactStates(contact, rules.presumedResidence);
  const holiday = (state: string, isoDate: string): boolean =>
    policy.holidays(state, isoDate) || (rules.holidays[state]?.includes(isoDate) ?? false);
  /** Under an `informational` purpose, laws that bind solicitations only are left out. */
  const binding = (binds: 'solicitations' | 'every_automated_call'): boolean =>
    rules.purpose !== 'informational' || binds === 'every_automated_call';

  /** The rows that judge this input: its states' rows that bind it and cover its channel. */
  const rowsOf = (input: CallingWindowInput): Row[] => {
    const sms = input.channel === 'sms';
    return statesOf(input.contact).flatMap((state) =>
      [
        { state, kind: 'solicitation' as const, rule: rules.states[state] },
        { state, kind: 'artificial_voice' as const, rule: rules.artificialVoice[state] },
      ].filter(
        (row): row is Row => row.rule !== undefined && binding(row.rule.binds) && !(sms && row.rule.covers === 'voice'),
      ),
    );
  };
  const blackoutsOf = (input: CallingWindowInput): Blackout[] => {
    const states = statesOf(input.contact);
    return rules.blackouts.filter((b) => binding(b.binds) && b.states.some((state) => states.includes(state)));
  };

  const check = (input: CallingWindowInput, at: number): WindowVerdict => {
    const zones = contactZones(input.contact);
    const states = statesOf(input.contact);
    const own = DateTime.fromMillis(at, { zone: input.contact.timezone });
    const audit: Audit = { at, localTime: own.toISO() ?? 'invalid', zones, states };
    const closed = (reason: ClosedReason, zone: string, state?: string): WindowVerdict => ({
      ...audit,
      allowed: false,
      reason,
      zone,
      ...(state ? { state } : {}),
    });
    const locals = zones.map((zone) => [zone, DateTime.fromMillis(at, { zone })] as const);

    for (const [zone, local] of locals)
      if (!local.isValid || !within(rules.federal, minuteOfDay(local))) return closed('outside_federal_hours', zone);
    for (const blackout of blackoutsOf(input))
      for (const [zone, local] of locals)
        if (coversDate(blackout, local.toISODate()!))
          return closed(
            'blackout',
            zone,
            blackout.states.find((state) => states.includes(state)),
          );
    const rows = rowsOf(input);
    for (const { state, kind, rule } of rows)
      for (const [zone, local] of locals) {
        const weekday = weekdays[local.weekday - 1]!;
        const hours = stateHoursOn(rule, weekday);
        if (hours === null) return closed(weekday === 'sun' ? 'sunday' : 'closed_weekday', zone, state);
        const onHoliday = holidayRuleOf(rule);
        if (
          onHoliday !== undefined &&
          holiday(state, local.toISODate()!) &&
          (onHoliday === 'closed' || !within(onHoliday, minuteOfDay(local)))
        )
          return closed('state_holiday', zone, state);
        if (!within(hours, minuteOfDay(local)))
          return closed(
            kind === 'artificial_voice' ? 'outside_artificial_voice_hours' : 'outside_state_hours',
            zone,
            state,
          );
      }
    if (input.slots !== undefined) {
      const slotZone = input.slotsTimezone ?? input.contact.timezone;
      if (!withinSlots(input.slots, DateTime.fromMillis(at, { zone: slotZone })))
        return closed('outside_campaign_slots', slotZone);
    }
    for (const { state, rule } of rows)
      for (const cap of rule.frequencyCaps ?? []) {
        // A text is judged only by caps that count texts; those count calls and texts together.
        if (input.channel === 'sms' && !countsTexts(cap)) continue;
        const since = at - cap.withinHours * hour;
        const counted = countsTexts(cap)
          ? [...(input.recentCalls ?? []), ...(input.recentTexts ?? [])]
          : (input.recentCalls ?? []);
        if (counted.filter((sent) => sent > since && sent <= at).length >= cap.calls)
          return closed('frequency_cap', input.contact.timezone, state);
      }
    return { ...audit, allowed: true };
  };

  /** Every instant in [from, to) at which the answer may change; local midnight (threshold 0) bounds holidays and blackouts. */
  const boundaries = (input: CallingWindowInput, from: number, to: number): number[] => {
    const rows = rowsOf(input).map(({ rule }) => rule);
    const hours: LocalHours[] = [rules.federal, ...(input.slots ?? [])];
    for (const rule of rows) {
      hours.push(rule.hours);
      for (const special of Object.values(rule.days ?? {})) if (special) hours.push(special);
      if (rule.holidayHours) hours.push(rule.holidayHours);
    }
    const thresholds = [...new Set([0, ...hours.flatMap((h) => [minutesOf(h.start), minutesOf(h.end)])])];
    const zones = [...new Set([...contactZones(input.contact), input.slotsTimezone ?? input.contact.timezone])];
    const sent = [...(input.recentCalls ?? []), ...(input.recentTexts ?? [])];
    const expiries = rows.flatMap((rule) =>
      (rule.frequencyCaps ?? []).flatMap((cap) => sent.map((at) => at + cap.withinHours * hour)),
    );
    const all = [
      ...wallClockBoundaries(zones, thresholds, from, to),
      ...expiries.filter((at) => at >= from && at < to),
    ];
    return [...new Set(all)].sort((a, b) => a - b);
  };

  /** The first instant in [from, until) where `wanted` holds for the answer, scanning a day at a time. */
  const firstWhere = (input: CallingWindowInput, from: number, until: number, wanted: boolean): number | undefined => {
    if (check(input, from).allowed === wanted) return from;
    for (let start = from; start < until; start += day) {
      const end = Math.min(start + day, until);
      for (const at of boundaries(input, start, end)) if (at > from && check(input, at).allowed === wanted) return at;
    }
    return undefined;
  };

  /** The search reaches a horizon past the end of any blackout it meets, so a long blackout delays calls rather than ending them. */
  const searchEnd = (input: CallingWindowInput, from: number): number => {
    let until = from + horizon;
    const dated = blackoutsOf(input).map((b) => ({
      from: Date.parse(`${b.from}T00:00Z`) - day,
      until: Date.parse(`${b.until}T00:00Z`) + 2 * day,
    }));
    for (let grown = true; grown;) {
      grown = false;
      for (const b of dated)
        if (b.from < until && b.until + horizon > until) {
          until = b.until + horizon;
          grown = true;
        }
    }
    return until;
  };

  const nextOpening = (input: CallingWindowInput, from: number): number | undefined =>
    firstWhere(input, from, searchEnd(input, from), true);

  const nextWindow = (input: CallingWindowInput, from: number): OpenWindow | undefined => {
    const opensAt = nextOpening(input, from);
    if (opensAt === undefined) return undefined;
    return { opensAt, closesAt: firstWhere(input, opensAt, opensAt + horizon, false) };
  };

  return { check, nextOpening, nextWindow };
};
