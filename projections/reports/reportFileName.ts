import { DateTime } from 'luxon';
import type { Report } from './report.ts';

/** A file name a download may carry: no path separators, quotes or control characters. */
const fileSafe = (text: string): string => text.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '-').trim() || 'campaign';

/** `<campaign name>-<report>-<yyyy-mm-dd>.csv`, the day as read in `zone`. */
export const csvFileName = (
  campaignName: string,
  report: Pick<Report<unknown>, 'path'>,
  at: Date,
  zone: string,
): string => `${fileSafe(campaignName)}-${report.path}-${DateTime.fromJSDate(at, { zone }).toISODate()}.csv`;
