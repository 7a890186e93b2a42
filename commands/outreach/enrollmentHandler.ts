import { enrollmentDecider } from '../../domain/enrollment/decider.ts';
import { enrollmentStream } from '../../domain/enrollment/events.ts';
import type { EnrollmentCommand } from '../../domain/enrollment/commands.ts';
import { callDecider } from '../../domain/call/decider.ts';
import { callStream } from '../../domain/call/events.ts';
import type { CallCommand } from '../../domain/call/commands.ts';
import type { CommandContext } from '../commandContext.ts';
import { handlerOf, type CommandWriter, type HandleOptions } from '../handleCommand.ts';

export type OutreachDeps = CommandWriter;

/**
 * Commands on a campaign contact's stream. A dispatcher names the revision it saw the contact at: a
 * conflict then means another dispatcher acted first, and deciding again would only repeat its work.
 */
export const enrollmentHandler = (deps: OutreachDeps) => {
  const handle = handlerOf(deps, enrollmentDecider);
  return (command: EnrollmentCommand, context: CommandContext, options?: HandleOptions) =>
    handle(enrollmentStream(command.data.campaignId, command.data.contactId), command, context, options);
};

/** Commands on one call's stream; concurrent callbacks of one call retry on conflict. */
export const callHandler = (deps: OutreachDeps) => {
  const handle = handlerOf(deps, callDecider);
  return (command: CallCommand, context: CommandContext) => handle(callStream(command.data.callId), command, context);
};

export type EnrollmentHandler = ReturnType<typeof enrollmentHandler>;
export type CallHandler = ReturnType<typeof callHandler>;
