import { randomBytes } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import twilio from 'twilio';
import { listen } from '../../http/server.ts';

/** A request the fake received, with its form parameters as sent (repeated keys as arrays). */
export type ReceivedRequest = {
  readonly method: string;
  readonly path: string;
  readonly params: Record<string, string | string[]>;
};

export type FakeCall = {
  readonly sid: string;
  readonly to: string;
  readonly from: string;
  readonly params: Record<string, string | string[]>;
  status: string;
  readonly createdAt: Date;
  /** TwiML sent by call updates (transfers), in order. */
  readonly twimlUpdates: string[];
  sequence: number;
  /** What a fetch of the call shows once it has ended. */
  endedAt?: Date;
  durationSeconds?: number;
  answeredBy?: string;
};

export type FakeMessage = {
  readonly sid: string;
  readonly to: string;
  readonly from: string;
  readonly body: string;
  readonly params: Record<string, string | string[]>;
  status: string;
};

export type Played = { readonly status: number; readonly text: string; readonly contentType: string };

const ENDED = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);

const sid = (prefix: string): string => `${prefix}${randomBytes(16).toString('hex')}`;
const rfc2822 = (date: Date): string => date.toUTCString().replace('GMT', '+0000');
const one = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

const twilioError = (res: Response, status: number, code: number, message: string): void => {
  res.status(status).json({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
};

/**
 * A Twilio-shaped REST API on 127.0.0.1: creates, updates, fetches and lists calls, creates messages,
 * keeps what it received, and plays callbacks to the URLs it was given, signed as Twilio signs them.
 */
export const startFakeTwilio = async (options: { clock?: () => Date; basePath?: string } = {}) => {
  const accountSid = sid('AC');
  const authToken = randomBytes(16).toString('hex');
  const clock = options.clock ?? (() => new Date());
  const received: ReceivedRequest[] = [];
  const calls = new Map<string, FakeCall>();
  const messages = new Map<string, FakeMessage>();

  const callJson = (call: FakeCall) => ({
    sid: call.sid,
    account_sid: accountSid,
    to: call.to,
    from: call.from,
    status: call.status,
    direction: 'outbound-api',
    api_version: '2010-04-01',
    date_created: rfc2822(call.createdAt),
    date_updated: rfc2822(clock()),
    start_time: null,
    end_time: call.endedAt ? rfc2822(call.endedAt) : null,
    duration: call.durationSeconds !== undefined ? String(call.durationSeconds) : null,
    answered_by: call.answeredBy ?? null,
    uri: `/2010-04-01/Accounts/${accountSid}/Calls/${call.sid}.json`,
  });

  const app = express();
  app.use(express.urlencoded({ extended: false }));
  app.use((req, res, next) => {
    received.push({
      method: req.method,
      path: req.path,
      params: { ...(req.method === 'GET' ? req.query : req.body) } as ReceivedRequest['params'],
    });
    const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
    if (req.headers.authorization !== expected) return twilioError(res, 401, 20003, 'Authenticate');
    if (!req.path.startsWith(`/2010-04-01/Accounts/${accountSid}/`))
      return twilioError(res, 404, 20404, 'The requested resource was not found');
    next();
  });
  const base = '/2010-04-01/Accounts/:account';

  app.post(`${base}/Calls.json`, (req: Request, res: Response) => {
    const params = req.body as Record<string, string | string[]>;
    const to = one(params['To']);
    const from = one(params['From']);
    if (!to || !from || !(params['Url'] || params['Twiml']))
      return twilioError(res, 400, 21205, 'To, From and Url are required');
    const call: FakeCall = {
      sid: sid('CA'),
      to,
      from,
      params,
      status: 'queued',
      createdAt: clock(),
      twimlUpdates: [],
      sequence: 0,
    };
    calls.set(call.sid, call);
    res.status(201).json(callJson(call));
  });

  app.get(`${base}/Calls.json`, (req: Request, res: Response) => {
    const to = req.query['To'];
    const pageSize = Number(req.query['PageSize'] ?? 50);
    const matching = [...calls.values()]
      .filter((call) => to === undefined || call.to === to)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, pageSize);
    const uri = `/2010-04-01/Accounts/${accountSid}/Calls.json`;
    res.json({
      calls: matching.map(callJson),
      first_page_uri: uri,
      next_page_uri: null,
      previous_page_uri: null,
      page: 0,
      page_size: pageSize,
      start: 0,
      end: matching.length,
      uri,
    });
  });

  app.get(`${base}/Calls/:sid.json`, (req: Request, res: Response) => {
    const call = calls.get(String(req.params['sid']));
    if (!call) return twilioError(res, 404, 20404, 'The requested resource was not found');
    res.json(callJson(call));
  });

  app.post(`${base}/Calls/:sid.json`, (req: Request, res: Response) => {
    const call = calls.get(String(req.params['sid']));
    if (!call) return twilioError(res, 404, 20404, 'The requested resource was not found');
    if (ENDED.has(call.status)) return twilioError(res, 400, 21220, 'Call is not in-progress. Cannot redirect.');
    const params = req.body as Record<string, string>;
    if (params['Twiml']) call.twimlUpdates.push(params['Twiml']);
    if (params['Status'] === 'completed' || params['Status'] === 'canceled') call.status = params['Status'];
    res.json(callJson(call));
  });

  app.post(`${base}/Messages.json`, (req: Request, res: Response) => {
    const params = req.body as Record<string, string | string[]>;
    const to = one(params['To']);
    const from = one(params['From']);
    const body = one(params['Body']);
    if (!to || !from || body === undefined) return twilioError(res, 400, 21602, 'To, From and Body are required');
    const message: FakeMessage = { sid: sid('SM'), to, from, body, params, status: 'queued' };
    messages.set(message.sid, message);
    res.status(201).json({
      sid: message.sid,
      account_sid: accountSid,
      to,
      from,
      body,
      status: 'queued',
      direction: 'outbound-api',
      date_created: rfc2822(clock()),
    });
  });

  // A Twilio-compatible API may live under a path, as SignalWire's `/api/laml` does.
  const root = express();
  root.use(options.basePath ?? '/', app);
  const server = await listen(root, { port: 0, host: '127.0.0.1' });

  /** Posts a form to `url` as Twilio does, with `X-Twilio-Signature` computed over the URL and the parameters. */
  const playCallback = async (url: string, params: Record<string, string>, signature?: string): Promise<Played> => {
    const signed = signature ?? twilio.getExpectedTwilioSignature(authToken, url, params);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signed },
      body: new URLSearchParams(params).toString(),
    });
    return {
      status: response.status,
      text: await response.text(),
      contentType: response.headers.get('content-type') ?? '',
    };
  };

  const callOf = (callSid: string): FakeCall => {
    const call = calls.get(callSid);
    if (!call) throw new Error(`the fake never placed call ${callSid}`);
    return call;
  };

  const callParams = (call: FakeCall, status: string, extra: Record<string, string>): Record<string, string> => ({
    AccountSid: accountSid,
    ApiVersion: '2010-04-01',
    CallSid: call.sid,
    CallStatus: status,
    Direction: 'outbound-api',
    From: call.from,
    To: call.to,
    ...extra,
  });

  return {
    /** What TWILIO_API_URL names to reach this fake. */
    url: `${server.url}${options.basePath ?? ''}`,
    accountSid,
    authToken,
    received,
    calls,
    messages,
    playCallback,
    /** The call moves to `status` and its status callback hears of it, numbered as Twilio numbers them. */
    playCallStatus: (callSid: string, status: string, extra: Record<string, string> = {}): Promise<Played> => {
      const call = callOf(callSid);
      call.status = status;
      const url = one(call.params['StatusCallback']);
      if (!url) throw new Error(`call ${callSid} has no status callback`);
      const params = callParams(call, status, {
        Timestamp: rfc2822(clock()),
        SequenceNumber: String(call.sequence++),
        CallbackSource: 'call-progress-events',
        ...extra,
      });
      return playCallback(url, params);
    },
    /** The answered call asks for its instructions at its `Url`, as Twilio does (with `AnsweredBy` when detection was on). */
    playInstructions: (callSid: string, extra: Record<string, string> = {}): Promise<Played> => {
      const call = callOf(callSid);
      call.status = 'in-progress';
      const url = one(call.params['Url']);
      if (!url) throw new Error(`call ${callSid} has no instructions URL`);
      return playCallback(url, callParams(call, 'in-progress', extra));
    },
    playMessageStatus: (messageSid: string, status: string, extra: Record<string, string> = {}): Promise<Played> => {
      const message = messages.get(messageSid);
      if (!message) throw new Error(`the fake never sent message ${messageSid}`);
      message.status = status;
      const url = one(message.params['StatusCallback']);
      if (!url) throw new Error(`message ${messageSid} has no status callback`);
      return playCallback(url, {
        AccountSid: accountSid,
        MessageSid: messageSid,
        SmsSid: messageSid,
        MessageStatus: status,
        SmsStatus: status,
        To: message.to,
        From: message.from,
        ApiVersion: '2010-04-01',
        ...extra,
      });
    },
    close: () => server.close(100),
  };
};

export type FakeTwilio = Awaited<ReturnType<typeof startFakeTwilio>>;
