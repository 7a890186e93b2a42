import type { DateTime } from 'luxon';
import { minutesOf, type TimeSlot } from '../values.ts';
import { weekdays } from './callingHoursRules.ts';

/** Fractional minutes after local midnight, so 08:59:30 is before 09:00. */
export const minuteOfDay = (local: DateTime): number =>
  local.hour * 60 + local.minute + (local.second * 1000 + local.millisecond) / 60_000;

/** Whether a wall-clock time falls inside one of the slots (its weekday listed, start included, end excluded). */
export const withinSlots = (slots: readonly TimeSlot[], local: DateTime): boolean => {
  if (!local.isValid) return false;
  const weekday = weekdays[local.weekday - 1];
  const minute = minuteOfDay(local);
  return slots.some(
    (slot) =>
      weekday !== undefined &&
      slot.days.includes(weekday) &&
      minutesOf(slot.start) <= minute &&
      minute < minutesOf(slot.end),
  );
};
