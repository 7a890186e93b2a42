import { DateTime } from 'luxon';
import { ValidationError } from '../../domain/errors.ts';
import { runWindow, type RunWindow } from '../../domain/scheduledReport/runWindow.ts';
import type { Report, ReportQuery } from '../../projections/reports/report.ts';
import type { ReadStore } from '../../projections/readStore.ts';
import type { ScheduleDoc, ScheduledReportsDoc } from '../../projections/scheduledReports/scheduledReportDocument.ts';
import { filterProblems, type ReportCatalog } from './reportCatalog.ts';

/** SES takes raw messages up to 10 MB; a larger report is refused rather than cut. */
export const maxAttachmentBytes = 9 * 1024 * 1024;

export type ReportFile = { readonly filename: string; readonly content: Buffer; readonly rows: number; readonly window: RunWindow };

/** What a run of the schedule at `at` reports on: its saved filters and its window, in its zone. */
export const scheduledQuery = (doc: ScheduledReportsDoc, schedule: ScheduleDoc, at: Date): { query: ReportQuery; window: RunWindow; zone: string } => {
  const zone = schedule.timezone ?? doc.zone;
  const window = runWindow(schedule.window, zone, at);
  const query: ReportQuery = { companyId: doc.companyId, campaignId: doc.campaignId, filters: schedule.filters ?? {}, window };
  return { query, window, zone };
};

/** `<campaign name>-<report>-<yyyy-mm-dd>.csv`, the name kept to letters, digits, dots and dashes. */
export const reportFilename = (campaignName: string, report: string, date: string): string => {
  const name = campaignName.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
  return `${name || 'campaign'}-${report.replace(/_/g, '-')}-${date}.csv`;
};

/** Counts the rows the CSV writer reads, page by page. */
const counting = (report: Report<unknown>) => {
  const counter = { rows: 0 };
  const page: Report<unknown>['page'] = async (store, query, options) => {
    const found = await report.page(store, query, options);
    counter.rows += found.items.length;
    return found;
  };
  return { report: { ...report, page }, counter };
};

/**
 * The schedule's report at `at` as one CSV file: the manual export and every run build it here, so
 * both read the same filters over the same window.
 */
export const reportFile = async (catalog: ReportCatalog, readStore: ReadStore, doc: ScheduledReportsDoc, schedule: ScheduleDoc, at: Date): Promise<ReportFile> => {
  const problems = filterProblems(catalog, schedule.report, schedule.filters);
  if (problems.length > 0) throw new ValidationError('SCHEDULED_REPORT.INVALID_FILTERS', 'The scheduled report has filters its report does not take.', problems);
  const { query, window, zone } = scheduledQuery(doc, schedule, at);
  const { report, counter } = counting(catalog.reportNamed(schedule.report)!);
  const pieces: Buffer[] = [];
  let bytes = 0;
  for await (const text of catalog.csv(report, query)) {
    const piece = Buffer.from(text, 'utf8');
    bytes += piece.length;
    if (bytes > maxAttachmentBytes) throw new ValidationError('SCHEDULED_REPORT.TOO_LARGE', `The report is larger than ${maxAttachmentBytes} bytes; narrow its filters or window.`);
    pieces.push(piece);
  }
  const date = DateTime.fromJSDate(at, { zone }).toISODate()!;
  return { filename: reportFilename(doc.campaignName, schedule.report, date), content: Buffer.concat(pieces), rows: counter.rows, window };
};
