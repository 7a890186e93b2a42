import type { RequestHandler } from 'express';
import twilio from 'twilio';
import { ForbiddenError } from '../../../domain/errors.ts';

export type SignatureOptions = {
  readonly authToken: string;
  /** Our public origin (and base path), as Twilio was given it: the signature covers the full URL. */
  readonly publicUrl: string;
};

/** Lets through only requests signed by Twilio for this URL and these parameters; anything else is a 403 before any handler runs. */
export const verifyTwilioSignature = ({ authToken, publicUrl }: SignatureOptions): RequestHandler => {
  const origin = publicUrl.replace(/\/+$/, '');
  return (req, _res, next) => {
    const signature = req.header('x-twilio-signature');
    const params = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
    if (signature && twilio.validateRequest(authToken, signature, `${origin}${req.originalUrl}`, params)) return next();
    next(
      new ForbiddenError('TWILIO.BAD_SIGNATURE', 'The request does not carry a valid Twilio signature for this URL.'),
    );
  };
};
