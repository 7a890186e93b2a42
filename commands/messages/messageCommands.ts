import { messageDecider } from '../../domain/message/decider.ts';
import type { MessageCommand } from '../../domain/message/commands.ts';
import { messageStream } from '../../domain/message/events.ts';
import type { MessageStatusReport } from '../outreach/carrierReports.ts';
import { handlerOf, type CommandWriter, type HandleResult } from '../handleCommand.ts';
import type { MessageState } from '../../domain/message/state.ts';
import type { MessageEvent } from '../../domain/message/events.ts';

export type MessageCommandDeps = CommandWriter;

type Context = { readonly companyId: string; readonly now: Date; readonly actor?: string };

/**
 * The message stream's use cases. Command ids derive from the message and the fact, so a repeat
 * (a duplicate callback, a second runner) finds the first answer and appends nothing.
 */
export const messageCommands = (deps: MessageCommandDeps) => {
  const handle = handlerOf(deps, messageDecider);
  const run = (
    command: MessageCommand,
    commandId: string,
    context: Context,
  ): Promise<HandleResult<MessageState, MessageEvent>> =>
    handle(messageStream(command.data.messageId), command, {
      commandId,
      companyId: context.companyId,
      actor: context.actor ?? 'workflow-runner',
      now: context.now,
    });

  return {
    run,
    /** A carrier's status callback, verified and parsed by its adapter. */
    applyStatusReport: (report: MessageStatusReport, context: Context) =>
      run(
        {
          type: 'ApplyMessageStatusReport',
          data: {
            messageId: report.messageId,
            carrierMessageId: report.carrierMessageId,
            progress: report.progress,
            reportedAt: report.reportedAt,
            ...(report.errorCode === undefined ? {} : { errorCode: report.errorCode }),
          },
        },
        `message-status/${report.messageId}/${report.progress}/${report.reportedAt}`,
        { actor: 'carrier', ...context },
      ),
  };
};

export type MessageCommands = ReturnType<typeof messageCommands>;
