import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { RequestHandler } from 'express';
import { loggedUrl } from './loggedUrl.ts';
import { maskSecretsAndContacts, maskDeep } from './redaction.ts';

export type LoggerOptions = {
  readonly level: string;
  /** Where lines go; stdout when absent. */
  readonly destination?: DestinationStream;
};

/** Keys whose values never reach a log, whatever they hold, at the top level or one level down. */
const secretKeys = ['body', 'text', 'html', 'authorization', 'cookie', 'password', 'authToken', 'apiKey', 'token'];
const secretPaths = [
  ...secretKeys,
  ...secretKeys.map((key) => `*.${key}`),
  '*.headers.authorization',
  '*.headers.cookie',
];

/** Copies a serialized error into plain data, so its causes, aggregated errors and extra fields are masked too. */
const plainError = (error: Error): unknown => {
  const serialized = stdSerializers.err(error);
  try {
    return JSON.parse(JSON.stringify(serialized));
  } catch {
    return { ...serialized };
  }
};

/** Masks the message of an error, its stack and every field it carries, which often quote the input that failed. */
const maskedError = (error: Error): Record<string, unknown> => maskDeep(plainError(error)) as Record<string, unknown>;

/** A pino logger that masks phone numbers and emails in every string and drops bodies and credentials. */
export const createLogger = (options: LoggerOptions): Logger =>
  pino(
    {
      level: options.level,
      redact: { paths: secretPaths, censor: '[redacted]' },
      serializers: { err: maskedError },
      formatters: { log: (object) => maskDeep(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const [first, ...rest] = args as unknown[];
          // `log.error(err)` takes its message from the error; mask it before pino does.
          const head =
            first instanceof Error && rest.length === 0
              ? [{ err: first }, maskSecretsAndContacts(first.message)]
              : [first];
          const masked = [...head, ...rest].map((arg) => (typeof arg === 'string' ? maskSecretsAndContacts(arg) : arg));
          method.apply(this, masked as Parameters<typeof method>);
        },
      },
    },
    options.destination ?? pino.destination(1),
  );

/** A caller-supplied request id is kept when it is short, plain and names no one, so traces join up across services. */
const requestId = (req: IncomingMessage, res: ServerResponse): string => {
  const given = req.headers['x-request-id'];
  // An id that reads as a phone number, email or key would carry it into every log line: it is replaced.
  const id =
    typeof given === 'string' && /^[\w.:-]{1,64}$/.test(given) && maskSecretsAndContacts(given) === given
      ? given
      : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
};

/** Serializes only what is safe: no headers, no body; the URL with secrets, contact details and search terms masked. */
const safeRequest = (req: IncomingMessage & { id?: unknown; originalUrl?: string }) => ({
  id: req.id,
  method: req.method,
  url: loggedUrl(req.originalUrl ?? req.url ?? ''),
  userAgent: maskSecretsAndContacts(req.headers['user-agent'] ?? ''),
});

const quietPaths = new Set(['/healthz', '/metrics']);

/** One line per request with its id, status and duration; probes and scrapes are not logged. */
export const httpLogging = (logger: Logger): RequestHandler =>
  pinoHttp({
    logger,
    genReqId: requestId,
    wrapSerializers: false,
    serializers: {
      req: safeRequest,
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      err: maskedError,
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    autoLogging: { ignore: (req) => quietPaths.has((req.url ?? '').split('?')[0] ?? '') },
  });
