import type { ErrorDetail } from '../errors.ts';
import { minutesOf, type Weekday } from '../values.ts';
import {
  artificialVoiceRules,
  callingHoursRules,
  countsTexts,
  federalCallingHours,
  holidayRuleOf,
  stateCallingRules,
  stateHoursOn,
  weekdays,
  type CallingHoursOverrides,
  type FrequencyCap,
  type LocalHours,
  type StateRule,
  type StateRuleOverride,
} from '../outreach/callingHoursRules.ts';

/**
 * The legal floor under configuration: an override may narrow any rule freely, but may make a rule
 * wider than the shipped table only with an `acknowledgeWider` reason, and may never widen the federal
 * hours. Widenings are found by comparing each effective row with its shipped row.
 */

/** One way the configured rules allow more than the shipped ones. */
export type Widening = {
  /** Where in the rules the widening is (`callingHours.states.TX.days.sun`). */
  readonly path: string;
  readonly what: string;
  /** Where the `acknowledgeWider` that allows it belongs. */
  readonly acknowledgeAt: string;
  /** The reason given, when acknowledged. */
  readonly reason: string | undefined;
};

const root = 'callingHours';

/** Hours as the federal window leaves them: a row cannot open what the federal hours close. */
const clamped = (hours: LocalHours | null): LocalHours | null => {
  if (hours === null) return null;
  const start = minutesOf(hours.start) < minutesOf(federalCallingHours.start) ? federalCallingHours.start : hours.start;
  const end = minutesOf(hours.end) > minutesOf(federalCallingHours.end) ? federalCallingHours.end : hours.end;
  return minutesOf(start) < minutesOf(end) ? { start, end } : null;
};

/** How `wider` reaches beyond `shipped` within the federal hours (named by its configured times), or undefined when it does not. */
const beyond = (wider: LocalHours | null, shipped: LocalHours | null): string | undefined => {
  const [e, s] = [clamped(wider), clamped(shipped)];
  if (e === null || wider === null) return undefined;
  if (s === null) return `is open ${wider.start}-${wider.end} where the shipped rule is closed`;
  const parts = [
    ...(minutesOf(e.start) < minutesOf(s.start) ? [`starts at ${wider.start} instead of ${s.start}`] : []),
    ...(minutesOf(e.end) > minutesOf(s.end) ? [`ends at ${wider.end} instead of ${s.end}`] : []),
  ];
  return parts.length > 0 ? parts.join(' and ') : undefined;
};

/** A cap at least as strict as `shipped`: no more calls, over no shorter a time, counting whatever it counts. */
const holdsTo = (cap: FrequencyCap, shipped: FrequencyCap): boolean =>
  cap.calls <= shipped.calls && cap.withinHours >= shipped.withinHours && (countsTexts(cap) || !countsTexts(shipped));

const capText = (cap: FrequencyCap): string =>
  `${cap.calls} ${countsTexts(cap) ? 'calls or texts' : 'calls'} within ${cap.withinHours} h`;

const rowWidenings = (
  at: string,
  override: StateRuleOverride,
  shipped: StateRule,
  effective: StateRule,
): Widening[] => {
  const found: { path: string; what: string }[] = [];
  const byDay = new Map<string, { what: string; days: Weekday[] }>();
  for (const day of weekdays) {
    const what = beyond(stateHoursOn(effective, day), stateHoursOn(shipped, day));
    if (what === undefined) continue;
    // A day named in `days` answers for itself; a shipped special day that `days` left out was dropped by `days`.
    const path =
      override.days?.[day] !== undefined
        ? `${at}.days.${day}`
        : override.days !== undefined && shipped.days?.[day] !== undefined
          ? `${at}.days`
          : `${at}.hours`;
    const key = `${path}|${what}`;
    byDay.set(key, { what, days: [...(byDay.get(key)?.days ?? []), day] });
  }
  for (const [key, { what, days }] of byDay)
    found.push({ path: key.split('|')[0]!, what: `${what} on ${days.join(', ')}` });

  const [onHolidayShipped, onHoliday] = [holidayRuleOf(shipped), holidayRuleOf(effective)];
  const holidayPath = `${at}.${override.holidayHours !== undefined ? 'holidayHours' : 'noHolidays'}`;
  if (onHolidayShipped === 'closed' && onHoliday !== 'closed')
    found.push({ path: holidayPath, what: 'allows calls on the state’s holidays, which the shipped rule bans' });
  else if (onHolidayShipped !== undefined && onHolidayShipped !== 'closed') {
    const what =
      onHoliday === undefined
        ? 'lifts the shipped holiday hours'
        : onHoliday === 'closed'
          ? undefined
          : beyond(onHoliday, onHolidayShipped);
    if (what !== undefined) found.push({ path: holidayPath, what: `on holidays ${what}` });
  }

  const loosened = (shipped.frequencyCaps ?? []).filter(
    (cap) => !(effective.frequencyCaps ?? []).some((other) => holdsTo(other, cap)),
  );
  if (loosened.length > 0)
    found.push({
      path: `${at}.frequencyCaps`,
      what: `drops or loosens the cap of ${loosened.map(capText).join(', ')}`,
    });
  if (shipped.binds === 'every_automated_call' && effective.binds === 'solicitations')
    found.push({
      path: `${at}.binds`,
      what: 'binds solicitations only, where the shipped row binds every automated call',
    });
  return found.map((w) => ({ ...w, acknowledgeAt: at, reason: override.acknowledgeWider }));
};

/** Every way the configured calling-hours rules are wider than the shipped ones, acknowledged or not. */
export const widerThanShipped = (overrides: CallingHoursOverrides = {}): Widening[] => {
  const effective = callingHoursRules(overrides);
  const tables = [
    ['states', stateCallingRules, effective.states],
    ['artificialVoice', artificialVoiceRules, effective.artificialVoice],
  ] as const;
  const widenings: Widening[] = [];
  for (const [name, shipped, rows] of tables)
    for (const [code, override] of Object.entries(overrides[name] ?? {})) {
      const state = code.toUpperCase();
      const shippedRow = shipped[state];
      if (shippedRow !== undefined)
        widenings.push(...rowWidenings(`${root}.${name}.${code}`, override, shippedRow, rows[state]!));
    }
  const acknowledged = { acknowledgeAt: root, reason: overrides.acknowledgeWider };
  if (effective.purpose === 'informational') {
    const skipped = tables.flatMap(([name, , rows]) =>
      Object.entries(rows)
        .filter(([, row]) => row.binds === 'solicitations')
        .map(([state]) => `${name}.${state}`),
    );
    widenings.push({
      path: `${root}.purpose`,
      what: `skips the rows that bind solicitations only (${skipped.join(', ')})`,
      ...acknowledged,
    });
  }
  // A code taken from a state stops that state's rules applying to its numbers: wider only where the state has rules.
  const shippedAreaCodes = callingHoursRules().presumedResidence;
  const ruled = new Set([
    ...Object.keys(effective.states),
    ...Object.keys(effective.artificialVoice),
    ...effective.blackouts.flatMap((b) => b.states),
    ...Object.keys(effective.holidays),
  ]);
  for (const [state, codes] of Object.entries(shippedAreaCodes)) {
    if (!ruled.has(state)) continue;
    const dropped = codes.filter((code) => !(effective.presumedResidence[state] ?? []).includes(code));
    if (dropped.length > 0) {
      const named = Object.keys(overrides.presumedResidence ?? {}).find((code) => code.toUpperCase() === state);
      widenings.push({
        path: `${root}.presumedResidence${named ? `.${named}` : ''}`,
        what: `no longer judges numbers with area codes ${dropped.join(', ')} by ${state}'s rules`,
        ...acknowledged,
      });
    }
  }
  return widenings;
};

/** What stops the start: a widened federal window, and every widening not acknowledged. */
export const belowLegalFloor = (overrides: CallingHoursOverrides = {}): ErrorDetail[] => {
  const federal = overrides.federal === undefined ? undefined : beyondFederal(overrides.federal);
  return [
    ...(federal === undefined
      ? []
      : [
          {
            path: `${root}.federal`,
            message: `${federal}, wider than the federal ${federalCallingHours.start}-${federalCallingHours.end} (47 CFR 64.1200(c)(1)), which configuration may narrow but never widen`,
          },
        ]),
    ...widerThanShipped(overrides)
      .filter((w) => w.reason === undefined)
      .map((w) => ({
        path: w.path,
        message: `${w.what}, wider than the shipped rules; to allow it, add "acknowledgeWider": "<why>" to ${w.acknowledgeAt}`,
      })),
  ];
};

const beyondFederal = (hours: LocalHours): string | undefined => {
  const parts = [
    ...(minutesOf(hours.start) < minutesOf(federalCallingHours.start) ? [`starts at ${hours.start}`] : []),
    ...(minutesOf(hours.end) > minutesOf(federalCallingHours.end) ? [`ends at ${hours.end}`] : []),
  ];
  return parts.length > 0 ? parts.join(' and ') : undefined;
};

/** The widenings configuration acknowledged, with their reasons, as start-up logs and records them. */
export const acknowledgedWidenings = (
  overrides: CallingHoursOverrides = {},
): { path: string; what: string; reason: string }[] =>
  widerThanShipped(overrides).flatMap((w) =>
    w.reason === undefined ? [] : [{ path: w.path, what: w.what, reason: w.reason }],
  );
