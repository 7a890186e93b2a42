import type { Request, Response } from 'express';
import type { Campaign, CampaignState } from '../../domain/campaign/state.ts';
import { campaignDocument, campaignJson } from '../../projections/campaigns/campaignDocument.ts';
import { problemResponse } from '../openapi.ts';
import { positionJson } from '../responses.ts';
import type { ParameterDoc } from '../routeRegistry.ts';
import { expectedRevisionOf, setRevisionTag } from './ifMatch.ts';

export const tags = ['Campaigns'];

export const ifMatchParameter: ParameterDoc = {
  name: 'If-Match',
  in: 'header',
  description: 'the revision the change is based on; a stale revision answers 412 and changes nothing',
};

type Handled = { readonly newState: CampaignState; readonly newEvents: readonly unknown[]; readonly position: bigint };

/** Answers a command with the campaign as it now stands, its revision as ETag, and the position written. */
export const answerCampaign = (res: Response, result: Handled, now: Date, status: 200 | 201 = 200): void => {
  const campaign = result.newState as Campaign;
  setRevisionTag(res, campaign.revision);
  const { updatedAt, ...json } = campaignJson(campaignDocument(campaign, now.toISOString()));
  // A command that changed nothing does not know when the campaign last changed; the read model does.
  const changed = result.newEvents.length > 0 ? { updatedAt } : {};
  res.status(status).json({ ...json, ...changed, position: positionJson(result.position) });
};

/** The campaign a request addresses, with the revision its If-Match expects. */
export const targetOf = (req: Request) => {
  const expectedRevision = expectedRevisionOf(req);
  return { campaignId: String(req.params['id']), ...(expectedRevision !== undefined ? { expectedRevision } : {}) };
};

/** The error answers every campaign route documents. */
export const unauthorized = problemResponse('no valid API key');
export const missing = problemResponse('the company has no such campaign');
export const stale = problemResponse('If-Match names a stale revision');
