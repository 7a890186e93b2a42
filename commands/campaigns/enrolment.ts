import { campaignDecider } from '../../domain/campaign/decider.ts';
import { nextEnrolment } from '../../domain/campaign/enrolment.ts';
import { campaignStream, enrolmentBatchSize, type EnrolledContact } from '../../domain/campaign/events.ts';
import { enrolmentUnfinished, type Campaign, type CampaignState } from '../../domain/campaign/state.ts';
import { AppendTooLargeError, ConcurrencyError, IllegalStateError } from '../../domain/errors.ts';
import { named } from '../../domain/namedValue.ts';
import type { CommandContext } from '../commandContext.ts';
import { stepHandler, type KnownStream } from '../handleStep.ts';
import type { CampaignDeps } from './campaignHandler.ts';
import { enrolledContactRuns } from './listFacts.ts';
import { foldCampaign } from './readCampaign.ts';

/** Tries in a row that may find another writer ahead before enrolment gives up for now. */
const CONFLICTS_IN_A_ROW = 5;

/** The campaign once its enrolment is whole (or final), with how many batches this call recorded. */
export type Enrolled = {
  readonly newState: CampaignState;
  readonly nextExpectedRevision: bigint | undefined;
  /** Where the stream's last event is, as far as this call knows. */
  readonly position: bigint | undefined;
  readonly batches: number;
};

/**
 * Finishes the enrolment of a launched campaign: the batches not yet recorded, from the list read up
 * to the revision the launch froze, one run of contacts at a time, each batch decided on the state the
 * last one left and appended on its own. Memory holds one batch, whatever the size of the list. Each
 * batch is named by the batches before it, so two writers carrying on from the same point record it
 * once. `known` is the campaign as its caller just left it (a launch), saving a read of the stream.
 */
export const enrolmentContinuation = (deps: CampaignDeps) => {
  const step = stepHandler(deps, campaignDecider);

  /** Enrols from `known` on, until the enrolment is whole; a conflict with another writer is thrown. */
  const carryOn = async (
    campaignId: string,
    known: KnownStream<CampaignState>,
    context: CommandContext,
    counted: (batches: number) => void,
  ) => {
    const stream = campaignStream(campaignId);
    let at = known;
    let position: bigint | undefined;
    const campaign = () => at.state as Campaign;
    const enrol = async (contacts: readonly EnrolledContact[]): Promise<void> => {
      const { companyId, enrolledBatches, enrolledContacts, launch } = campaign();
      try {
        const stepped = await step(
          stream,
          at,
          {
            type: 'ContinueEnrolment',
            data: {
              campaignId,
              companyId,
              listId: launch!.list.listId,
              listRevision: launch!.list.listRevision,
              from: enrolledContacts,
              contacts,
            },
          },
          {
            ...context,
            companyId,
            commandId: `enrol/${campaignId}/${enrolledBatches}`,
            correlationId: context.correlationId ?? context.commandId,
            causationId: context.commandId,
          },
        );
        at = stepped;
        if (stepped.recorded > 0) counted(1);
        position = stepped.position ?? position;
      } catch (error) {
        // Contacts with long fields may make a batch too large for one append: it is enrolled in halves.
        if (!(error instanceof AppendTooLargeError) || contacts.length === 1) throw error;
        const half = Math.ceil(contacts.length / 2);
        await enrol(contacts.slice(0, half));
        await enrol(contacts.slice(half));
      }
    };
    const next = nextEnrolment(campaign());
    if (next) {
      const { listId, listRevision } = campaign().launch!.list;
      for await (const run of enrolledContactRuns(
        deps.eventStore,
        listId,
        listRevision,
        next.from,
        enrolmentBatchSize,
      )) {
        await enrol(run);
        if (!nextEnrolment(campaign())) break;
      }
      if (nextEnrolment(campaign()))
        throw new IllegalStateError(
          'CAMPAIGN.ENROLMENT_LIST_MISSING',
          `The list ${named(listId)} the campaign launched with no longer holds the contacts its launch froze.`,
        );
    }
    return { newState: at.state, nextExpectedRevision: at.revision, position };
  };

  return async (
    campaignId: string,
    context: CommandContext,
    known?: KnownStream<CampaignState> & { readonly position?: bigint },
  ): Promise<Enrolled> => {
    let recorded = 0;
    let from = known;
    for (let conflicts = 0; ;) {
      if (!from) {
        const { state, last } = await foldCampaign(deps.eventStore, campaignId);
        from = { state, revision: last?.revision, ...(last ? { position: last.position } : {}) };
      }
      const { state } = from;
      // A completed campaign is final: its contacts stay as it left them.
      if (state.status === 'NONE' || state.status === 'COMPLETED' || !enrolmentUnfinished(state))
        return { newState: state, nextExpectedRevision: from.revision, position: from.position, batches: recorded };
      try {
        const enrolled = await carryOn(campaignId, from, context, (batches) => (recorded += batches));
        return { ...enrolled, position: enrolled.position ?? from.position, batches: recorded };
      } catch (error) {
        // A writer that got ahead, even midway through a run, leaves a state to carry on from.
        if (!(error instanceof ConcurrencyError) || ++conflicts >= CONFLICTS_IN_A_ROW) throw error;
        from = undefined;
      }
    }
  };
};

export type EnrolmentContinuation = ReturnType<typeof enrolmentContinuation>;
