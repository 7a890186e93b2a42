import type { EventRegistry } from '../../domain/events/eventRegistry.ts';
import type { SmsKeywords } from '../../domain/consent/smsKeywords.ts';
import { IllegalStateError, NotFoundError } from '../../domain/errors.ts';
import { maskedCarrierCallId, OTHER_CARRIER_CALL } from '../../domain/call/carrierCallBinding.ts';
import type { ReadStore } from '../../projections/readStore.ts';
import type { Scheduler } from '../scheduler.ts';
import { loadCompany } from '../company/loadCompany.ts';
import { consentCommands } from '../consent/consentCommands.ts';
import type { ReplySender } from '../consent/consentReplies.ts';
import { unsubscribeTokens } from '../consent/unsubscribeTokens.ts';
import { messageCommands } from '../messages/messageCommands.ts';
import type { EventStore } from '../eventStore.ts';
import type { CallSettlement } from './callSettlement.ts';
import { callHandler } from './enrollmentHandler.ts';
import type { Telephony } from './telephony.ts';
import type { AgentReport } from './agentReports.ts';
import type { EmailReportHandlers, TelephonyReportHandlers } from './carrierReports.ts';
import { agentReportHandler } from './reports/agentReportHandler.ts';
import { callOwnerFinder, type CallOwner } from './reports/callOwner.ts';
import { emailUnsubscribeClick } from './reports/emailUnsubscribeClick.ts';
import { formAnswerRecorder } from './reports/formAnswerRecorder.ts';
import { inboundSenderOf } from './reports/inboundSender.ts';
import { inboundCalls } from './reports/inboundCalls.ts';
import { isInboundCallId } from './reports/inboundCallId.ts';
import { inboundTexts } from './reports/inboundTexts.ts';
import { messageCompanyOf } from './reports/messageOwner.ts';
import { isReportMessageId } from '../../domain/scheduledReport/events.ts';
import { named } from '../../domain/namedValue.ts';

export type OutreachReportsDeps = {
  readonly eventStore: EventStore;
  readonly registry: EventRegistry;
  readonly readStore: ReadStore;
  readonly clock: () => Date;
  readonly newId: () => string;
  /** The carrier replies and transfers go through; absent, transfers are refused. */
  readonly telephony: Telephony | undefined;
  /** The dispatcher's settlement, so a report and a dispatch carry an outcome the same way. */
  readonly settlement: CallSettlement;
  /** Signs and checks email unsubscribe links (the one the `/unsubscribe/:token` route uses). */
  readonly unsubscribeSecret: string;
  /** Where the carrier reports a reply's delivery; the simulated carrier needs none. */
  readonly smsStatusCallbackUrl?: (messageId: string) => string;
  /** Where a contact asking for HELP is told to turn. */
  readonly helpContact?: string;
  /** How long a report may wait for its call to show in the read models. */
  readonly lookupWaitMs?: number;
  /** The clock that wait runs on: real time, never the outreach clock, whose own timers deliver a simulated carrier's reports. */
  readonly realTime: Scheduler;
  /** The SMS keyword lists in force; the defaults when absent. */
  readonly smsKeywords?: SmsKeywords;
  /** Where refused reports are told of (a status report naming another carrier call). */
  readonly log?: { warn(fields: object, message: string): void };
};

/**
 * The one place carrier and agent reports meet the engine: call statuses settle calls, message
 * statuses move messages, inbound texts are recorded and read for consent, agent reports go to the
 * call (and to consent for an opt-out), email unsubscribes to consent. Every handler is idempotent.
 */
export const outreachReports = (deps: OutreachReportsDeps) => {
  const { eventStore, registry, readStore, clock } = deps;
  const writer = { eventStore, registry, realTime: deps.realTime };
  const consent = consentCommands(writer);
  const messages = messageCommands(writer);
  const ownerOf = callOwnerFinder(eventStore, readStore, {
    realTime: deps.realTime,
    ...(deps.lookupWaitMs !== undefined ? { waitMs: deps.lookupWaitMs } : {}),
  });
  const calls = callHandler(writer);
  const inbound = inboundCalls({ eventStore, readStore, calls, senderOf: inboundSenderOf(readStore) });
  const formAnswers = formAnswerRecorder({ ...writer, readStore, calls });
  const agent = agentReportHandler({
    readStore,
    calls,
    consent,
    settlement: deps.settlement,
    telephony: deps.telephony,
    ownerOf,
    formAnswers,
    clock,
  });
  const replySender = async (companyId: string): Promise<ReplySender> => {
    const company = await loadCompany(eventStore, companyId);
    return {
      name: company.status === 'Active' ? company.name : 'Outreach',
      ...(deps.helpContact ? { helpContact: deps.helpContact } : {}),
    };
  };
  const noTelephony: Telephony['sendSms'] = async () => {
    throw new Error('no carrier is configured to send texts');
  };
  const texts = inboundTexts({
    ...writer,
    consent,
    messages,
    telephony: deps.telephony ?? ({ sendSms: noTelephony } as unknown as Telephony),
    senderOf: inboundSenderOf(readStore),
    replySender,
    statusCallbackUrl: deps.smsStatusCallbackUrl ?? (() => ''),
    clock,
    ...(deps.smsKeywords ? { smsKeywords: deps.smsKeywords } : {}),
  });
  const unsubscribe = emailUnsubscribeClick(consent, unsubscribeTokens(deps.unsubscribeSecret), deps.newId);

  const messageStatus: TelephonyReportHandlers['messageStatus'] = async (report) => {
    if (isReportMessageId(report.messageId)) return;
    await messages.applyStatusReport(report, {
      companyId: await messageCompanyOf(eventStore, report.messageId),
      now: clock(),
    });
  };

  const telephony: TelephonyReportHandlers = {
    callStatus: async (report) => {
      // An inbound call's id says it is one (no dispatched call to wait for); its stream names its company.
      const owner = isInboundCallId(report.callId)
        ? await inbound.ownerOf(report.callId)
        : await ownerOf(report.callId);
      const seq = report.sequence === undefined ? '' : `#${report.sequence}`;
      try {
        await deps.settlement.report(report, {
          commandId: `call-status/${report.callId}/${report.progress}/${report.reportedAt}${seq}`,
          companyId: owner.companyId,
          actor: 'carrier',
          now: clock(),
        });
      } catch (error) {
        if (error instanceof IllegalStateError && error.code === OTHER_CARRIER_CALL) {
          const boundTo =
            owner.carrierCallId === undefined ? {} : { boundTo: maskedCarrierCallId(owner.carrierCallId) };
          deps.log?.warn(
            {
              callId: report.callId,
              carrierCallId: maskedCarrierCallId(report.carrierCallId),
              ...boundTo,
              progress: report.progress,
            },
            'call status report refused: it names another carrier call',
          );
        }
        throw error;
      }
    },
    agent: (report) => agent(report),
    messageStatus,
    inboundSms: async (sms) => {
      await texts(sms);
    },
  };

  const email: EmailReportHandlers = {
    messageStatus,
    unsubscribe: async (click) => {
      await unsubscribe(click.url, new Date(click.clickedAt));
    },
  };

  return {
    telephony,
    email,
    /** An agent report checked against a caller's company first (the agent events route): another company's call is not found. */
    agentFor: async (companyId: string, report: AgentReport): Promise<CallOwner> => {
      const owner = await ownerOf(report.callId);
      if (owner.companyId !== companyId) throw new NotFoundError('CALL.NOT_FOUND', `No call ${named(report.callId)}.`);
      await agent(report, owner);
      return owner;
    },
    /** An inbound text, answering what was done (routing, consent, reply), for the Twilio route and tests. */
    inboundText: texts,
    /** Inbound calls: routed and recorded when they come in. */
    inboundCalls: inbound,
    ownerOf,
  };
};

export type OutreachReports = ReturnType<typeof outreachReports>;
