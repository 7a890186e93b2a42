import { DateTime } from 'luxon';
import { callingHoursRules, type CallingHoursOverrides } from '../../../domain/outreach/callingHoursRules.ts';
import { callingWindow, type HolidayCalendar } from '../../../domain/outreach/callingWindow.ts';

/** An instant from an ISO time with its offset (`2026-12-01T08:00-05:00`). */
export const at = (iso: string): number => {
  const time = DateTime.fromISO(iso, { setZone: true });
  if (!time.isValid) throw new Error(`bad test time ${iso}`);
  return time.toMillis();
};

export const utc = (ms: number | undefined): string | undefined =>
  ms === undefined ? undefined : new Date(ms).toISOString();

/** Holidays given as `STATE:yyyy-MM-dd` strings. */
export const holidaysOf = (...days: string[]): HolidayCalendar => {
  const set = new Set(days);
  return (state, isoDate) => set.has(`${state}:${isoDate}`);
};

export const windowWith = (overrides: CallingHoursOverrides = {}, holidays: HolidayCalendar = holidaysOf()) =>
  callingWindow({ rules: callingHoursRules(overrides), holidays });

export const weekdaysOnly = [
  {
    days: ['mon' as const, 'tue' as const, 'wed' as const, 'thu' as const, 'fri' as const],
    start: '09:00',
    end: '17:00',
  },
];
export const everyDay = (start: string, end: string) =>
  [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const, start, end }].map((s) => ({
    ...s,
    days: [...s.days],
  }));
