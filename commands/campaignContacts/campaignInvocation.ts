import { invokedContactIds, type InvocationTarget } from '../../domain/campaign/invocation.ts';
import { invocationSkipOf, type InvocationSkip } from '../../domain/enrollment/invocation.ts';
import { callingRuns } from '../../domain/campaign/voiceRuns.ts';
import type { CommandContext } from '../commandContext.ts';
import { campaignHandler } from '../campaigns/campaignHandler.ts';
import { enrollmentHandler, type OutreachDeps } from '../outreach/enrollmentHandler.ts';
import { campaignRoster } from './campaignRoster.ts';

export type InvocationAnswer = {
  readonly invocationId: string;
  readonly scheduled: number;
  readonly skipped: { readonly id: string; readonly reason: InvocationSkip }[];
  readonly position: bigint;
};

/** Streams written at once, as for the other bulk contact commands. */
const parallel = 100;

/**
 * External invocation: the campaign decides whether it takes the invocation and records it on its own
 * stream; then each contact named is made due now on its enrollment stream, with the invocation's id.
 * The invocation id is the command id, so a request repeated under the same Idempotency-Key, even
 * after a crash halfway, records each part once.
 */
export const campaignInvocation = (deps: OutreachDeps) => {
  const campaigns = campaignHandler(deps);
  const enrollments = enrollmentHandler(deps);

  return async (campaignId: string, target: InvocationTarget, context: CommandContext): Promise<InvocationAnswer> => {
    const { roster } = await campaignRoster(deps.eventStore, campaignId);
    const invocationId = context.commandId;
    const at = context.now.toISOString();
    const recorded = await campaigns(
      {
        type: 'InvokeCampaign',
        data: {
          campaignId,
          companyId: context.companyId,
          now: at,
          invocationId,
          invokedBy: context.actor,
          roster,
          ...target,
        },
      },
      context,
    );
    const voiceRuns = recorded.newState.status === 'NONE' ? [] : callingRuns(recorded.newState.draft);
    const contactIds = invokedContactIds(roster, target);
    let position = recorded.position;
    let scheduled = 0;
    const skipped: { id: string; reason: InvocationSkip }[] = [];
    for (let from = 0; from < contactIds.length; from += parallel) {
      const chunk = contactIds.slice(from, from + parallel);
      const results = await Promise.all(
        chunk.map((contactId) =>
          enrollments(
            { type: 'InvokeOutreach', data: { campaignId, contactId, at, invocationId, voiceRuns } },
            { ...context, commandId: `${invocationId}/${contactId}` },
          ),
        ),
      );
      results.forEach((result, i) => {
        if (result.position > position) position = result.position;
        const reason = result.newEvents.length > 0 || result.repeated ? undefined : invocationSkipOf(result.newState);
        if (reason === undefined) scheduled += 1;
        else skipped.push({ id: chunk[i]!, reason });
      });
    }
    return { invocationId, scheduled, skipped, position };
  };
};

export type CampaignInvocation = ReturnType<typeof campaignInvocation>;
