import type { ScheduledReportCommand } from '../../domain/scheduledReport/commands.ts';
import { scheduledReportsDecider } from '../../domain/scheduledReport/decider.ts';
import { reportStream } from '../../domain/scheduledReport/events.ts';
import type { CommandContext } from '../commandContext.ts';
import { handlerOf, type CommandWriter } from '../handleCommand.ts';

/** Handles a command on a launched campaign's `report-<campaignId>` stream, appended at the revision it read. */
export const scheduledReportHandler = (deps: CommandWriter) => {
  const handle = handlerOf(deps, scheduledReportsDecider);
  return (command: ScheduledReportCommand, context: CommandContext) =>
    handle(reportStream(command.data.campaignId), command, context);
};

export type ScheduledReportHandler = ReturnType<typeof scheduledReportHandler>;
