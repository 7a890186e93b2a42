import { expect } from 'chai';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  artificialVoiceRules,
  callingHoursRules,
  stateCallingRules,
  stateHoursOn,
  weekdays,
} from '../../../domain/outreach/callingHoursRules.ts';
import {
  callingWindow,
  contactStates,
  contactZones,
  type CallingWindowInput,
  type HolidayCalendar,
} from '../../../domain/outreach/callingWindow.ts';
import type { TimeSlot, Weekday } from '../../../domain/values.ts';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const horizon = 14 * day;

const zones = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Indiana/Indianapolis',
  'America/Detroit',
  'America/Boise',
  'America/Puerto_Rico',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'America/St_Johns',
  'America/Havana',
];
const states = [
  ...new Set([...Object.keys(stateCallingRules), ...Object.keys(artificialVoiceRules)]),
  'NY',
  'GA',
  'KS',
  'ny',
  'ca',
];
const phones = ['+13055550100', '+14055550100', '+12125550100', '+12065550100'];

const hhmm = (quarter: number): string =>
  `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`;
const slotArb: fc.Arbitrary<TimeSlot> = fc
  .record({
    days: fc.subarray([...weekdays], { minLength: 1 }),
    from: fc.integer({ min: 0, max: 95 }),
    length: fc.integer({ min: 1, max: 96 }),
  })
  .map(({ days, from, length }) => ({ days: [...days], start: hhmm(from), end: hhmm(Math.min(96, from + length)) }));

/** Holidays drawn from a seed: about one day in `every` is a holiday of a given state. */
const holidaysArb: fc.Arbitrary<HolidayCalendar> = fc
  .record({ seed: fc.integer(), every: fc.integer({ min: 2, max: 30 }) })
  .map(({ seed, every }) => {
    const calendar: HolidayCalendar = (state, isoDate) => {
      let hash = seed;
      for (const c of `${state}${isoDate}`) hash = Math.imul(hash ^ c.charCodeAt(0), 0x9e3779b1);
      return (hash >>> 0) % every === 0;
    };
    return calendar;
  });

// 2026 US transitions (8 March, 1 November) and European ones (29 March, 25 October), where mistakes hide.
const transitions = ['2026-03-08T07:00Z', '2026-11-01T06:00Z', '2026-03-29T01:00Z', '2026-10-25T01:00Z'].map((iso) =>
  Date.parse(iso),
);
const instantArb = fc.oneof(
  fc.integer({ min: Date.parse('2026-01-01T00:00Z'), max: Date.parse('2027-12-31T00:00Z') }),
  fc
    .record({ at: fc.constantFrom(...transitions), shift: fc.integer({ min: -3 * day, max: 3 * day }) })
    .map(({ at, shift }) => at + shift),
);

const inputArb: fc.Arbitrary<CallingWindowInput> = fc
  .record({
    timezone: fc.constantFrom(...zones),
    areaCodeTimezones: fc.option(fc.subarray(zones, { maxLength: 2 }), { nil: undefined }),
    state: fc.option(fc.constantFrom(...states), { nil: undefined }),
    phone: fc.option(fc.constantFrom(...phones), { nil: undefined }),
    slots: fc.option(fc.array(slotArb, { maxLength: 3 }), { nil: undefined }),
    slotsTimezone: fc.option(fc.constantFrom(...zones), { nil: undefined }),
    recentCallsAgo: fc.array(fc.integer({ min: 0, max: 30 * hour }), { maxLength: 4 }),
  })
  .map(({ timezone, areaCodeTimezones, state, phone, slots, slotsTimezone, recentCallsAgo }) => ({
    contact: {
      timezone,
      ...(areaCodeTimezones ? { areaCodeTimezones } : {}),
      ...(state ? { state } : {}),
      ...(phone ? { phone } : {}),
    },
    ...(slots ? { slots } : {}),
    ...(slotsTimezone ? { slotsTimezone } : {}),
    recentCallsAgo,
  }));

const withCalls = (input: CallingWindowInput & { recentCallsAgo?: number[] }, t: number): CallingWindowInput => ({
  ...input,
  recentCalls: (input.recentCallsAgo ?? []).map((ago) => t - ago),
});

/** Restated from the rules, by wall-clock text rather than minute arithmetic: what "allowed" must mean. */
const obeysEveryRule = (input: CallingWindowInput, t: number, holidays: HolidayCalendar): string | undefined => {
  const rules = callingHoursRules();
  const clock = (zone: string) => DateTime.fromMillis(t, { zone });
  for (const zone of contactZones(input.contact)) {
    const local = clock(zone);
    const time = local.toFormat('HH:mm');
    const weekday = local.toFormat('ccc', { locale: 'en-US' }).toLowerCase() as Weekday;
    if (!(time >= '08:00' && time < '21:00')) return `federal hours in ${zone} (${time})`;
    for (const state of contactStates(input.contact))
      for (const rule of [rules.states[state], rules.artificialVoice[state]]) {
        if (!rule) continue;
        const hours = stateHoursOn(rule, weekday);
        if (hours === null) return `${state} bans ${weekday}`;
        const holiday = holidays(state, local.toFormat('yyyy-MM-dd'));
        if (holiday && (rule.noHolidays || rule.holidayHours === null)) return `${state} holiday`;
        if (holiday && rule.holidayHours && !(time >= rule.holidayHours.start && time < rule.holidayHours.end))
          return `${state} holiday hours in ${zone} (${time})`;
        if (!(time >= hours.start && time < hours.end)) return `${state} hours in ${zone} (${time})`;
      }
  }
  if (input.slots) {
    const local = clock(input.slotsTimezone ?? input.contact.timezone);
    const time = local.toFormat('HH:mm');
    const weekday = local.toFormat('ccc', { locale: 'en-US' }).toLowerCase() as Weekday;
    if (!input.slots.some((s) => s.days.includes(weekday) && time >= s.start && (s.end === '24:00' || time < s.end)))
      return `outside slots (${weekday} ${time})`;
  }
  return undefined;
};

/** A spread of instants in [from, to): every minute near both ends and random ones between. */
const sampledMinutes = (from: number, to: number, seed: number): number[] => {
  const samples: number[] = [];
  for (let at = from; at < Math.min(to, from + 120 * minute); at += minute) samples.push(at);
  for (let at = Math.max(from, to - 120 * minute); at < to; at += minute) samples.push(at);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < 150 && to > from; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    samples.push(from + Math.floor(((x / 2 ** 32) * (to - from)) / minute) * minute);
  }
  if (to > from) samples.push(to - 1);
  return samples;
};

describe('calling window properties', () => {
  it('(a) an allowed instant is inside 08:00-21:00 in every zone the contact may be in, inside its slots, on no banned day', () => {
    let allowed = 0;
    fc.assert(
      fc.property(inputArb, instantArb, holidaysArb, (input, t, holidays) => {
        const window = callingWindow({ rules: callingHoursRules(), holidays });
        const verdict = window.check(withCalls(input, t), t);
        if (verdict.allowed) {
          allowed++;
          expect(obeysEveryRule(input, t, holidays), 'a rule is broken').to.equal(undefined);
        }
      }),
      { numRuns: 2000 },
    );
    // The property says nothing unless enough random instants are open.
    expect(allowed).to.be.above(100);
  });

  it('(b) the next opening is at or after t, is allowed, and nothing between is', () =>
    fc.assert(
      fc.property(inputArb, instantArb, holidaysArb, fc.integer(), (input, t, holidays, seed) => {
        const window = callingWindow({ rules: callingHoursRules(), holidays });
        const query = withCalls(input, t);
        const opening = window.nextOpening(query, t);
        if (opening === undefined) {
          for (let at = t; at < t + horizon; at += 20 * minute)
            expect(window.check(query, at).allowed, new Date(at).toISOString()).to.equal(false);
          return;
        }
        expect(opening)
          .to.be.at.least(t)
          .and.below(t + horizon);
        expect(window.check(query, opening).allowed).to.equal(true);
        expect(obeysEveryRule(input, opening, holidays)).to.equal(undefined);
        for (const at of sampledMinutes(t, opening, seed))
          expect(window.check(query, at).allowed, `open earlier, at ${new Date(at).toISOString()}`).to.equal(false);
      }),
      { numRuns: 150 },
    ));

  it('(b) a window stays open until it closes, and is closed at its close', () =>
    fc.assert(
      fc.property(inputArb, instantArb, holidaysArb, fc.integer(), (input, t, holidays, seed) => {
        const window = callingWindow({ rules: callingHoursRules(), holidays });
        const query = withCalls(input, t);
        const found = window.nextWindow(query, t);
        if (found?.closesAt === undefined) return;
        expect(found.closesAt).to.be.above(found.opensAt);
        expect(window.check(query, found.closesAt).allowed).to.equal(false);
        for (const at of sampledMinutes(found.opensAt, found.closesAt, seed))
          expect(window.check(query, at).allowed, new Date(at).toISOString()).to.equal(true);
      }),
      { numRuns: 150 },
    ));

  it('(c) calls placed at each next opening never exceed a frequency cap', () =>
    fc.assert(
      fc.property(
        fc.constantFrom('FL', 'OK', 'MD', 'ME'),
        fc.constantFrom(...zones.slice(0, 6)),
        fc.option(fc.constantFrom(...phones), { nil: undefined }),
        instantArb,
        fc.array(fc.integer({ min: 0, max: 10 * hour }), { minLength: 5, maxLength: 15 }),
        (state, timezone, phone, start, delays) => {
          const window = callingWindow({ rules: callingHoursRules(), holidays: () => false });
          const contact = { timezone, state, ...(phone ? { phone } : {}) };
          const placed: number[] = [];
          let t = start;
          for (const delay of delays) {
            const opening = window.nextOpening({ contact, recentCalls: placed }, t + delay);
            if (opening === undefined) break;
            placed.push(opening);
            t = opening;
          }
          const caps = contactStates(contact).flatMap((s) => [
            ...(stateCallingRules[s]?.frequencyCaps ?? []),
            ...(artificialVoiceRules[s]?.frequencyCaps ?? []),
          ]);
          expect(caps).to.not.be.empty;
          for (const cap of caps)
            for (const call of placed) {
              const inWindow = placed.filter((other) => other > call - cap.withinHours * hour && other <= call).length;
              expect(inWindow, `${state}: ${inWindow} calls within ${cap.withinHours} h`).to.be.at.most(cap.calls);
            }
        },
      ),
      { numRuns: 150 },
    ));
});
