import { assertNever, type Decider } from '../decider.ts';
import { IllegalStateError, NotFoundError } from '../errors.ts';
import type { ScheduledReportCommand } from './commands.ts';
import { runIdOf, runMessageId, type ScheduledReport, type ScheduledReportEvent } from './events.ts';
import { named } from '../namedValue.ts';

export type OpenRun = { readonly reportId: string; readonly recipients: readonly string[] };

/** A launched campaign's report stream: schedules added and removed since launch, and each schedule's runs. */
export type ScheduledReportsState = {
  readonly added: Readonly<Record<string, ScheduledReport>>;
  readonly removed: Readonly<Record<string, string>>;
  /** The last period claimed per schedule: a period at or before it is never claimed again. */
  readonly lastPeriod: Readonly<Record<string, string>>;
  /** Runs claimed and not yet recorded as sent or failed, by run id. */
  readonly open: Readonly<Record<string, OpenRun>>;
};

export const initialScheduledReportsState = (): ScheduledReportsState => ({
  added: {},
  removed: {},
  lastPeriod: {},
  open: {},
});

export const REPORT_SCHEDULE_NOT_FOUND = 'REPORT_SCHEDULE.NOT_FOUND';
export const REPORT_RUN_CLAIMED = 'REPORT_RUN.ALREADY_CLAIMED';
export const REPORT_RUN_NOT_OPEN = 'REPORT_RUN.NOT_OPEN';

const without = <V>(record: Readonly<Record<string, V>>, key: string): Record<string, V> => {
  const next = { ...record };
  delete next[key];
  return next;
};

const openRun = (state: ScheduledReportsState, runId: string): OpenRun => {
  const run = state.open[runId];
  if (!run) throw new IllegalStateError(REPORT_RUN_NOT_OPEN, `Run ${runId} is not waiting for its outcome.`);
  return run;
};

export const decideScheduledReports = (
  command: ScheduledReportCommand,
  state: ScheduledReportsState,
): ScheduledReportEvent[] => {
  const { campaignId, now } = command.data;
  switch (command.type) {
    case 'AddScheduledReport': {
      const { schedule } = command.data;
      if (state.added[schedule.id]) return [];
      return [{ type: 'ScheduledReportAdded', data: { campaignId, schedule, addedAt: now } }];
    }
    case 'RemoveScheduledReport': {
      const { reportId, launched } = command.data;
      const known = launched.includes(reportId) || state.added[reportId] !== undefined;
      if (!known || state.removed[reportId])
        throw new NotFoundError(REPORT_SCHEDULE_NOT_FOUND, `No scheduled report ${named(reportId)}.`);
      return [{ type: 'ScheduledReportRemoved', data: { campaignId, reportId, removedAt: now } }];
    }
    case 'ClaimReportRun': {
      const { reportId, period, dueAt, window, recipients } = command.data;
      if (state.removed[reportId])
        throw new NotFoundError(REPORT_SCHEDULE_NOT_FOUND, `Scheduled report ${reportId} was removed.`);
      const last = state.lastPeriod[reportId];
      const waiting = Object.values(state.open).some((run) => run.reportId === reportId);
      if ((last !== undefined && period <= last) || waiting)
        throw new IllegalStateError(
          REPORT_RUN_CLAIMED,
          `The run of ${reportId} for ${period} is claimed, or an earlier one still waits for its outcome.`,
        );
      const runId = runIdOf(reportId, period);
      const messageId = runMessageId(campaignId, reportId, period);
      return [
        {
          type: 'ScheduledReportRunClaimed',
          data: {
            campaignId,
            reportId,
            runId,
            period,
            dueAt,
            window,
            recipients: [...recipients],
            messageId,
            claimedAt: now,
          },
        },
      ];
    }
    case 'RecordReportSent': {
      const { runId, rows, messageIds } = command.data;
      const run = openRun(state, runId);
      return [
        {
          type: 'ScheduledReportSent',
          data: {
            campaignId,
            reportId: run.reportId,
            runId,
            sentAt: now,
            rows,
            recipients: [...run.recipients],
            messageIds: [...messageIds],
          },
        },
      ];
    }
    case 'RecordReportFailed': {
      const { runId, error } = command.data;
      const run = openRun(state, runId);
      return [
        { type: 'ScheduledReportFailed', data: { campaignId, reportId: run.reportId, runId, failedAt: now, error } },
      ];
    }
    default:
      return assertNever(command);
  }
};

export const evolveScheduledReports = (
  state: ScheduledReportsState,
  event: ScheduledReportEvent,
): ScheduledReportsState => {
  switch (event.type) {
    case 'ScheduledReportAdded':
      return { ...state, added: { ...state.added, [event.data.schedule.id]: event.data.schedule } };
    case 'ScheduledReportRemoved':
      return { ...state, removed: { ...state.removed, [event.data.reportId]: event.data.removedAt } };
    case 'ScheduledReportRunClaimed': {
      const { reportId, runId, period, recipients } = event.data;
      return {
        ...state,
        lastPeriod: { ...state.lastPeriod, [reportId]: period },
        open: { ...state.open, [runId]: { reportId, recipients } },
      };
    }
    case 'ScheduledReportSent':
    case 'ScheduledReportFailed':
      return { ...state, open: without(state.open, event.data.runId) };
    default:
      return assertNever(event);
  }
};

/** Schedules added to and removed from a launched campaign, and their runs: each claimed once, before it is sent. */
export const scheduledReportsDecider: Decider<ScheduledReportsState, ScheduledReportCommand, ScheduledReportEvent> = {
  decide: decideScheduledReports,
  evolve: evolveScheduledReports,
  initialState: initialScheduledReportsState,
};
