import { ValidationError, type ErrorDetail } from '../errors.ts';
import { TimeOfDay, TimeZone, Weekday, minutesOf } from '../values.ts';
import type { LocalHours } from '../outreach/callingHoursRules.ts';
import type { CampaignSettingsDraft } from './commands.ts';
import type { CampaignSettings } from './events.ts';

export const MAX_OUTBOUND_LINES = 10_000;
export const MAX_BUSINESS_HOUR_SLOTS = 50;

type Slot = CampaignSettingsDraft['defaultBusinessHours'][number];

/** One slot's problems; `federal` is the calling window in force, which no slot may reach outside. */
const slotProblems = (slot: Slot, path: string, federal: LocalHours): ErrorDetail[] => {
  const problems: ErrorDetail[] = [];
  if (slot.days.length === 0) problems.push({ path: `${path}.days`, message: 'needs at least one weekday' });
  slot.days.forEach((day, j) => {
    if (!Weekday.is(day))
      problems.push({
        path: `${path}.days.${j}`,
        message: `expected a weekday (mon..sun), got ${JSON.stringify(day)}`,
      });
    else if (slot.days.indexOf(day) < j)
      problems.push({ path: `${path}.days.${j}`, message: `${day} is listed twice` });
  });
  const startValid = TimeOfDay.is(slot.start);
  const endValid = TimeOfDay.is(slot.end);
  if (!startValid)
    problems.push({
      path: `${path}.start`,
      message: `expected a time of day HH:mm, got ${JSON.stringify(slot.start)}`,
    });
  else if (minutesOf(slot.start) < minutesOf(federal.start))
    problems.push({
      path: `${path}.start`,
      message: `must be ${federal.start} or later (calls are allowed ${federal.start}-${federal.end})`,
    });
  if (!endValid)
    problems.push({ path: `${path}.end`, message: `expected a time of day HH:mm, got ${JSON.stringify(slot.end)}` });
  else if (minutesOf(slot.end) > minutesOf(federal.end))
    problems.push({
      path: `${path}.end`,
      message: `must be ${federal.end} or earlier (calls are allowed ${federal.start}-${federal.end})`,
    });
  if (startValid && endValid && minutesOf(slot.start) >= minutesOf(slot.end))
    problems.push({ path: `${path}.end`, message: `must be after the slot's start (${slot.start})` });
  return problems;
};

/** Slots that share a weekday may touch (12:00-13:00 then 13:00-17:00) but not overlap. */
const overlapProblems = (slots: readonly Slot[]): ErrorDetail[] => {
  const intervals = slots.map((slot) =>
    TimeOfDay.is(slot.start) && TimeOfDay.is(slot.end) && minutesOf(slot.start) < minutesOf(slot.end)
      ? { days: new Set(slot.days.filter(Weekday.is)), from: minutesOf(slot.start), to: minutesOf(slot.end) }
      : undefined,
  );
  const problems: ErrorDetail[] = [];
  intervals.forEach((later, j) => {
    intervals.slice(0, j).forEach((earlier, i) => {
      if (!later || !earlier || !(earlier.from < later.to && later.from < earlier.to)) return;
      const shared = [...later.days].filter((day) => earlier.days.has(day));
      if (shared.length > 0)
        problems.push({
          path: `defaultBusinessHours.${j}`,
          message: `overlaps slot ${i} (${slots[i]!.start}-${slots[i]!.end}) on ${shared.join(', ')}`,
        });
    });
  });
  return problems;
};

/** Every rule the settings break, each with the path of the offending value; empty when they hold. */
export const campaignSettingsProblems = (draft: CampaignSettingsDraft, federalHours: LocalHours): ErrorDetail[] => {
  const problems: ErrorDetail[] = [];
  const { concurrencyRate, outboundLines, timezone, defaultBusinessHours } = draft;
  if (!Number.isInteger(concurrencyRate) || concurrencyRate < 1 || concurrencyRate > 100)
    problems.push({
      path: 'concurrencyRate',
      message: `must be a whole percentage from 1 to 100, got ${concurrencyRate}`,
    });
  if (!Number.isInteger(outboundLines) || outboundLines < 1 || outboundLines > MAX_OUTBOUND_LINES)
    problems.push({
      path: 'outboundLines',
      message: `must be a whole number of lines from 1 to ${MAX_OUTBOUND_LINES}, got ${outboundLines}`,
    });
  if (!TimeZone.is(timezone))
    problems.push({
      path: 'timezone',
      message: `expected an IANA time zone such as America/Chicago, got ${JSON.stringify(timezone)}`,
    });
  if (defaultBusinessHours.length === 0)
    problems.push({ path: 'defaultBusinessHours', message: 'needs at least one slot' });
  if (defaultBusinessHours.length > MAX_BUSINESS_HOUR_SLOTS)
    problems.push({
      path: 'defaultBusinessHours',
      message: `may hold at most ${MAX_BUSINESS_HOUR_SLOTS} slots, got ${defaultBusinessHours.length}`,
    });
  defaultBusinessHours.forEach((slot, i) =>
    problems.push(...slotProblems(slot, `defaultBusinessHours.${i}`, federalHours)),
  );
  problems.push(...overlapProblems(defaultBusinessHours));
  return problems;
};

/** The settings, checked: throws a ValidationError listing every broken rule at once. */
export const validCampaignSettings = (draft: CampaignSettingsDraft, federalHours: LocalHours): CampaignSettings => {
  const problems = campaignSettingsProblems(draft, federalHours);
  if (problems.length > 0) {
    const shown = problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`);
    const more = problems.length > 5 ? [`and ${problems.length - 5} more`] : [];
    throw new ValidationError(
      'SETTINGS.INVALID',
      `The campaign settings break ${problems.length} rule(s): ${[...shown, ...more].join('; ')}`,
      problems,
    );
  }
  return {
    concurrencyRate: draft.concurrencyRate,
    outboundLines: draft.outboundLines,
    timezone: draft.timezone,
    defaultBusinessHours: draft.defaultBusinessHours.map((slot) => ({
      days: slot.days.filter(Weekday.is),
      start: slot.start,
      end: slot.end,
    })),
  };
};
