import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { stringifySafeCsv } from '../../projections/reports/safeCsv.ts';
import type { ReadStore } from '../../projections/readStore.ts';
import { reportCsv } from '../../projections/reports/reportCsv.ts';
import { reportNamed, reports, type AnyReport } from '../../projections/reports/reports.ts';
import type { ContactOutcome, DemoSummary } from './demoTally.ts';

const columns: (keyof ContactOutcome)[] = [
  'externalId',
  'caseId',
  'contactId',
  'name',
  'phone',
  'email',
  'state',
  'timezone',
  'timezoneSource',
  'status',
  'calls',
  'answered',
  'lastOutcome',
  'smsSent',
  'emailsSent',
  'repliesReceived',
  'optedOut',
];

/** Every contact's outcome as CSV under `<DATA_DIR>/reports/`; answers the file's path. */
export const writeContactReport = (dataDir: string, campaignId: string, rows: readonly ContactOutcome[]): string => {
  const directory = join(dataDir, 'reports');
  mkdirSync(directory, { recursive: true });
  const file = join(directory, `campaign-${campaignId}-contacts.csv`);
  // Booleans as yes/no: csv-stringify would write false as an empty cell.
  writeFileSync(
    file,
    stringifySafeCsv(
      rows.map((row) => columns.map((column) => row[column])),
      { header: true, columns: columns as string[], cast: { boolean: (value) => (value ? 'yes' : 'no') } },
    ),
  );
  return file;
};

/** The reports of the reports hub the demo writes beside the contacts CSV, by name. */
export const demoReportNames: readonly string[] = ['calls', 'opt_outs', 'engagement'];

/**
 * A registered report of the campaign, by the name scheduled reports use (`calls`, `opt_outs`...),
 * written whole as the API's CSV under `<DATA_DIR>/reports/`; answers the file's path.
 */
export const writeRegisteredReport = async (
  dataDir: string,
  store: ReadStore,
  campaign: { readonly companyId: string; readonly campaignId: string },
  name: string,
  among: readonly AnyReport[] = reports,
): Promise<string> => {
  const report = reportNamed(name, among);
  if (!report)
    throw new Error(`no report named ${name}; the registered ones are ${among.map((r) => r.name).join(', ')}`);
  const directory = join(dataDir, 'reports');
  mkdirSync(directory, { recursive: true });
  const file = join(directory, `campaign-${campaign.campaignId}-${report.path}.csv`);
  await pipeline(reportCsv(store, report, { ...campaign, filters: {} }), createWriteStream(file));
  return file;
};

const line = (label: string, value: number) => `  ${label.padEnd(34, '.')} ${String(value).padStart(7)}`;

/** The summary the demo ends with. */
export const summaryText = (summary: DemoSummary, contacts: number, simulatedHours: number, seconds: number): string =>
  [
    `Campaign played out: ${contacts} contacts, ${simulatedHours.toFixed(0)} simulated hours in ${seconds.toFixed(1)} s`,
    line('calls placed', summary.callsPlaced),
    line('calls answered', summary.callsAnswered),
    line('voicemails', summary.voicemails),
    line('transfers to the firm', summary.transfers),
    line('opt-outs', summary.optOuts),
    line('texts sent', summary.smsSent),
    line('emails sent', summary.emailsSent),
    line('messages received', summary.messagesReceived),
    line('contacts reached (a call answered)', summary.contactsReached),
    line('contacts completed', summary.contactsCompleted),
    line('calls refused by the calling window', summary.callsRefusedByWindow),
  ].join('\n');

/** A word the shell reads as it is, whatever it holds. */
const quoted = (word: string): string => (/^[\w./:-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`);

/**
 * The demo company's API key in `<DATA_DIR>/demo-api-key`, readable by its owner only (as the admin
 * token is), and the exact commands that browse the campaign with `npm start` on the same data.
 */
export const browseText = (dataDir: string, apiKey: string, campaignId: string): string => {
  const file = resolve(dataDir, 'demo-api-key');
  writeFileSync(file, `${apiKey}\n`, { mode: 0o600 });
  // The same shell steps as the README's "Using the API": the key and the campaign in variables, then curl.
  const get = (path: string, csv = false) =>
    `  curl -s "localhost:\${PORT:-3000}/v1/campaigns/$CAMPAIGN${path}" -H "Authorization: Bearer $KEY"${csv ? " -H 'Accept: text/csv'" : ''}`;
  const start =
    resolve(dataDir) === resolve('data') ? 'npm start' : `npm start -- --data-dir ${quoted(resolve(dataDir))}`;
  return [
    `The demo company's API key is in ${file}. To browse what the demo played, start the service on its data:`,
    `  ${start}`,
    'then, from another shell in this directory (PORT as you started it, 3000 unless set):',
    `  KEY=$(cat ${quoted(file)}) CAMPAIGN=${campaignId}`,
    get(''),
    get('/contacts?status=active'),
    get('/reports/calls', true),
    get('/reports/contacts'),
    get('/reports/engagement', true),
    '  (the reports are calls, contacts, transfers, opt-outs and engagement; Accept: text/csv exports any of them)',
  ].join('\n');
};
