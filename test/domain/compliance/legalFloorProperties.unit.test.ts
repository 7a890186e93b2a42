import { expect } from 'chai';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { acknowledgedWidenings, belowLegalFloor } from '../../../domain/compliance/legalFloor.ts';
import {
  artificialVoiceRules,
  callingHoursRules,
  holidayRuleOf,
  stateCallingRules,
  stateHoursOn,
  weekdays,
  type CallingHoursOverrides,
  type DayHours,
  type FrequencyCap,
  type LocalHours,
  type StateRule,
  type StateRuleOverride,
} from '../../../domain/outreach/callingHoursRules.ts';
import {
  callingWindow,
  contactStates,
  contactZones,
  type CallingWindowInput,
  type HolidayCalendar,
} from '../../../domain/outreach/callingWindow.ts';
import { areaCodeStates } from '../../../domain/outreach/areaCodeStates.ts';

const hour = 3_600_000;
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Hours inside `outer`, on quarter hours. */
const within = (outer: LocalHours): fc.Arbitrary<LocalHours> => {
  const [from, to] = [Math.ceil(minutes(outer.start) / 15), Math.floor(minutes(outer.end) / 15)];
  return fc
    .tuple(fc.integer({ min: from, max: to - 1 }), fc.integer({ min: from + 1, max: to }))
    .filter(([a, b]) => a < b)
    .map(([a, b]) => ({ start: hhmm(a * 15), end: hhmm(b * 15) }));
};
const anyHours = within({ start: '00:00', end: '24:00' });
const optional = <A>(arb: fc.Arbitrary<A>) => fc.option(arb, { nil: undefined });

/** A cap at least as strict as the shipped one. */
const stricterCap = (cap: FrequencyCap): fc.Arbitrary<FrequencyCap> =>
  fc.record({
    calls: fc.integer({ min: 1, max: cap.calls }),
    withinHours: fc.integer({ min: cap.withinHours, max: cap.withinHours + 48 }),
    counts:
      cap.counts === 'calls'
        ? fc.constantFrom('calls' as const, 'calls_and_texts' as const)
        : fc.constant('calls_and_texts' as const),
  });

/** An override that can only narrow the shipped row (or, for a state without one, adds any row). */
const narrowing = (shipped: StateRule | undefined): fc.Arbitrary<StateRuleOverride> => {
  if (shipped === undefined)
    return fc.record(
      {
        hours: optional(anyHours),
        noHolidays: optional(fc.boolean()),
        frequencyCaps: optional(fc.array(stricterCap({ calls: 5, withinHours: 1, counts: 'calls' }), { maxLength: 2 })),
      },
      { requiredKeys: [] },
    );
  return fc.record(
    {
      hours: within(shipped.hours),
      days: fc
        .tuple(
          ...weekdays.map((day) => {
            const open = stateHoursOn(shipped, day);
            return open === null ? fc.constant(null) : fc.option(within(open), { nil: null });
          }),
        )
        .map((hours) => Object.fromEntries(weekdays.map((day, i) => [day, hours[i]])) as DayHours),
      noHolidays: shipped.noHolidays ? fc.constant(true) : fc.boolean(),
      holidayHours: ((rule) =>
        rule === 'closed'
          ? fc.constant(null)
          : rule === undefined
            ? fc.option(anyHours, { nil: null })
            : fc.option(within(rule), { nil: null }))(holidayRuleOf(shipped)),
      frequencyCaps: fc.tuple(...(shipped.frequencyCaps ?? []).map(stricterCap)).map((caps) => [...caps]),
      binds:
        shipped.binds === 'solicitations'
          ? fc.constantFrom('solicitations' as const, 'every_automated_call' as const)
          : fc.constant('every_automated_call' as const),
    },
    { requiredKeys: [] },
  );
};

const rowStates = [...new Set([...Object.keys(stateCallingRules), ...Object.keys(artificialVoiceRules)]), 'NY', 'GA'];
const rowsArb = (table: Readonly<Record<string, StateRule>>) =>
  fc
    .uniqueArray(fc.constantFrom(...rowStates), { maxLength: 4 })
    .chain((states) =>
      fc
        .tuple(...states.map((state) => narrowing(table[state])))
        .map((overrides) => Object.fromEntries(states.map((state, i) => [state, overrides[i]!]))),
    );

const narrowingArb: fc.Arbitrary<CallingHoursOverrides> = fc.record(
  {
    federal: within({ start: '08:00', end: '21:00' }),
    states: rowsArb(stateCallingRules),
    artificialVoice: rowsArb(artificialVoiceRules),
    purpose: fc.constant('solicitation' as const),
    holidays: fc.dictionary(
      fc.constantFrom(...rowStates),
      fc.array(fc.constantFrom('2026-12-01', '2026-12-05', '2026-12-06', '2026-12-24'), { maxLength: 2 }),
      { maxKeys: 2 },
    ),
    blackouts: fc.array(
      fc.record({
        states: fc.subarray(rowStates, { minLength: 1, maxLength: 2 }),
        from: fc.constantFrom('2026-11-30', '2026-12-03'),
        until: fc.constantFrom('2026-12-03', '2026-12-10'),
        reason: fc.constant('emergency'),
        binds: fc.constantFrom('solicitations' as const, 'every_automated_call' as const),
      }),
      { maxLength: 1 },
    ),
    // A Kansas code (Kansas has no rows) judged by Florida's rules as well.
    presumedResidence: fc.constant({ FL: [...areaCodeStates['FL']!, '316'] }),
  },
  { requiredKeys: [] },
);

// 2026-11-29 .. 2026-12-13: weekdays, weekends and the configured dates above.
const instantArb = fc
  .integer({ min: Date.parse('2026-11-29T00:00Z'), max: Date.parse('2026-12-13T00:00Z') })
  .map((t) => Math.floor(t / 60_000) * 60_000);
const zones = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'];
const inputArb: fc.Arbitrary<CallingWindowInput> = fc
  .record({
    timezone: fc.constantFrom(...zones),
    state: fc.constantFrom(...rowStates, 'KS'),
    phone: fc.constantFrom(
      '+13055550100',
      '+14055550100',
      '+12125550100',
      '+14045550100',
      '+13165550100',
      '+12135550100',
      '+12075550100',
      '+14025550100',
    ),
    channel: fc.constantFrom('voice' as const, 'sms' as const),
    calls: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 3 }),
    texts: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 3 }),
  })
  .map(({ timezone, state, phone, channel, calls, texts }) => ({
    contact: { timezone, state, phone },
    channel,
    recentCalls: calls.map((h) => -h * hour),
    recentTexts: texts.map((h) => -h * hour),
  }));
const at = (input: CallingWindowInput, t: number): CallingWindowInput => ({
  ...input,
  recentCalls: input.recentCalls!.map((ago) => t + ago),
  recentTexts: input.recentTexts!.map((ago) => t + ago),
});
const holidays: HolidayCalendar = (_state, isoDate) => isoDate === '2026-12-25' || isoDate === '2026-12-02';
const windowOf = (overrides: CallingHoursOverrides) => callingWindow({ rules: callingHoursRules(overrides), holidays });
const shipped = windowOf({});

/** One widening of a shipped row the federal hours do not hide, with the path it must be reported at. */
const wideningArb: fc.Arbitrary<{ overrides: CallingHoursOverrides; path: string; at: 'row' | 'top' }> = fc.oneof(
  fc
    .constantFrom(...Object.entries(stateCallingRules).filter(([, r]) => minutes(r.hours.start) > 480))
    .map(([state, r]) => ({
      overrides: { states: { [state]: { hours: { start: '08:00', end: r.hours.end } } } },
      path: `callingHours.states.${state}.hours`,
      at: 'row' as const,
    })),
  fc
    .constantFrom(...Object.entries(stateCallingRules).filter(([, r]) => minutes(r.hours.end) < 1260))
    .map(([state, r]) => ({
      overrides: { states: { [state]: { hours: { start: r.hours.start, end: '21:00' } } } },
      path: `callingHours.states.${state}.hours`,
      at: 'row' as const,
    })),
  fc
    .constantFrom(...Object.entries({ ...stateCallingRules }).filter(([, r]) => r.days?.sun === null))
    .map(([state, r]) => ({
      overrides: { states: { [state]: { days: { ...r.days, sun: { start: '13:00', end: '17:00' } } } } },
      path: `callingHours.states.${state}.days.sun`,
      at: 'row' as const,
    })),
  fc.constantFrom(...Object.entries(stateCallingRules).filter(([, r]) => r.noHolidays)).map(([state]) => ({
    overrides: { states: { [state]: { noHolidays: false } } },
    path: `callingHours.states.${state}.noHolidays`,
    at: 'row' as const,
  })),
  fc.constantFrom(...Object.entries(stateCallingRules).filter(([, r]) => r.frequencyCaps)).map(([state]) => ({
    overrides: { states: { [state]: { frequencyCaps: [] } } },
    path: `callingHours.states.${state}.frequencyCaps`,
    at: 'row' as const,
  })),
  fc
    .tuple(
      fc.constantFrom(...Object.entries(stateCallingRules).filter(([, r]) => r.frequencyCaps)),
      fc.constantFrom('calls', 'withinHours', 'counts'),
    )
    .map(([[state, r], loosen]) => {
      const cap = r.frequencyCaps![0]!;
      const looser =
        loosen === 'calls'
          ? { ...cap, calls: cap.calls + 1 }
          : loosen === 'withinHours'
            ? { ...cap, withinHours: cap.withinHours - 1 }
            : { ...cap, counts: 'calls' as const };
      return {
        overrides: { states: { [state]: { frequencyCaps: [looser] } } },
        path: `callingHours.states.${state}.frequencyCaps`,
        at: 'row' as const,
      };
    }),
  fc.constantFrom('CA', 'OK').map((state) => ({
    overrides: { artificialVoice: { [state]: { binds: 'solicitations' as const } } },
    path: `callingHours.artificialVoice.${state}.binds`,
    at: 'row' as const,
  })),
  fc.constantFrom('CA', 'OK').map((state) => ({
    overrides: { artificialVoice: { [state]: { hours: { start: '08:00', end: '21:00' } } } },
    path: `callingHours.artificialVoice.${state}.hours`,
    at: 'row' as const,
  })),
  fc.constant({
    overrides: { artificialVoice: { ME: { days: {} } } },
    path: 'callingHours.artificialVoice.ME.days',
    at: 'row' as const,
  }),
  fc.constant({
    overrides: { artificialVoice: { NE: { holidayHours: { start: '09:00', end: '21:00' } } } },
    path: 'callingHours.artificialVoice.NE.holidayHours',
    at: 'row' as const,
  }),
  fc.constant({ overrides: { purpose: 'informational' as const }, path: 'callingHours.purpose', at: 'top' as const }),
  fc.constantFrom('FL', 'OK').map((state) => ({
    overrides: { presumedResidence: { [state]: areaCodeStates[state]!.slice(1) } },
    path: `callingHours.presumedResidence.${state}`,
    at: 'top' as const,
  })),
);

const acknowledged = (
  { overrides, at: where }: { overrides: CallingHoursOverrides; at: 'row' | 'top' },
  reason: string,
): CallingHoursOverrides => {
  if (where === 'top') return { ...overrides, acknowledgeWider: reason };
  const stamp = (rows: Record<string, StateRuleOverride> | undefined) =>
    rows && Object.fromEntries(Object.entries(rows).map(([s, row]) => [s, { ...row, acknowledgeWider: reason }]));
  return {
    ...overrides,
    ...(overrides.states ? { states: stamp(overrides.states) } : {}),
    ...(overrides.artificialVoice ? { artificialVoice: stamp(overrides.artificialVoice) } : {}),
  };
};

describe('legal floor properties', () => {
  it('(a) an override that narrows is accepted, and never opens an instant the shipped rules close', () => {
    let closedByShipped = 0;
    fc.assert(
      fc.property(narrowingArb, inputArb, instantArb, (overrides, input, t) => {
        expect(belowLegalFloor(overrides)).to.deep.equal([]);
        const query = at(input, t);
        if (shipped.check(query, t).allowed) return;
        closedByShipped++;
        expect(windowOf(overrides).check(query, t).allowed, new Date(t).toISOString()).to.equal(false);
      }),
      { numRuns: 600 },
    );
    expect(closedByShipped).to.be.above(100);
  });

  it('(b) an override that widens is refused at its path unless acknowledged there; acknowledged, it is accepted and recorded', () =>
    fc.assert(
      fc.property(
        wideningArb,
        fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0),
        (widening, reason) => {
          expect(belowLegalFloor(widening.overrides).map((p) => p.path)).to.include(widening.path);
          const allowed = acknowledged(widening, reason);
          expect(belowLegalFloor(allowed)).to.deep.equal([]);
          expect(
            acknowledgedWidenings(allowed)
              .filter((w) => w.path === widening.path)
              .map((w) => w.reason),
          ).to.deep.equal([reason]);
        },
      ),
      { numRuns: 300 },
    ));

  it('(c) a wider federal window is always refused, acknowledged or not', () =>
    fc.assert(
      fc.property(
        anyHours.filter((h) => minutes(h.start) < 480 || minutes(h.end) > 1260),
        narrowingArb,
        (federal, rest) => {
          const problems = belowLegalFloor({ ...rest, federal, acknowledgeWider: 'we would like to' });
          expect(problems.map((p) => p.path)).to.include('callingHours.federal');
        },
      ),
      { numRuns: 300 },
    ));

  it('(d) an informational purpose never narrows the window, nor opens what the federal or every-automated-call rows close', () => {
    const informational = windowOf({ purpose: 'informational', acknowledgeWider: 'reminders' });
    fc.assert(
      fc.property(inputArb, instantArb, (input, t) => {
        const query = at(input, t);
        const verdict = informational.check(query, t);
        if (shipped.check(query, t).allowed) expect(verdict.allowed).to.equal(true);
        if (!verdict.allowed) return;
        for (const zone of contactZones(input.contact)) {
          const time = DateTime.fromMillis(t, { zone }).toFormat('HH:mm');
          expect(time >= '08:00' && time < '21:00', `federal hours in ${zone}`).to.equal(true);
          const automated = contactStates(input.contact).filter(
            (state) => artificialVoiceRules[state]?.binds === 'every_automated_call',
          );
          if (input.channel === 'voice' && automated.length > 0)
            expect(time >= '09:00', `${automated.join(', ')} automated-voice hours at ${time}`).to.equal(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
