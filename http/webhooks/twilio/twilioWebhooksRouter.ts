import express, { Router, type Request, type Response } from 'express';
import twilio from 'twilio';
import type {
  AnsweredBy,
  CallStatusReport,
  InboundSms,
  MessageStatusReport,
} from '../../../commands/outreach/carrierReports.ts';
import { answeredByOf } from '../../../adapters/telephony/twilio/twilioStatuses.ts';
import { ValidationError } from '../../../domain/errors.ts';
import { problemResponse } from '../../openapi.ts';
import { documentedRoute, type RouteDoc, type RouteRegistry } from '../../routeRegistry.ts';
import { optionalParam, requiredParam, type TwilioParams } from './twilioParams.ts';
import { callStatusReportOf, inboundSmsOf, messageStatusReportOf } from './twilioReports.ts';
import { verifyTwilioSignature } from './twilioSignature.ts';

/** An inbound call as Twilio announces it. */
export type InboundCallRequest = { readonly carrierCallId: string; readonly from: string; readonly to: string };

/** Our answered call asking for its instructions, with what answering-machine detection made of it. */
export type InstructionsRequest = {
  readonly callId: string;
  readonly carrierCallId: string;
  readonly answeredBy: AnsweredBy | undefined;
};

/**
 * What the engine does with verified, parsed callbacks. Handlers must be idempotent and tolerate any
 * order (Twilio repeats and reorders callbacks); this router only verifies and parses.
 */
export type TwilioWebhookHandlers = {
  readonly onCallStatus: (report: CallStatusReport) => Promise<void>;
  readonly onMessageStatus: (report: MessageStatusReport) => Promise<void>;
  /** May answer a reply (HELP, an opt-out confirmation), sent back as TwiML `<Message>`. */
  readonly onInboundSms: (sms: InboundSms) => Promise<{ readonly reply?: string } | void>;
  readonly twimlFor: (request: InstructionsRequest) => Promise<string>;
  readonly inboundTwiml: (request: InboundCallRequest) => Promise<string>;
  /** Our id of an inbound call, whose status callbacks (the number's own) name no call of ours. */
  readonly inboundCallIdOf: (carrierCallId: string) => string;
};

export type TwilioWebhooksOptions = TwilioWebhookHandlers & {
  readonly authToken: string;
  readonly publicUrl: string;
  readonly routes: RouteRegistry;
  readonly clock?: () => Date;
};

const tags = ['Twilio webhooks'];
const formBody = {
  contentType: 'application/x-www-form-urlencoded',
  schema: { type: 'object', additionalProperties: { type: 'string' }, description: "Twilio's request parameters" },
  example: {
    AccountSid: 'AC00000000000000000000000000000000',
    CallSid: 'CA00000000000000000000000000000000',
    CallStatus: 'completed',
    From: '+13125550111',
    To: '+13125550100',
    Direction: 'outbound-api',
  },
};
const refused = {
  400: problemResponse('a parameter we need is missing or unknown'),
  403: problemResponse('no valid X-Twilio-Signature for this URL and body'),
};
const twimlAnswer = { description: 'TwiML', contentType: 'text/xml', schema: { type: 'string' } };
const servedWhen =
  'Served when Twilio is the carrier (`TWILIO_ACCOUNT_SID` and `TWILIO_AUTH_TOKEN` set); otherwise 404. Twilio calls it, signing the request with `X-Twilio-Signature`.';

const ourId = (req: Request, name: 'callId' | 'messageId'): string => {
  const value = req.query[name];
  if (typeof value !== 'string' || value === '')
    throw new ValidationError('TWILIO.NO_OUR_ID', `The callback URL names no ${name}.`, [
      { path: name, message: 'required' },
    ]);
  return value;
};

const paramsOf = (req: Request): TwilioParams =>
  typeof req.body === 'object' && req.body !== null ? (req.body as TwilioParams) : {};

const sendTwiml = (res: Response, twiml: string): void => void res.status(200).type('text/xml').send(twiml);

/** A callback's document: every one is a signed form Twilio posts. */
const callback = (doc: Pick<RouteDoc, 'path' | 'summary' | 'responses'>): RouteDoc => ({
  method: 'post',
  tags,
  security: 'twilioSignature',
  requestBody: formBody,
  description: servedWhen,
  ...doc,
});

/** Twilio's callbacks, documented apart from their handlers so the document lists them where Twilio is not the carrier too. */
const callbacks = {
  callStatus: callback({
    path: '/webhooks/twilio/voice/status',
    summary:
      "A call's progress (initiated, ringing, answered, completed...) or its recording; `?callId=` names our call, and without it the call is the inbound call of the `CallSid`",
    responses: { 204: { description: 'recorded' }, 404: problemResponse('no call of ours is that call'), ...refused },
  }),
  instructions: callback({
    path: '/webhooks/twilio/voice/twiml/:callId',
    summary: 'Instructions for an answered call: the agent stream, or the voicemail policy for a machine',
    responses: { 200: twimlAnswer, ...refused },
  }),
  inboundCall: callback({
    path: '/webhooks/twilio/voice/inbound',
    summary: 'An inbound call, routed to the AI, a person, or voicemail',
    responses: { 200: twimlAnswer, ...refused },
  }),
  smsStatus: callback({
    path: '/webhooks/twilio/sms/status',
    summary: "An SMS's delivery status; `?messageId=` names our message",
    responses: { 204: { description: 'recorded' }, ...refused },
  }),
  inboundSms: callback({
    path: '/webhooks/twilio/sms/inbound',
    summary: 'A text a contact sent (replies, STOP, HELP)',
    responses: { 200: twimlAnswer, ...refused },
  }),
};

/** Registers the callbacks' documents alone: what a process whose carrier is not Twilio does, since it serves none of them. */
export const documentTwilioCallbacks = (registry: RouteRegistry): void => {
  for (const doc of Object.values(callbacks)) registry.register(doc);
};

/** `POST /webhooks/twilio/...`: Twilio's callbacks and instruction requests, verified by signature and parsed into our reports. */
export const twilioWebhooksRouter = (options: TwilioWebhooksOptions): Router => {
  const router = Router();
  const clock = options.clock ?? (() => new Date());
  // Flat parameters, as Twilio signs them; a no-op when the app parsed the form already.
  const verified = [express.urlencoded({ extended: false }), verifyTwilioSignature(options)];
  const route = (doc: RouteDoc, handler: (req: Request, res: Response) => Promise<void>) =>
    documentedRoute(router, options.routes, doc, ...verified, handler);

  route(callbacks.callStatus, async (req, res) => {
    const params = paramsOf(req);
    const callId =
      req.query['callId'] === undefined
        ? options.inboundCallIdOf(requiredParam(params, 'CallSid'))
        : ourId(req, 'callId');
    await options.onCallStatus(callStatusReportOf(params, callId, clock()));
    res.status(204).end();
  });

  route(callbacks.instructions, async (req, res) => {
    const params = paramsOf(req);
    const answeredBy = optionalParam(params, 'AnsweredBy');
    const request = {
      callId: String(req.params['callId']),
      carrierCallId: requiredParam(params, 'CallSid'),
      answeredBy: answeredBy === undefined ? undefined : (answeredByOf(answeredBy) ?? 'unknown'),
    };
    sendTwiml(res, await options.twimlFor(request));
  });

  route(callbacks.inboundCall, async (req, res) => {
    const params = paramsOf(req);
    sendTwiml(
      res,
      await options.inboundTwiml({
        carrierCallId: requiredParam(params, 'CallSid'),
        from: requiredParam(params, 'From'),
        to: requiredParam(params, 'To'),
      }),
    );
  });

  route(callbacks.smsStatus, async (req, res) => {
    await options.onMessageStatus(messageStatusReportOf(paramsOf(req), ourId(req, 'messageId'), clock()));
    res.status(204).end();
  });

  route(callbacks.inboundSms, async (req, res) => {
    const answer = await options.onInboundSms(inboundSmsOf(paramsOf(req), clock()));
    const response = new twilio.twiml.MessagingResponse();
    if (answer && answer.reply) response.message(answer.reply);
    sendTwiml(res, response.toString());
  });

  return router;
};
