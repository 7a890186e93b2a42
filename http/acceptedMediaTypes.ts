import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { UnsupportedMediaTypeError, ValidationError } from '../domain/errors.ts';
import type { HttpMethod, RouteDoc } from './routeDoc.ts';

/**
 * What a route takes as its body is declared once, in its document (`requestBody.contentType`, JSON
 * when unsaid); the app decodes only UTF-8 JSON, forms and CSV, and each route refuses the rest with
 * 415 before its handler runs. `application/*+json` types are refused too: they name formats of
 * their own (merge patch, problem details) that the routes do not implement.
 */

export const jsonMediaType = 'application/json';

const token = /^[\w!#$&^.+-]+\/[\w!#$&^.+-]+$/;
const charsetParameter = /;\s*charset\s*=\s*"?([^";\s]*)"?/i;

export type MediaType = { readonly type: string; readonly charset: string | undefined };

/** `Application/JSON; Charset="UTF-8"` reads as `{type: 'application/json', charset: 'utf-8'}`. */
export const mediaTypeOf = (header: string | undefined): MediaType | undefined => {
  if (header === undefined) return undefined;
  const type = (header.split(';')[0] ?? '').trim().toLowerCase();
  return { type, charset: charsetParameter.exec(header)?.[1]?.toLowerCase() };
};

/** Text is only ever read as UTF-8 (the default of every format we take). */
const isUtf8 = (charset: string | undefined): boolean =>
  charset === undefined || charset === 'utf-8' || charset === 'utf8';

/** A body parser's `type` test: this media type, in UTF-8 or with no charset named. */
export const decodes =
  (type: string) =>
  (req: IncomingMessage): boolean => {
    const media = mediaTypeOf(req.headers['content-type']);
    return media !== undefined && media.type === type && isUtf8(media.charset);
  };

/** The media types a route's body may have. */
export const acceptedMediaTypes = (doc: Pick<RouteDoc, 'requestBody'>): readonly string[] => {
  const declared = doc.requestBody?.contentType ?? jsonMediaType;
  return typeof declared === 'string' ? [declared] : declared;
};

/** A request carries content when it says so; `Content-Length: 0` is no content. */
const hasContent = (req: IncomingMessage): boolean =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/** GET and HEAD content has no meaning here; it is ignored, as before. */
const readsContent = (method: HttpMethod): boolean => method !== 'get';

/** RFC 9110 and 5789 name the types a refused POST or PATCH could have used. */
const advertisement: Partial<Record<HttpMethod, string>> = { post: 'Accept-Post', patch: 'Accept-Patch' };

const described = (media: MediaType | undefined): string => {
  if (media === undefined) return 'has no Content-Type';
  const type = token.test(media.type) ? media.type : 'of an unreadable media type';
  const charset =
    media.charset === undefined || isUtf8(media.charset)
      ? ''
      : /^[\w.:-]{1,40}$/.test(media.charset)
        ? ` in charset ${media.charset}`
        : ' in an unreadable charset';
  return `is ${type}${charset}`;
};

/** Refuses content of any type the route does not declare, or not in UTF-8, with 415 naming both; a required body that is missing, with 400. */
export const acceptsOnly = (doc: Pick<RouteDoc, 'method' | 'requestBody'>): RequestHandler => {
  const accepted = acceptedMediaTypes(doc);
  const header = advertisement[doc.method];
  const expected = `${accepted.join(' or ')} (UTF-8)`;
  const needsBody = doc.requestBody !== undefined && doc.requestBody.required !== false;
  return (req, res, next) => {
    if (!readsContent(doc.method)) return next();
    if (!hasContent(req))
      return next(
        needsBody
          ? new ValidationError('REQUEST.MISSING_BODY', `The request has no body; this route takes ${expected}.`, [
              { path: '(root)', message: `missing; expected a body of ${expected}` },
            ])
          : undefined,
      );
    const media = mediaTypeOf(req.headers['content-type']);
    if (media !== undefined && accepted.includes(media.type) && isUtf8(media.charset)) return next();
    if (header) res.set(header, accepted.join(', '));
    next(
      new UnsupportedMediaTypeError(
        'REQUEST.UNSUPPORTED_MEDIA_TYPE',
        `The request body ${described(media)}; this route accepts ${expected}.`,
        [{ path: 'Content-Type', message: `expected ${expected}` }],
      ),
    );
  };
};
