import { DateTime } from 'luxon';

/** A step's local date and time of sending, minute precision: `2027-01-10T09:00`. */
const localDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

const DAY = 86_400_000;

/**
 * The instant a step dated `sendAt` falls due in `zone` (epoch ms), or undefined when the value is not
 * a real local date and time. A time a DST change repeats is its first occurrence (a reminder goes at
 * the first 01:30); a time a change skips moves forward by the change (02:30 becomes 03:30).
 */
export const sendAtInstant = (sendAt: string, zone: string): number | undefined => {
  if (!localDateTime.test(sendAt)) return undefined;
  const shifted = DateTime.fromISO(sendAt, { zone });
  if (!shifted.isValid) return undefined;
  // The wall time read as UTC, less each offset the zone has within a day of it: the instants showing that wall time.
  const wall = DateTime.fromISO(sendAt, { zone: 'UTC' }).toMillis();
  const offsets = new Set([-DAY, 0, DAY].map((around) => DateTime.fromMillis(wall + around, { zone }).offset));
  const showing = [...offsets]
    .map((offset) => wall - offset * 60_000)
    .filter((instant) => DateTime.fromMillis(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm") === sendAt);
  return showing.length > 0 ? Math.min(...showing) : shifted.toMillis();
};
