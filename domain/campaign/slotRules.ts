import { TimeOfDay, minutesOf } from '../values.ts';
import type { ErrorDetail } from '../errors.ts';
import type { LocalHours } from '../outreach/callingHoursRules.ts';
import type { DraftSlot } from './draft.ts';

/**
 * Every problem of one slot: its days, its times, and that it lies inside the federal calling window
 * in force (`federalHours`, the shipped 08:00-21:00 unless configuration narrows it).
 */
export const slotProblems = (path: string, slot: DraftSlot, federalHours: LocalHours): ErrorDetail[] => {
  const problems: ErrorDetail[] = [];
  if (slot.days.length === 0) problems.push({ path: `${path}.days`, message: 'choose at least one weekday' });
  const startOk = TimeOfDay.is(slot.start);
  const endOk = TimeOfDay.is(slot.end);
  if (!startOk) problems.push({ path: `${path}.start`, message: 'expected a time of day HH:mm' });
  if (!endOk) problems.push({ path: `${path}.end`, message: 'expected a time of day HH:mm' });
  if (!startOk || !endOk) return problems;
  const start = minutesOf(slot.start);
  const end = minutesOf(slot.end);
  if (start < minutesOf(federalHours.start) || end > minutesOf(federalHours.end))
    problems.push({
      path,
      message: `the slot ${slot.start}-${slot.end} must lie inside ${federalHours.start}-${federalHours.end}`,
    });
  else if (start >= end)
    problems.push({ path, message: `the slot must end after it starts (${slot.start}-${slot.end})` });
  return problems;
};

export const slotsProblems = (path: string, slots: readonly DraftSlot[], federalHours: LocalHours): ErrorDetail[] =>
  slots.flatMap((slot, i) => slotProblems(`${path}.${i}`, slot, federalHours));
