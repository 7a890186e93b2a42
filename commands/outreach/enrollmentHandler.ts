import { enrollmentDecider } from '../../domain/enrollment/decider.ts';
import { enrollmentStream } from '../../domain/enrollment/events.ts';
import type { EnrollmentCommand } from '../../domain/enrollment/commands.ts';
import { callDecider } from '../../domain/call/decider.ts';
import { callStream } from '../../domain/call/events.ts';
import type { CallCommand } from '../../domain/call/commands.ts';
import type { EventRegistry } from '../../domain/events/eventRegistry.ts';
import type { CommandContext } from '../commandContext.ts';
import type { EventStore } from '../eventStore.ts';
import { commandHandler } from '../handleCommand.ts';

export type OutreachDeps = { readonly eventStore: EventStore; readonly registry: EventRegistry };

const once = { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 };

/**
 * Commands on a campaign contact's stream. A command that names the revision it saw is tried once: a
 * conflict means another dispatcher acted first, and deciding again would only repeat its work.
 */
export const enrollmentHandler = ({ eventStore, registry }: OutreachDeps) => {
  const retrying = commandHandler({ store: eventStore, registry, decider: enrollmentDecider });
  const single = commandHandler({ store: eventStore, registry, decider: enrollmentDecider, retry: once });
  return (command: EnrollmentCommand, context: CommandContext) => {
    const seen = 'expectedRevision' in command.data && command.data.expectedRevision !== undefined;
    return (seen ? single : retrying)(enrollmentStream(command.data.campaignId, command.data.contactId), command, context);
  };
};

/** Commands on one call's stream; concurrent callbacks of one call retry on conflict. */
export const callHandler = ({ eventStore, registry }: OutreachDeps) => {
  const handle = commandHandler({ store: eventStore, registry, decider: callDecider });
  return (command: CallCommand, context: CommandContext) => handle(callStream(command.data.callId), command, context);
};

export type EnrollmentHandler = ReturnType<typeof enrollmentHandler>;
export type CallHandler = ReturnType<typeof callHandler>;
