import { Router } from 'express';
import type { EngineContext } from '../engineContext.ts';
import { campaignDraftRoutes } from './campaignDraftRoutes.ts';
import { campaignLifecycleRoutes } from './campaignLifecycleRoutes.ts';
import { campaignQueryRoutes } from './campaignQueryRoutes.ts';
import { campaignInvocationRoutes } from './campaignInvocationRoutes.ts';

/** `/v1/campaigns`: drafts with autosave and builder step, launch and lifecycle, the list, asOf and history, external invocation. */
export const campaignsRouter = (ctx: EngineContext): Router => {
  const router = Router();
  campaignDraftRoutes(router, ctx);
  campaignLifecycleRoutes(router, ctx);
  campaignQueryRoutes(router, ctx);
  campaignInvocationRoutes(router, ctx);
  return router;
};
