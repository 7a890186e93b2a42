import { Router } from 'express';
import * as t from 'io-ts';
import { consentCommands } from '../../commands/consent/consentCommands.ts';
import { reopenContact } from '../../commands/consent/reopenContact.ts';
import { ConsentChannel } from '../../domain/consent/events.ts';
import { NonEmptyString } from '../../domain/values.ts';
import { commandContextOf } from '../commandContextOf.ts';
import { decodeBody } from '../decodeBody.ts';
import type { EngineContext } from '../engineContext.ts';
import { problemResponse } from '../openapi.ts';
import { commandDone, positionProperty } from '../responses.ts';
import { documentedRoute } from '../routeRegistry.ts';

export const ReopenRequest = t.intersection(
  [t.type({ reason: NonEmptyString }), t.partial({ channel: ConsentChannel })],
  'ReopenRequest',
);

const reopenAnswer = {
  type: 'object',
  required: ['reopened', 'position'],
  properties: {
    reopened: {
      type: 'array',
      description: 'the addresses that were opted out and are open again; empty when none was',
      items: {
        type: 'object',
        required: ['address', 'channel'],
        properties: { address: { type: 'string' }, channel: { type: 'string' } },
      },
    },
    position: positionProperty,
  },
};

/** Opt-outs of a campaign's contacts: reopening outreach, recorded with who and why. */
export const optOutsRouter = (ctx: EngineContext): Router => {
  const router = Router();
  const reopen = reopenContact(ctx.eventStore, consentCommands(ctx));

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'post',
      path: '/v1/campaigns/:id/reports/opt-outs/:contactId/reopen',
      summary: 'Reopen outreach to a contact who opted out',
      description:
        "Reopens every channel of the contact's phone number and email address for the whole company, or only `channel` (voice, sms, email or all) when given. " +
        "The caller's key is recorded as who reopened, `reason` as why. Addresses that were not opted out stay as they are. " +
        'Texts to a person who revoked consent themselves (by text or in a call) cannot be reopened for a period after it (`COMPLIANCE_RULES` consent.reopenRefusedForDays, 10 years by default): ' +
        'such a request answers 409 naming when it becomes possible and reopens nothing; the person may still text START, and calls alone may be reopened with `channel: voice`.',
      tags: ['Consent'],
      security: 'apiKey',
      requestBody: {
        schema: ReopenRequest,
        description: 'why outreach may resume',
        example: { reason: 'the client asked to be called again', channel: 'voice' },
      },
      responses: {
        200: { description: 'what was reopened', schema: reopenAnswer },
        400: problemResponse('the body is invalid'),
        401: problemResponse('no valid API key'),
        404: problemResponse('the company has no such campaign, or the campaign no such contact'),
        409: problemResponse(
          'texts to the contact are within the reopening period after their own revocation (CONSENT.REOPEN_REFUSED); the detail names when reopening becomes possible',
        ),
      },
    },
    async (req, res) => {
      const { reason, channel } = decodeBody(ReopenRequest, req.body);
      const context = commandContextOf(req, ctx);
      const result = await reopen(String(req.params['id']), String(req.params['contactId']), reason, context, channel);
      commandDone(res, result.position, { reopened: result.reopened });
    },
  );

  return router;
};
