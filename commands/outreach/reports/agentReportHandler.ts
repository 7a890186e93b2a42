import { assertNever } from '../../../domain/decider.ts';
import { IllegalStateError } from '../../../domain/errors.ts';
import { CAMPAIGNS } from '../../../projections/campaigns/campaignDocument.ts';
import { collection } from '../../../projections/collection.ts';
import type { Doc, ReadStore } from '../../../projections/readStore.ts';
import type { CommandContext } from '../../commandContext.ts';
import type { ConsentCommands } from '../../consent/consentCommands.ts';
import type { AgentReport } from '../agentReports.ts';
import type { CallSettlement } from '../callSettlement.ts';
import type { CallHandler } from '../enrollmentHandler.ts';
import type { Telephony } from '../telephony.ts';
import type { CallOwner, CallOwnerFinder } from './callOwner.ts';
import type { FormAnswerRecorder } from './formAnswerRecorder.ts';

export type AgentReportDeps = {
  readonly readStore: ReadStore;
  readonly calls: CallHandler;
  readonly consent: ConsentCommands;
  readonly settlement: CallSettlement;
  /** Absent where no carrier is configured: a transfer cannot be made then. */
  readonly telephony: Telephony | undefined;
  readonly ownerOf: CallOwnerFinder;
  readonly formAnswers: FormAnswerRecorder;
  readonly clock: () => Date;
};

/** The campaign's forwarding number (its inbound routing), where a person who asks for a human is put through. */
const forwardingNumberOf = async (readStore: ReadStore, campaignId: string): Promise<string | undefined> => {
  const campaign = await collection<Doc & { draft?: { routing?: { forwardingNumber?: string } } }>(
    readStore,
    CAMPAIGNS,
  ).get(campaignId);
  return campaign?.draft?.routing?.forwardingNumber;
};

/**
 * What the voice agent reports about a call, recorded on the call's stream (and, for an opt-out, on
 * the number's consent stream for the whole company). Every report may come twice: each records once.
 */
export const agentReportHandler = (deps: AgentReportDeps) => {
  // Transfers this process is making: a duplicate arriving meanwhile must not move the call twice.
  const transferring = new Set<string>();

  const contextOf = (owner: CallOwner, what: string, report: AgentReport): CommandContext => ({
    commandId: `agent-${what}/${owner.callId}/${report.reportedAt}`,
    companyId: owner.companyId,
    actor: 'voice-agent',
    now: deps.clock(),
  });

  const transfer = async (owner: CallOwner, report: Extract<AgentReport, { kind: 'transfer_requested' }>) => {
    if (owner.state.transferred || owner.state.outcome || transferring.has(owner.callId)) return;
    transferring.add(owner.callId);
    try {
      const to = await forwardingNumberOf(deps.readStore, owner.campaignId);
      if (!to)
        throw new IllegalStateError(
          'CALL.NO_FORWARDING_NUMBER',
          `Campaign ${owner.campaignId} has no forwarding number to transfer to.`,
        );
      if (!deps.telephony || !owner.carrierCallId)
        throw new IllegalStateError(
          'CALL.NOT_TRANSFERABLE',
          `Call ${owner.callId} cannot be transferred: the carrier has not placed it here.`,
        );
      await deps.telephony.transferCall(owner.carrierCallId, to);
      await deps.calls(
        { type: 'RecordTransfer', data: { callId: owner.callId, at: report.reportedAt, to } },
        contextOf(owner, 'transfer', report),
      );
    } finally {
      transferring.delete(owner.callId);
    }
  };

  const optOut = async (owner: CallOwner, report: Extract<AgentReport, { kind: 'opt_out' }>) => {
    const dialled = await owner.to();
    if (dialled) {
      const where = {
        campaignId: owner.campaignId,
        contactId: owner.contactId,
        callId: owner.callId,
        excerpt: report.utterance.trim().slice(0, 160),
      };
      await deps.consent.optOut(
        { address: dialled, source: 'agent_reported', context: where },
        contextOf(owner, 'opt-out-consent', report),
      );
    }
    await deps.calls(
      { type: 'RecordInCallOptOut', data: { callId: owner.callId, at: report.reportedAt } },
      contextOf(owner, 'opt-out', report),
    );
  };

  return async (report: AgentReport, owner?: CallOwner): Promise<void> => {
    const call = owner ?? (await deps.ownerOf(report.callId));
    const about = {
      callId: call.callId,
      campaignId: call.campaignId,
      contactId: call.contactId,
      at: report.reportedAt,
    };
    switch (report.kind) {
      case 'form_answers':
        return deps.formAnswers(call, report, (what) => contextOf(call, what, report));
      case 'summary':
        await deps.calls(
          { type: 'RecordCallSummary', data: { ...about, summary: report.summary } },
          contextOf(call, 'summary', report),
        );
        return;
      case 'transfer_requested':
        return transfer(call, report);
      case 'opt_out':
        return optOut(call, report);
      case 'call_ended':
        // The outcome comes from the carrier's final status; this only carries it on if it is already known.
        await deps.settlement.settle(call.callId, contextOf(call, 'ended', report));
        return;
      default:
        return assertNever(report);
    }
  };
};

export type AgentReportHandler = ReturnType<typeof agentReportHandler>;
