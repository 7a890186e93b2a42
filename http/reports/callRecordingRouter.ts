import { pipeline } from 'node:stream';
import { Router } from 'express';
import type { Recordings } from '../../commands/outreach/recordings.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { collection } from '../../projections/collection.ts';
import { companyScope } from '../../projections/companyScope.ts';
import { CALL_RECORDS, type CallRecordDoc } from '../../projections/reports/calls/callRecordDocument.ts';
import { callerOf } from '../caller.ts';
import type { EngineContext } from '../engineContext.ts';
import { problemResponse } from '../openapi.ts';
import { documentedRoute } from '../routeRegistry.ts';
import { named } from '../../domain/namedValue.ts';

/**
 * `GET /v1/campaigns/:id/reports/calls/:callId/recording`: the recording streamed from the carrier
 * under the caller's API key. The carrier's address and credentials never leave the engine.
 */
export const callRecordingRouter = (ctx: EngineContext, recordings: Recordings | undefined): Router => {
  const router = Router();
  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'get',
      path: '/v1/campaigns/:id/reports/calls/:callId/recording',
      summary: "A call's recording, fetched from the carrier that made it",
      description:
        'The `recording` link of a call record. The audio is streamed as the carrier serves it (MP3 from Twilio); 404 when the call was not recorded, or the carrier no longer has it.',
      tags: ['Reports'],
      security: 'apiKey',
      responses: {
        200: {
          description: 'the recording',
          contentType: 'audio/mpeg',
          schema: { type: 'string', format: 'binary' },
          alternatives: [
            {
              contentType: 'audio/wav',
              schema: { type: 'string', format: 'binary', description: "the simulated carrier's recordings" },
            },
          ],
        },
        401: problemResponse('no valid API key'),
        404: problemResponse('the company has no such campaign or call, or no recording of it'),
      },
    },
    async (req, res) => {
      const campaignId = String(req.params['id']);
      const callId = String(req.params['callId']);
      const record = await collection<CallRecordDoc>(
        companyScope(ctx.readStore, callerOf(req).companyId),
        CALL_RECORDS,
      ).get(callId);
      const missing = () =>
        new NotFoundError(
          'CALL.NO_RECORDING',
          `Campaign ${named(campaignId)} has no recording of call ${named(callId)}.`,
        );
      if (
        !record ||
        record.campaignId !== campaignId ||
        record.callId !== callId ||
        record.recordingUrl === null ||
        !recordings
      )
        throw missing();
      const audio = await recordings.fetch(record.recordingUrl);
      if (!audio) throw missing();
      res.type(audio.contentType);
      if (audio.length !== undefined) res.set('content-length', String(audio.length));
      res.set('cache-control', 'private, no-store');
      pipeline(audio.body, res, () => undefined);
    },
  );
  return router;
};
