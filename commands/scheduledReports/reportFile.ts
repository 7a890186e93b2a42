import { ValidationError } from '../../domain/errors.ts';
import { runWindow, type RunWindow } from '../../domain/scheduledReport/runWindow.ts';
import type { ReadStore } from '../../projections/readStore.ts';
import type { Report, ReportQuery } from '../../projections/reports/report.ts';
import { csvFileName } from '../../projections/reports/reportFileName.ts';
import { reportQuery } from '../../projections/reports/reportQuery.ts';
import type { AnyReport } from '../../projections/reports/reports.ts';
import type { ScheduleDoc, ScheduledReportsDoc } from '../../projections/scheduledReports/scheduledReportDocument.ts';
import { filterProblems, type ReportCatalog } from './reportCatalog.ts';

/** SES takes raw messages up to 10 MB; a larger report is refused rather than cut. */
export const maxAttachmentBytes = 9 * 1024 * 1024;

export type ScheduledRun = {
  readonly report: AnyReport;
  readonly query: ReportQuery;
  readonly window: RunWindow;
  readonly filename: string;
};

/**
 * What the schedule reports at `at`: its saved filters over its window, in its zone, read through the
 * report's own query (a saved date range narrows the window). The manual export and every run start
 * here, so both read the same rows.
 */
export const scheduledRun = async (
  catalog: ReportCatalog,
  store: ReadStore,
  doc: ScheduledReportsDoc,
  schedule: ScheduleDoc,
  at: Date,
): Promise<ScheduledRun> => {
  const problems = filterProblems(catalog, schedule.report, schedule.filters);
  if (problems.length > 0)
    throw new ValidationError(
      'SCHEDULED_REPORT.INVALID_FILTERS',
      'The scheduled report has filters its report does not take.',
      problems,
    );
  const report = catalog.reportNamed(schedule.report)!;
  const zone = schedule.timezone ?? doc.zone;
  const window = runWindow(schedule.window, zone, at);
  const query = await reportQuery(store, report, {
    companyId: doc.companyId,
    campaignId: doc.campaignId,
    filters: schedule.filters ?? {},
    window,
  });
  return { report, query, window, filename: csvFileName(doc.campaignName, report, at, zone) };
};

export type ReportFile = {
  readonly filename: string;
  readonly content: Buffer;
  readonly rows: number;
  readonly window: RunWindow;
};

/** Counts the rows the CSV writer reads, page by page. */
const counting = (report: AnyReport) => {
  const counter = { rows: 0 };
  const page: Report<unknown>['page'] = async (store, query, options) => {
    const found = await report.page(store, query, options);
    counter.rows += found.items.length;
    return found;
  };
  return { report: { ...report, page }, counter };
};

/** The run's CSV as one file for an email attachment, with the rows it holds. */
export const reportFile = async (
  catalog: ReportCatalog,
  store: ReadStore,
  doc: ScheduledReportsDoc,
  schedule: ScheduleDoc,
  at: Date,
): Promise<ReportFile> => {
  const run = await scheduledRun(catalog, store, doc, schedule, at);
  const { report, counter } = counting(run.report);
  const pieces: Buffer[] = [];
  let bytes = 0;
  for await (const text of catalog.csv(report, run.query)) {
    const piece = Buffer.from(text, 'utf8');
    bytes += piece.length;
    if (bytes > maxAttachmentBytes)
      throw new ValidationError(
        'SCHEDULED_REPORT.TOO_LARGE',
        `The report is larger than ${maxAttachmentBytes} bytes; narrow its filters or window.`,
      );
    pieces.push(piece);
  }
  return { filename: run.filename, content: Buffer.concat(pieces), rows: counter.rows, window: run.window };
};
