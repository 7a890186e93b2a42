import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { EngineError, NotFoundError, type ErrorDetail } from '../domain/errors.ts';

/** RFC 9457 problem details, with our stable error `code` and field-level `errors`. */
export type Problem = {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code?: string;
  readonly errors?: readonly ErrorDetail[];
};

export const problemContentType = 'application/problem+json';

const typeUri = (slug: string): string => `urn:outreach:problem:${slug}`;

/**
 * The one place errors become statuses. ConcurrencyError is 412 when the client sent If-Match (its
 * precondition failed) and 409 otherwise. IllegalStateError is 422 when it carries field-level
 * `errors` (the state was checked and found wanting, as with launch problems) and 409 otherwise.
 */
const engineProblem = (error: EngineError, req: Request): Problem => {
  const base = { detail: error.message, code: error.code };
  const errors = error.errors.length > 0 ? { errors: error.errors } : {};
  switch (error.kind) {
    case 'validation':
      return { type: typeUri('validation'), title: 'Invalid request', status: 400, ...base, errors: error.errors };
    case 'unauthorized':
      return { type: typeUri('unauthorized'), title: 'Unauthorized', status: 401, ...base };
    case 'forbidden':
      return { type: typeUri('forbidden'), title: 'Forbidden', status: 403, ...base };
    case 'not_found':
      // A request naming several things (contact ids of a campaign) is told each one that is missing.
      return { type: typeUri('not-found'), title: 'Not found', status: 404, ...base, ...errors };
    case 'concurrency':
      return req.headers['if-match'] !== undefined
        ? { type: typeUri('precondition-failed'), title: 'Precondition failed', status: 412, ...base }
        : { type: typeUri('conflict'), title: 'Conflict', status: 409, ...base };
    case 'illegal_state':
      return error.errors.length > 0
        ? { type: typeUri('unprocessable'), title: 'Unprocessable', status: 422, ...base, ...errors }
        : { type: typeUri('illegal-state'), title: 'Conflict', status: 409, ...base };
    case 'unsupported_media_type':
      return {
        type: typeUri('unsupported-media-type'),
        title: 'Unsupported Media Type',
        status: 415,
        ...base,
        ...errors,
      };
    case 'too_large':
      return { type: typeUri('content-too-large'), title: 'Content Too Large', status: 413, ...base };
  }
};

/** Errors of the body parsers (http-errors), by their `type`; their messages may quote the body, so ours replace them. */
const parserProblems: Record<string, { code: string; detail: (error: HttpError) => string }> = {
  'entity.parse.failed': { code: 'REQUEST.MALFORMED_BODY', detail: () => 'The request body is not valid JSON.' },
  'entity.too.large': {
    code: 'REQUEST.BODY_TOO_LARGE',
    detail: (error) => `The request body is larger than the ${String(error.limit)} bytes this route accepts.`,
  },
  'parameters.too.many': { code: 'REQUEST.BODY_TOO_LARGE', detail: () => 'The request body has too many parameters.' },
  'encoding.unsupported': {
    code: 'REQUEST.UNSUPPORTED_ENCODING',
    detail: () => 'The request body has an unsupported content encoding.',
  },
  'charset.unsupported': {
    code: 'REQUEST.UNSUPPORTED_CHARSET',
    detail: () => 'The request body has an unsupported charset.',
  },
  'request.aborted': { code: 'REQUEST.ABORTED', detail: () => 'The request was aborted while its body was read.' },
  'request.size.invalid': {
    code: 'REQUEST.SIZE_MISMATCH',
    detail: () => 'The request body does not match its Content-Length.',
  },
};

type HttpError = Error & { status?: unknown; statusCode?: unknown; expose?: unknown; type?: unknown; limit?: unknown };

const clientProblem = (error: HttpError): Problem | undefined => {
  const status = Number(error.status ?? error.statusCode);
  if (!Number.isInteger(status) || status < 400 || status > 499) return undefined;
  const title = STATUS_CODES[status] ?? 'Bad Request';
  const type = typeUri(title.toLowerCase().replaceAll(' ', '-'));
  const known = typeof error.type === 'string' ? parserProblems[error.type] : undefined;
  if (known) return { type, title, status, detail: known.detail(error), code: known.code };
  return { type, title, status, detail: error.expose === true ? error.message : title };
};

const internalProblem: Problem = {
  type: typeUri('internal'),
  title: 'Internal server error',
  status: 500,
  detail: 'The server could not complete the request; it has been logged.',
};

export const problemFor = (error: unknown, req: Request): Problem => {
  if (error instanceof EngineError) return engineProblem(error, req);
  return (error instanceof Error && clientProblem(error)) || internalProblem;
};

/** Last in the chain: answers problem+json; surprises are logged (through pino-http's `res.err`) and hidden. */
export const problemHandler: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) return next(error);
  const problem = problemFor(error, req);
  if (problem.status >= 500) res.err = error instanceof Error ? error : new Error(String(error));
  res.status(problem.status).type(problemContentType).json(problem);
};

/** Mounted after every router. */
export const unknownRoute: RequestHandler = (req, _res, next) =>
  next(new NotFoundError('ROUTE.NOT_FOUND', `No route ${req.method} ${req.path}.`));
