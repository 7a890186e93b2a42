import * as t from 'io-ts';
import { closed } from '../codecs/closed.ts';
import { FiniteNumber, minutesOf, refined, TimeOfDay } from '../values.ts';

/** One row of calling-hours law, as the shipped table and configuration write it. */

/** `[start, end)` in local wall-clock time, `HH:mm`; `24:00` ends at midnight. */
const Hours = closed(t.type({ start: TimeOfDay, end: TimeOfDay }));
export const LocalHours = refined(
  'hours whose start comes before their end',
  Hours,
  (h) => minutesOf(h.start) < minutesOf(h.end),
);
export type LocalHours = t.TypeOf<typeof LocalHours>;

/** Whether a cap counts calls only, or calls and texts alike, as its law says. */
export const CapCounts = t.keyof({ calls: null, calls_and_texts: null }, 'calls or calls_and_texts');

/** At most `calls` calls (and texts, when it counts them) to one person within any `withinHours` hours. */
const Positive = refined('a whole number above 0', FiniteNumber, (n) => Number.isSafeInteger(n) && n > 0);
export const FrequencyCap = t.intersection([
  closed(t.partial({ calls: Positive, withinHours: Positive, counts: CapCounts })),
  t.type({ calls: Positive, withinHours: Positive }),
]);
export type FrequencyCap = t.TypeOf<typeof FrequencyCap>;

/** A cap that does not say what it counts takes the stricter reading: texts count too. */
export const countsTexts = (cap: FrequencyCap): boolean => cap.counts !== 'calls';

/** Per weekday: other hours that day, or `null` for no calls at all that day. */
export const DayHours = closed(
  t.partial({
    mon: t.union([LocalHours, t.null]),
    tue: t.union([LocalHours, t.null]),
    wed: t.union([LocalHours, t.null]),
    thu: t.union([LocalHours, t.null]),
    fri: t.union([LocalHours, t.null]),
    sat: t.union([LocalHours, t.null]),
    sun: t.union([LocalHours, t.null]),
  }),
);
export type DayHours = t.TypeOf<typeof DayHours>;

/** Whom a row's law binds: solicitations only, or every automated (artificial-voice) call whatever its purpose. */
export const Binding = t.keyof(
  { solicitations: null, every_automated_call: null },
  'solicitations or every_automated_call',
);
export type Binding = t.TypeOf<typeof Binding>;

export type StateRule = {
  readonly binds: Binding;
  /** Artificial-voice laws are about calls: their rows never apply to texts. */
  readonly covers: 'voice_and_texts' | 'voice';
  /** Every day's hours unless `days` says otherwise. */
  readonly hours: LocalHours;
  readonly days?: DayHours;
  /** No calls at all on the state's legal holidays. */
  readonly noHolidays?: boolean;
  /** On the state's holidays, calls only within these hours as well (`null`: none at all). */
  readonly holidayHours?: LocalHours | null;
  readonly frequencyCaps?: readonly FrequencyCap[];
  readonly source: string;
  /** What was chosen where sources disagree or are silent, and why. */
  readonly reading?: string;
};
