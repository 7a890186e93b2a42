import { formAnswerFacts } from '../../commands/outreach/reports/formAnswerFacts.ts';
import { formFittingAgent } from './simulatedAgentForm.ts';
import type { Config } from '../../adapters/config/config.ts';
import { systemScheduler, type Scheduler } from '../../adapters/clock/scheduler.ts';
import { emailFromConfig } from '../../adapters/email/emailFromConfig.ts';
import { isStateHoliday } from '../../adapters/holidays/stateHolidays.ts';
import { simulatedTelephony } from '../../adapters/telephony/simulated/simulatedTelephony.ts';
import type { EmailReportHandlers, TelephonyReportHandlers } from '../../commands/outreach/carrierReports.ts';
import { twilioTelephony } from '../../adapters/telephony/twilio/twilioTelephony.ts';
import { unsubscribeTokens, unsubscribeUrl } from '../../commands/consent/unsubscribeTokens.ts';
import { consentBeforeDispatch } from '../../commands/consent/consentBeforeDispatch.ts';
import type { EventStore } from '../../commands/eventStore.ts';
import { streamConsentCheck } from '../../commands/messages/consentCheck.ts';
import type { Telephony } from '../../commands/outreach/telephony.ts';
import { twilioRecordings } from '../../adapters/telephony/twilio/twilioRecordings.ts';
import { simulatedRecordings } from '../../adapters/telephony/simulated/simulatedRecordings.ts';
import { complianceRules, type ComplianceRules } from '../../domain/compliance/complianceRules.ts';
import { callingWindow } from '../../domain/outreach/callingWindow.ts';
import type { EventRegistry } from '../../domain/events/eventRegistry.ts';
import { textingWindowOf } from '../../domain/workflow/textingWindow.ts';
import type { ReadStore } from '../../projections/readStore.ts';
import { dispatcher } from '../../schedulers/dispatcher.ts';
import { callingWindowCheck, consentCheck } from '../../schedulers/dispatch/policies.ts';
import { workflowRunner } from '../../schedulers/workflowRunner.ts';
import { campaignCompletion } from '../../schedulers/campaignCompletion.ts';
import { enrolmentResumption } from '../../schedulers/enrolmentResumption.ts';
import { reportScheduler } from '../../schedulers/reportScheduler.ts';
import { registeredReports } from '../../commands/scheduledReports/reportCatalog.ts';
import { outreachReports } from '../../commands/outreach/outreachReports.ts';
import { twilioWebhooks } from '../../http/webhooks/twilioWebhooks.ts';
import type { RouteRegistry } from '../../http/routeRegistry.ts';
import { httpWebhookSender, type WebhookSenderOptions } from '../../adapters/webhooks/webhookSender.ts';
import { webhookDelivery } from '../../schedulers/webhookDelivery.ts';
import type { Router } from 'express';

/** Where carriers report back: built once the carriers and the dispatcher exist, since replies and transfers use them. */
type ReportHandlers = TelephonyReportHandlers & EmailReportHandlers;

export type OutreachEngineOptions = {
  readonly telephony: Config['telephony'];
  readonly email: Config['email'];
  /** Where carriers call back; the simulated carriers report in-process and need none. */
  readonly publicUrl: string;
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  readonly registry: EventRegistry;
  readonly scheduler: Scheduler;
  readonly newId: () => string;
  readonly unsubscribeSecret: string;
  readonly waitForReadModels: (position: bigint) => Promise<unknown>;
  /** Seed of the simulated carriers: the same seed plays the same calls and messages. */
  readonly seed?: number;
  /** A file where the simulated carrier keeps the calls it dialled, so a restarted engine reconciles against them. */
  readonly simulatedCallLog?: string;
  readonly log: { error(fields: object, message: string): void; warn?(fields: object, message: string): void };
  /** The rule tables in force: the shipped ones unless configuration overrides rows. */
  readonly compliance?: ComplianceRules;
  /** How campaign webhooks are sent: the addresses they may reach (`WEBHOOK_ALLOW_PRIVATE`), the timeout. */
  readonly webhooks?: WebhookSenderOptions;
};

/**
 * The outreach side of the engine: the carriers configuration names (the simulated ones by default),
 * the calling-window and consent policies, the dispatcher and the workflow runner, all on one clock.
 */
export const outreachEngine = (options: OutreachEngineOptions) => {
  const { eventStore, readStore, registry, scheduler, newId } = options;
  const onError = (error: unknown) => options.log.error({ err: error }, 'carrier report failed');
  // A conflict's backoff and a report's lookup wait in real time: the simulated carrier's reports run on `scheduler`, so waiting on it could wait on itself.
  const realTime = systemScheduler(onError);
  let handlers: ReportHandlers | undefined;
  // The carriers are made before the handlers they report to, which need the carriers: bound late.
  const late: ReportHandlers = {
    callStatus: (report) => handlers!.callStatus(report),
    agent: (report) => handlers!.agent(report),
    messageStatus: (report) => handlers!.messageStatus(report),
    inboundSms: (sms) => handlers!.inboundSms(sms),
    unsubscribe: (click) => handlers!.unsubscribe(click),
  };
  const seed = options.seed ?? 1;
  const simulatedCarrier =
    options.telephony.carrier === 'simulated'
      ? simulatedTelephony({
          seed,
          scheduler,
          reports: late,
          onError,
          ...(options.simulatedCallLog ? { callLog: options.simulatedCallLog } : {}),
        })
      : undefined;
  const telephony: Telephony =
    options.telephony.carrier === 'twilio' ? twilioTelephony(options.telephony) : simulatedCarrier!;
  const email = emailFromConfig(options.email, { seed: seed + 1, scheduler, reports: late, onError });

  const compliance = options.compliance ?? complianceRules();
  const window = callingWindow({ rules: compliance.callingHours, holidays: isStateHoliday });
  const base = options.publicUrl.replace(/\/+$/, '');
  const consent = consentBeforeDispatch({
    eventStore,
    registry,
    realTime,
    readStore,
    sharedNumbers: [options.telephony.smsFrom],
    clock: () => scheduler.now(),
  });
  const dispatch = dispatcher({
    eventStore,
    registry,
    readStore,
    telephony,
    callingWindow: callingWindowCheck(window),
    consent: consentCheck(eventStore, consent),
    clock: scheduler,
    realTime,
    newId,
    callbackUrls: (callId) => ({
      instructionsUrl: `${base}/webhooks/twilio/voice/twiml/${callId}`,
      statusCallbackUrl: `${base}/webhooks/twilio/voice/status`,
    }),
    waitForReadModels: options.waitForReadModels,
    onError: (error, what) => options.log.error({ err: error, what }, 'dispatcher failed'),
  });
  const tokens = unsubscribeTokens(options.unsubscribeSecret);
  const emailFrom = options.email.carrier === 'ses' ? options.email.from : 'outreach@simulated.invalid';
  const workflows = workflowRunner({
    eventStore,
    readStore,
    registry,
    telephony,
    email,
    consent: streamConsentCheck(eventStore, consent),
    routing: {
      smsFrom: options.telephony.smsFrom,
      emailFrom,
      smsStatusCallbackUrl: () => `${base}/webhooks/twilio/sms/status`,
      unsubscribeUrl: (claims, now) => unsubscribeUrl(base, tokens.issue(claims, now)),
    },
    clock: scheduler,
    realTime,
    textingWindow: textingWindowOf(window),
    log: options.log,
  });
  const reports = outreachReports({
    eventStore,
    registry,
    readStore,
    clock: () => scheduler.now(),
    realTime,
    newId,
    telephony,
    settlement: dispatch.settlement,
    unsubscribeSecret: options.unsubscribeSecret,
    smsStatusCallbackUrl: () => `${base}/webhooks/twilio/sms/status`,
    smsKeywords: compliance.smsKeywords,
    log: { warn: (fields, message) => options.log.warn?.(fields, message) },
  });
  const simulatedAgent = formFittingAgent(
    reports.telephony.agent,
    reports.ownerOf,
    formAnswerFacts(eventStore, readStore).settingsOf,
  );
  handlers = { ...reports.telephony, ...reports.email, ...(simulatedCarrier ? { agent: simulatedAgent } : {}) };
  const completion = campaignCompletion({
    eventStore,
    registry,
    readStore,
    clock: scheduler,
    realTime,
    waitForReadModels: options.waitForReadModels,
    onError: (error, campaignId) => options.log.error({ err: error, campaignId }, 'campaign completion failed'),
  });
  const enrolment = enrolmentResumption({
    eventStore,
    registry,
    readStore,
    clock: scheduler,
    realTime,
    waitForReadModels: options.waitForReadModels,
    onError: (error, campaignId) =>
      options.log.error({ err: error, campaignId }, 'enrolment of a launch recorded in parts failed'),
  });
  const scheduledReports = reportScheduler({
    eventStore,
    registry,
    readStore,
    clock: scheduler,
    realTime,
    email,
    catalog: registeredReports(readStore),
    from: emailFrom,
    newId,
    waitForReadModels: options.waitForReadModels,
    onError: (error, run) => options.log.error({ err: error, run }, 'scheduled report failed'),
  });
  const webhooks = webhookDelivery({
    eventStore,
    registry,
    readStore,
    clock: scheduler,
    realTime,
    send: httpWebhookSender(options.webhooks),
    newId,
    waitForReadModels: options.waitForReadModels,
    onError: (error, campaignId) => options.log.error({ err: error, campaignId }, 'webhook delivery failed'),
  });
  const twilioConfig = options.telephony.carrier === 'twilio' ? options.telephony : undefined;

  return {
    telephony,
    email,
    dispatcher: dispatch,
    workflows,
    completion,
    /** Finishes launches a stopped process recorded only in part, from the first tick after start. */
    enrolment,
    scheduledReports,
    /** Campaign webhooks, on a loop of their own: outreach never waits for a receiver. */
    webhooks,
    reports,
    /** The voice agent's reports (`POST /v1/agent-events`), for the HTTP API. */
    agentReports: reports.agentFor,
    /** The carrier's call recordings, for the calls report's recording links. */
    recordings: twilioConfig ? twilioRecordings(twilioConfig) : simulatedRecordings(),
    /** Twilio's callback routes, when Twilio is the carrier. */
    routers: (routes: RouteRegistry): Router[] =>
      twilioConfig
        ? [
            twilioWebhooks(reports, {
              authToken: twilioConfig.authToken,
              publicUrl: base,
              routes,
              readStore,
              clock: () => scheduler.now(),
            }),
          ]
        : [],
    /** What the simulated carrier has played, for the demo's progress line; undefined on a real carrier. */
    simulated: simulatedCarrier && {
      calls: () => simulatedCarrier.placedCalls().length,
      messages: () => simulatedCarrier.sentMessages().length,
    },
    /** Runs outreach on the scheduler's clock (the service: real time). */
    start: () => {
      dispatch.start();
      workflows.start();
      completion.start();
      enrolment.start();
      scheduledReports.start();
      webhooks.start();
    },
    stop: async () => {
      await dispatch.stop();
      await workflows.stop();
      await completion.stop();
      await enrolment.stop();
      await scheduledReports.stop();
      await webhooks.stop();
      email.close();
    },
  };
};

export type OutreachEngine = ReturnType<typeof outreachEngine>;
