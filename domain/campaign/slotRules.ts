import { TimeOfDay, minutesOf } from '../values.ts';
import type { ErrorDetail } from '../errors.ts';
import type { DraftSlot } from './draft.ts';

/** The federal calling window (TCPA): no outreach before 08:00 or after 21:00, contact's local time. */
export const earliestCall = '08:00';
export const latestCall = '21:00';

/** Every problem of one slot: its days, its times, and that it lies inside the calling window. */
export const slotProblems = (path: string, slot: DraftSlot): ErrorDetail[] => {
  const problems: ErrorDetail[] = [];
  if (slot.days.length === 0) problems.push({ path: `${path}.days`, message: 'choose at least one weekday' });
  const startOk = TimeOfDay.is(slot.start);
  const endOk = TimeOfDay.is(slot.end);
  if (!startOk) problems.push({ path: `${path}.start`, message: 'expected a time of day HH:mm' });
  if (!endOk) problems.push({ path: `${path}.end`, message: 'expected a time of day HH:mm' });
  if (!startOk || !endOk) return problems;
  const start = minutesOf(slot.start);
  const end = minutesOf(slot.end);
  if (start < minutesOf(earliestCall) || end > minutesOf(latestCall))
    problems.push({ path, message: `the slot ${slot.start}-${slot.end} must lie inside ${earliestCall}-${latestCall}` });
  else if (start >= end) problems.push({ path, message: `the slot must end after it starts (${slot.start}-${slot.end})` });
  return problems;
};

export const slotsProblems = (path: string, slots: readonly DraftSlot[]): ErrorDetail[] =>
  slots.flatMap((slot, i) => slotProblems(`${path}.${i}`, slot));
