import { DateTime } from 'luxon';
import { minutesOf, type TimeSlot, type Weekday } from '../../../domain/values.ts';

const weekdays: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Whether `at` falls inside one of the slots, read on the wall clock of `timezone` (so across DST too). */
export const withinSlots = (slots: readonly TimeSlot[], timezone: string, at: Date): boolean => {
  const local = DateTime.fromJSDate(at, { zone: timezone });
  if (!local.isValid) return false;
  const day = weekdays[local.weekday - 1]!;
  const minute = local.hour * 60 + local.minute;
  return slots.some((slot) => slot.days.includes(day) && minutesOf(slot.start) <= minute && minute < minutesOf(slot.end));
};
