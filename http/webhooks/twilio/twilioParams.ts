import { DateTime } from 'luxon';
import { ValidationError } from '../../../domain/errors.ts';

/** Twilio's form parameters as express parsed them (flat; a repeated key becomes an array). */
export type TwilioParams = Readonly<Record<string, unknown>>;

/** The parameter's value when it is one non-empty string; Twilio never repeats the keys we read. */
export const optionalParam = (params: TwilioParams, name: string): string | undefined => {
  const value = params[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

export const requiredParam = (params: TwilioParams, name: string): string => {
  const value = optionalParam(params, name);
  if (value === undefined)
    throw new ValidationError('TWILIO.MISSING_PARAMETER', `Twilio's request has no ${name}.`, [
      { path: name, message: 'required' },
    ]);
  return value;
};

/** A whole number Twilio sent as text (`CallDuration`, `SequenceNumber`); anything else is left out. */
export const countParam = (params: TwilioParams, name: string): number | undefined => {
  const value = optionalParam(params, name);
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
};

/** Twilio's `Timestamp` is RFC 2822 (`Mon, 02 Mar 2026 15:00:00 +0000`); when absent or unreadable, when we heard of it. */
export const reportedAtOf = (params: TwilioParams, receivedAt: Date): string => {
  const stamp = optionalParam(params, 'Timestamp');
  const parsed = stamp ? DateTime.fromRFC2822(stamp, { zone: 'utc' }) : undefined;
  return parsed?.isValid ? (parsed.toISO() ?? receivedAt.toISOString()) : receivedAt.toISOString();
};
