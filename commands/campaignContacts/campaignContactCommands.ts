import {
  enrolledContactIds,
  matchExternalIds,
  requireManageableContacts,
  type SkippedExternalId,
} from '../../domain/campaign/campaignContacts.ts';
import type { EnrollmentCommand } from '../../domain/enrollment/commands.ts';
import type { EnrollmentStatus } from '../../domain/enrollment/state.ts';
import type { CommandContext } from '../commandContext.ts';
import { enrollmentHandler, type OutreachDeps } from '../outreach/enrollmentHandler.ts';
import { campaignRoster } from './campaignRoster.ts';
import { externalIdsOf } from './externalIdsCsv.ts';

export type ContactAction = 'MarkContactCompleted' | 'ResumeOutreach' | 'CompleteAllCalls';

export type ContactResult = {
  readonly contactId: string;
  readonly status: Lowercase<EnrollmentStatus>;
  readonly changed: boolean;
};

export type ContactsAnswer = {
  readonly contacts: ContactResult[];
  readonly changed: number;
  readonly position: bigint;
};

/** Streams written at once: enough to keep the group commit busy, few enough to stay polite. */
const parallel = 100;

const lowered = (status: EnrollmentStatus): Lowercase<EnrollmentStatus> =>
  status.toLowerCase() as Lowercase<EnrollmentStatus>;

/**
 * Mark Completed, Resume Outreach and Completed (All Calls) for chosen contacts of a campaign, each on
 * the contact's enrollment stream. Every id is checked against the campaign first, so a request naming
 * any contact the campaign did not enrol changes nothing. Each contact's command id derives from the
 * request's, so a repeated request appends nothing twice.
 */
export const campaignContactCommands = (deps: OutreachDeps) => {
  const enrollments = enrollmentHandler(deps);

  const applyTo = async (
    campaignId: string,
    contactIds: readonly string[],
    action: ContactAction,
    floor: bigint,
    reason: string | undefined,
    context: CommandContext,
  ): Promise<ContactsAnswer> => {
    const at = context.now.toISOString();
    const contacts: ContactResult[] = [];
    let position = floor;
    for (let from = 0; from < contactIds.length; from += parallel) {
      const chunk = contactIds.slice(from, from + parallel);
      const results = await Promise.all(
        chunk.map((contactId) => {
          const command = {
            type: action,
            data: { campaignId, contactId, at, ...(reason !== undefined ? { reason } : {}) },
          } as EnrollmentCommand;
          return enrollments(command, { ...context, commandId: `${context.commandId}/${contactId}` });
        }),
      );
      results.forEach((result, i) => {
        if (result.position > position) position = result.position;
        contacts.push({
          contactId: chunk[i]!,
          status: lowered(result.newState.status),
          changed: result.newEvents.length > 0 || result.repeated,
        });
      });
    }
    return { contacts, changed: contacts.filter((c) => c.changed).length, position };
  };

  const forContacts =
    (action: ContactAction) =>
    async (
      campaignId: string,
      contactIds: readonly string[],
      reason: string | undefined,
      context: CommandContext,
    ): Promise<ContactsAnswer> => {
      const { state, roster, position } = await campaignRoster(deps.eventStore, campaignId);
      requireManageableContacts(state, campaignId, context.companyId);
      return applyTo(campaignId, enrolledContactIds(roster, contactIds), action, position, reason, context);
    };

  return {
    complete: forContacts('MarkContactCompleted'),
    resume: forContacts('ResumeOutreach'),
    completeAllCalls: forContacts('CompleteAllCalls'),
    /** Marks Completed each contact whose external id, in the file, names it alone. */
    importExternalIds: async (
      campaignId: string,
      csv: string,
      context: CommandContext,
    ): Promise<{ completed: number; skipped: SkippedExternalId[]; position: bigint }> => {
      const externalIds = externalIdsOf(csv);
      const { state, roster, position } = await campaignRoster(deps.eventStore, campaignId);
      requireManageableContacts(state, campaignId, context.companyId);
      const { contactIds, skipped } = matchExternalIds(roster, externalIds);
      const answer = await applyTo(
        campaignId,
        contactIds,
        'MarkContactCompleted',
        position,
        'external_id_import',
        context,
      );
      return { completed: answer.contacts.length, skipped, position: answer.position };
    },
  };
};

export type CampaignContactCommands = ReturnType<typeof campaignContactCommands>;
