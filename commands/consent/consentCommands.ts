import { consentAddress } from '../../domain/consent/address.ts';
import type { ConsentCommand, OptInQuestion } from '../../domain/consent/commands.ts';
import { consentDecider } from '../../domain/consent/decider.ts';
import {
  consentStream,
  type ConsentChannel,
  type ConsentContext,
  type OptOutSource,
} from '../../domain/consent/events.ts';
import { defaultConsentRules, type ConsentRules } from '../../domain/consent/consentRules.ts';
import type { CommandContext } from '../commandContext.ts';
import { handlerOf, type CommandWriter } from '../handleCommand.ts';

export type ConsentDeps = CommandWriter & {
  /** The rules configuration gives (the reopening period); the shipped ones when absent. */
  readonly consentRules?: ConsentRules;
};

export type OptOut = {
  readonly address: string;
  readonly source: OptOutSource;
  /** Only an admin names the channel; every other source decides its own. */
  readonly channel?: ConsentChannel;
  readonly context?: ConsentContext;
  /** When the person asked, when that was before the opt-out could be recorded (a text that reached no company at first). */
  readonly at?: Date;
  /** Asked by the confirmation of a revocation read from words: the answer that reopens texts, and until when. */
  readonly optInQuestion?: OptInQuestion;
};

export type Reopen = {
  readonly address: string;
  readonly reason: string;
  readonly channel?: ConsentChannel;
  readonly context?: ConsentContext;
};

/** Records opt-outs, keyword opt-ins and admin reopenings on the address's consent stream, for the context's company. */
export const consentCommands = (deps: ConsentDeps) => {
  const { consentRules = defaultConsentRules } = deps;
  const handle = handlerOf(deps, consentDecider);
  const run = (command: ConsentCommand, context: CommandContext) =>
    handle(consentStream(command.data.companyId, consentAddress(command.data.address).value), command, context);
  const target = (address: string, context: CommandContext, at = context.now) => ({
    companyId: context.companyId,
    address,
    at: at.toISOString(),
  });

  return {
    optOut: ({ address, source, channel, context: where, optInQuestion, at }: OptOut, context: CommandContext) =>
      run(
        {
          type: 'RecordOptOut',
          data: {
            ...target(address, context, at),
            source,
            ...(channel ? { channel } : {}),
            ...(where ? { context: where } : {}),
            ...(optInQuestion ? { optInQuestion } : {}),
          },
        },
        context,
      ),
    /** `answer`: the keyword counts only as the reply to the last opt-out's question, in time. */
    smsOptIn: (
      address: string,
      keyword: string,
      where: ConsentContext | undefined,
      context: CommandContext,
      answer = false,
    ) =>
      run(
        {
          type: 'RecordSmsOptIn',
          data: {
            ...target(address, context),
            keyword,
            ...(answer ? { answer } : {}),
            ...(where ? { context: where } : {}),
          },
        },
        context,
      ),
    /** Who reopens is the command's actor: an admin cannot reopen in someone else's name; the period is configuration's. */
    reopen: ({ address, reason, channel, context: where }: Reopen, context: CommandContext) =>
      run(
        {
          type: 'ReopenOutreach',
          data: {
            ...target(address, context),
            reopenedBy: context.actor,
            reason,
            refusedForDays: consentRules.reopenRefusedForDays,
            ...(channel ? { channel } : {}),
            ...(where ? { context: where } : {}),
          },
        },
        context,
      ),
  };
};

export type ConsentCommands = ReturnType<typeof consentCommands>;
