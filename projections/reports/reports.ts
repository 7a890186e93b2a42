import { callsReport } from './calls/callsReport.ts';
import { transfersReport } from './calls/transfersReport.ts';
import { optOutsReport } from './optOuts/optOutsReport.ts';
import type { Report, ReportName } from './report.ts';
import { contactsReport } from './engagement/contactsReport.ts';
import { engagementReport } from './engagement/engagementReport.ts';

/** A report of any row type, as the routes, the export and the scheduler hold them side by side. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyReport = Report<any>;

/** Every report of the reports hub, in the order the API documents them. */
export const reports: readonly AnyReport[] = [
  callsReport,
  contactsReport,
  transfersReport,
  optOutsReport,
  engagementReport,
];

/** The report scheduled reports name `name`, if there is one. */
export const reportNamed = (name: string, among: readonly AnyReport[] = reports): AnyReport | undefined =>
  among.find((report) => report.name === (name as ReportName));

/** The report whose route ends in `path` (`opt-outs`), if there is one. */
export const reportAt = (path: string, among: readonly AnyReport[] = reports): AnyReport | undefined =>
  among.find((report) => report.path === path);
