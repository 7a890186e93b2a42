import { Router, type Request, type Response } from 'express';
import { consentCommands } from '../../commands/consent/consentCommands.ts';
import {
  derivedUnsubscribeSecret,
  unsubscribeContext,
  unsubscribeTokens,
  type UnsubscribeClaims,
} from '../../commands/consent/unsubscribeTokens.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import type { EngineContext } from '../engineContext.ts';
import { problemResponse } from '../openapi.ts';
import { documentedRoute } from '../routeRegistry.ts';
import { confirmationPage, confirmedPage, refusedPage } from './unsubscribePage.ts';

export type UnsubscribeDeps = EngineContext & {
  /** Signs and checks the links; unset, a key derived from the admin token. */
  readonly unsubscribeSecret?: string;
  readonly adminToken: string;
};

const tags = ['Consent'];
const tokenParameter = {
  name: 'token',
  in: 'path' as const,
  required: true,
  description: 'the signed token of the unsubscribe link',
};
const html = { description: 'a small HTML page', contentType: 'text/html', schema: { type: 'string' } };

/** The link is a bearer secret: keep it out of caches, referrers and search engines. */
const privateAnswer = (res: Response): void => {
  res.set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex' });
};

/**
 * `GET` and `POST /unsubscribe/:token`: email unsubscribe per RFC 8058, outside `/v1` and without any
 * key or cookie. GET only shows the address and a button: mail security gateways fetch links to scan
 * them, and a fetch must not unsubscribe anyone. The POST (one-click, or the button) records the
 * opt-out; a repeat records nothing more. A forged or malformed token answers 404, an expired one 400.
 */
export const unsubscribeRouter = (deps: UnsubscribeDeps): Router => {
  const router = Router();
  const tokens = unsubscribeTokens(deps.unsubscribeSecret ?? derivedUnsubscribeSecret(deps.adminToken));
  const consent = consentCommands(deps);

  const checked = (req: Request, now: Date): UnsubscribeClaims | { refused: 'malformed' | 'forged' | 'expired' } => {
    const check = tokens.check(String(req.params['token'] ?? ''), now);
    return check.valid ? check.claims : { refused: check.reason };
  };

  const unsubscribe = async (
    req: Request,
  ): Promise<UnsubscribeClaims | { refused: 'malformed' | 'forged' | 'expired' }> => {
    const now = deps.clock();
    const claims = checked(req, now);
    if ('refused' in claims) return claims;
    const context = { commandId: deps.newId(), companyId: claims.companyId, actor: 'email-unsubscribe-link', now };
    await consent.optOut(
      { address: claims.address, source: 'email_unsubscribe', context: unsubscribeContext(claims) },
      context,
    );
    return claims;
  };

  documentedRoute(
    router,
    deps.routes,
    {
      method: 'get',
      path: '/unsubscribe/:token',
      summary: 'The page behind an email unsubscribe link',
      description:
        'Shows the masked address and a button that unsubscribes it by POST (`List-Unsubscribe=One-Click`). Records nothing: mail security gateways fetch links to scan them. No key or cookie is needed.',
      tags,
      security: 'none',
      parameters: [tokenParameter],
      responses: {
        200: html,
        400: { ...html, description: 'the link has expired' },
        404: { ...html, description: 'the link is forged or malformed' },
      },
    },
    async (req, res) => {
      const outcome = checked(req, deps.clock());
      privateAnswer(res);
      if ('refused' in outcome) {
        res
          .status(outcome.refused === 'expired' ? 400 : 404)
          .type('html')
          .send(refusedPage(outcome.refused));
        return;
      }
      res
        .status(200)
        .type('html')
        .send(confirmationPage(outcome.address, req.originalUrl.split('?')[0]!));
    },
  );

  documentedRoute(
    router,
    deps.routes,
    {
      method: 'post',
      path: '/unsubscribe/:token',
      summary: 'One-click unsubscribe (RFC 8058)',
      description:
        'Unsubscribes the address: what mail clients send for `List-Unsubscribe-Post: List-Unsubscribe=One-Click`, as a form or as multipart form data (RFC 8058), and what the button of the GET page sends. Works without cookies; the body is not required.',
      tags,
      security: 'none',
      parameters: [tokenParameter],
      requestBody: {
        required: false,
        contentType: ['application/x-www-form-urlencoded', 'multipart/form-data'],
        schema: { type: 'object', properties: { 'List-Unsubscribe': { type: 'string', enum: ['One-Click'] } } },
        example: { 'List-Unsubscribe': 'One-Click' },
      },
      responses: {
        200: html,
        400: problemResponse('the link has expired'),
        404: problemResponse('the link is forged or malformed'),
      },
    },
    async (req, res) => {
      const outcome = await unsubscribe(req);
      privateAnswer(res);
      if ('refused' in outcome) {
        if (outcome.refused === 'expired')
          throw new ValidationError('UNSUBSCRIBE.LINK_EXPIRED', 'This unsubscribe link has expired.');
        throw new NotFoundError('UNSUBSCRIBE.UNKNOWN_LINK', 'This unsubscribe link is not valid.');
      }
      res.status(200).type('html').send(confirmedPage(outcome.address));
    },
  );

  return router;
};
