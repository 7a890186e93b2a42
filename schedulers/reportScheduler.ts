import type { EventStore } from '../commands/eventStore.ts';
import type { Scheduler } from '../commands/scheduler.ts';
import type { Email } from '../commands/outreach/email.ts';
import type { ReportCatalog } from '../commands/scheduledReports/reportCatalog.ts';
import { reportFile } from '../commands/scheduledReports/reportFile.ts';
import { runWindow } from '../domain/scheduledReport/runWindow.ts';
import { scheduledReportHandler } from '../commands/scheduledReports/scheduledReportHandler.ts';
import { EngineError } from '../domain/errors.ts';
import type { EventRegistry } from '../domain/events/eventRegistry.ts';
import { runOwed, type Run } from '../domain/scheduledReport/runTimes.ts';
import { timingOf } from '../domain/scheduledReport/scheduleTiming.ts';
import { collection } from '../projections/collection.ts';
import type { ReadStore } from '../projections/readStore.ts';
import {
  SCHEDULED_REPORTS,
  type ScheduleDoc,
  type ScheduledReportsDoc,
} from '../projections/scheduledReports/scheduledReportDocument.ts';
import { tickLoop } from './tickLoop.ts';

export type ReportSchedulerOptions = {
  /** The clock a conflict's backoff waits on: real time, whatever clock this runs on. */
  readonly realTime?: Scheduler;
  readonly eventStore: EventStore;
  readonly registry: EventRegistry;
  readonly readStore: ReadStore;
  readonly clock: Scheduler;
  readonly email: Email;
  readonly catalog: ReportCatalog;
  /** The sender of report emails. */
  readonly from: string;
  readonly newId: () => string;
  readonly intervalMs?: number;
  /** A run claimed this long ago without an outcome was interrupted (a crash): it is marked failed, never sent again. */
  readonly interruptedAfterMs?: number;
  readonly onError?: (error: unknown, what: string) => void;
  /** Waits until the read models hold every event up to `position`, so a tick sees the runs the last one recorded. */
  readonly waitForReadModels?: (position: bigint) => Promise<unknown>;
};

/** What a tick did: runs sent, failed, and claims found interrupted. */
export type ReportTick = {
  readonly sent: readonly string[];
  readonly failed: readonly string[];
  readonly interrupted: readonly string[];
};

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 500);

/** A claim another process won, or a schedule removed meanwhile: nothing to send. */
const lostClaim = (error: unknown): boolean =>
  error instanceof EngineError && ['illegal_state', 'not_found', 'concurrency'].includes(error.kind);

/**
 * Sends scheduled reports when due. Each tick reads the campaigns whose next run (or unanswered
 * claim) is due from the `scheduledReports` read model, claims each owed run on the campaign's
 * report stream at the revision it read, and only then builds the CSV and mails it to every
 * recipient. A period is claimed once, so a run is sent at most once; after downtime only the latest
 * missed run is owed. A claim a crash left without an outcome is marked failed, not sent again.
 */
export const reportScheduler = (options: ReportSchedulerOptions) => {
  const { readStore, clock, email, catalog } = options;
  const handle = scheduledReportHandler(options);
  const interruptedAfterMs = options.interruptedAfterMs ?? 15 * 60_000;
  const onError = options.onError ?? (() => {});
  const sending = new Set<string>();

  const context = (doc: ScheduledReportsDoc, commandId: string, now: Date) => ({
    commandId,
    companyId: doc.companyId,
    actor: 'report-scheduler',
    now,
  });

  const deliver = async (
    doc: ScheduledReportsDoc,
    schedule: ScheduleDoc,
    runId: string,
    messageId: string,
    run: Run,
  ): Promise<'sent' | 'failed'> => {
    const campaignId = doc.campaignId;
    const providerIds: string[] = [];
    try {
      const file = await reportFile(catalog, readStore, doc, schedule, run.at);
      for (const [i, to] of schedule.recipients.entries()) {
        const sent = await email.send({
          messageId: `${messageId}.${i + 1}`,
          from: options.from,
          to,
          subject: `${doc.campaignName}: ${schedule.report.replace(/_/g, '-')} report for ${run.period}`,
          text: `The ${schedule.report.replace(/_/g, ' ')} report of ${doc.campaignName} is attached (${file.rows} rows${file.window.from ? `, ${file.window.from} to ${file.window.until}` : ''}).`,
          headers: {},
          attachments: [{ filename: file.filename, contentType: 'text/csv; charset=utf-8', content: file.content }],
        });
        providerIds.push(sent.providerMessageId);
      }
      const now = clock.now();
      await handle(
        {
          type: 'RecordReportSent',
          data: { campaignId, runId, rows: file.rows, messageIds: providerIds, now: now.toISOString() },
        },
        context(doc, `report-sent/${runId}`, now),
      );
      return 'sent';
    } catch (error) {
      onError(error, runId);
      const now = clock.now();
      // Recipients already sent to keep their copy; the run is not sent again to anyone.
      const reached =
        providerIds.length > 0 ? ` (after ${providerIds.length} of ${schedule.recipients.length} recipients)` : '';
      await handle(
        {
          type: 'RecordReportFailed',
          data: { campaignId, runId, error: `${describe(error)}${reached}`, now: now.toISOString() },
        },
        context(doc, `report-failed/${runId}`, now),
      );
      return 'failed';
    }
  };

  const claim = async (doc: ScheduledReportsDoc, schedule: ScheduleDoc, run: Run, now: Date) => {
    const window = runWindow(schedule.window, schedule.timezone ?? doc.zone, run.at);
    try {
      const result = await handle(
        {
          type: 'ClaimReportRun',
          data: {
            campaignId: doc.campaignId,
            reportId: schedule.id,
            period: run.period,
            dueAt: run.at.toISOString(),
            window,
            recipients: schedule.recipients,
            now: now.toISOString(),
          },
        },
        context(doc, `report-claim/${options.newId()}`, now),
      );
      const claimed = result.newEvents.find((e) => e.type === 'ScheduledReportRunClaimed');
      return claimed?.type === 'ScheduledReportRunClaimed' ? claimed.data : undefined;
    } catch (error) {
      if (lostClaim(error)) return undefined;
      throw error;
    }
  };

  const tick = async (): Promise<ReportTick> => {
    if (options.waitForReadModels) await options.waitForReadModels(await options.eventStore.headPosition());
    const now = clock.now();
    const due = await collection<ScheduledReportsDoc>(readStore, SCHEDULED_REPORTS).find(
      { nextDueAt: { $lte: now.toISOString() } },
      { sort: [['nextDueAt', 1]], limit: 100 },
    );
    const done: { sent: string[]; failed: string[]; interrupted: string[] } = { sent: [], failed: [], interrupted: [] };
    for (const doc of due.items) {
      for (const schedule of doc.schedules) {
        try {
          const last = schedule.lastRun;
          if (last?.status === 'claimed') {
            if (sending.has(last.runId) || now.getTime() - Date.parse(last.claimedAt) < interruptedAfterMs) continue;
            const error =
              'interrupted: the engine stopped after claiming this run and before recording its outcome; it may have gone out, so it is not sent again';
            await handle(
              {
                type: 'RecordReportFailed',
                data: { campaignId: doc.campaignId, runId: last.runId, error, now: now.toISOString() },
              },
              context(doc, `report-interrupted/${last.runId}`, now),
            );
            done.interrupted.push(last.runId);
            continue;
          }
          const since = last?.dueAt ?? schedule.activeFrom;
          if (since === null) continue;
          const run = runOwed(timingOf(schedule, doc.zone), new Date(since), now);
          if (!run) continue;
          const claimed = await claim(doc, schedule, run, now);
          if (!claimed) continue;
          sending.add(claimed.runId);
          try {
            done[await deliver(doc, schedule, claimed.runId, claimed.messageId, run)].push(claimed.runId);
          } finally {
            sending.delete(claimed.runId);
          }
        } catch (error) {
          onError(error, `${doc.campaignId}/${schedule.id}`);
        }
      }
    }
    return done;
  };

  const loop = tickLoop({
    clock,
    intervalMs: options.intervalMs ?? 60_000,
    tick,
    onError: (error) => onError(error, '*'),
  });
  return { tick, start: loop.start, stop: loop.stop };
};

export type ReportScheduler = ReturnType<typeof reportScheduler>;
