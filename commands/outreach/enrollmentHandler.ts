import { enrollmentDecider } from '../../domain/enrollment/decider.ts';
import { enrollmentStream } from '../../domain/enrollment/events.ts';
import type { EnrollmentCommand } from '../../domain/enrollment/commands.ts';
import { callDecider } from '../../domain/call/decider.ts';
import { callStream } from '../../domain/call/events.ts';
import type { CallCommand } from '../../domain/call/commands.ts';
import type { EventRegistry } from '../../domain/events/eventRegistry.ts';
import type { CommandContext } from '../commandContext.ts';
import type { EventStore } from '../eventStore.ts';
import { commandHandler, type HandleOptions } from '../handleCommand.ts';
import type { Scheduler } from '../scheduler.ts';

export type OutreachDeps = {
  readonly eventStore: EventStore;
  readonly registry: EventRegistry;
  /** The clock a conflict's backoff waits on. */
  readonly realTime?: Scheduler;
};

/**
 * Commands on a campaign contact's stream. A dispatcher names the revision it saw the contact at: a
 * conflict then means another dispatcher acted first, and deciding again would only repeat its work.
 */
export const enrollmentHandler = ({ eventStore, registry, realTime }: OutreachDeps) => {
  const handle = commandHandler({ store: eventStore, registry, decider: enrollmentDecider, ...(realTime ? { realTime } : {}) });
  return (command: EnrollmentCommand, context: CommandContext, options?: HandleOptions) =>
    handle(enrollmentStream(command.data.campaignId, command.data.contactId), command, context, options);
};

/** Commands on one call's stream; concurrent callbacks of one call retry on conflict. */
export const callHandler = ({ eventStore, registry, realTime }: OutreachDeps) => {
  const handle = commandHandler({ store: eventStore, registry, decider: callDecider, ...(realTime ? { realTime } : {}) });
  return (command: CallCommand, context: CommandContext) => handle(callStream(command.data.callId), command, context);
};

export type EnrollmentHandler = ReturnType<typeof enrollmentHandler>;
export type CallHandler = ReturnType<typeof callHandler>;
