import Holidays from 'date-holidays';
import type { HolidayCalendar } from '../../domain/outreach/callingWindow.ts';

/**
 * US state legal holidays from `date-holidays` (offline data): public holidays and their observed
 * (substitute) days. Holidays a state's law names that the library lacks are added: Pennsylvania's
 * Good Friday and Election Day; Louisiana's (La. R.S. 1:55) Battle of New Orleans, Huey P. Long Day and
 * All Saints' Day, and June 3 (Confederate Memorial Day, struck from 1:55 in 2022 but still listed by
 * older summaries: kept, the stricter reading). A code the library does not know gets the federal holidays.
 */

const extraHolidays: Readonly<Record<string, readonly string[]>> = {
  PA: ['easter -2', 'tuesday after 1st monday in November'],
  LA: ['01-08', '06-03', '08-30', '11-01'],
};

const calendars = new Map<string, Holidays>();
const datesByStateYear = new Map<string, ReadonlySet<string>>();

const calendarOf = (state: string): Holidays => {
  let calendar = calendars.get(state);
  if (calendar === undefined) {
    calendar = new Holidays('US', state);
    for (const rule of extraHolidays[state] ?? []) calendar.setHoliday(rule, { name: rule, type: 'public' });
    calendars.set(state, calendar);
  }
  return calendar;
};

const holidayDates = (state: string, year: number): ReadonlySet<string> => {
  const key = `${state}:${year}`;
  let dates = datesByStateYear.get(key);
  if (dates === undefined) {
    const holidays = calendarOf(state).getHolidays(year) || [];
    dates = new Set(holidays.filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    datesByStateYear.set(key, dates);
  }
  return dates;
};

/** Whether `isoDate` (`yyyy-MM-dd`, the contact's local date) is a legal holiday of the US state. */
export const isStateHoliday: HolidayCalendar = (state, isoDate) => {
  const code = state.toUpperCase();
  if (!/^[A-Z]{2}$/.test(code) || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return false;
  return holidayDates(code, Number(isoDate.slice(0, 4))).has(isoDate);
};
