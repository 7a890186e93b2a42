import { Router } from 'express';
import type { EngineContext } from '../engineContext.ts';
import { documentedRoute } from '../routeRegistry.ts';

/** The tabs' former addresses and the report each became. */
const moved = [
  { from: 'calls', to: 'calls' },
  { from: 'contacts_called', to: 'contacts' },
  { from: 'opt_outs', to: 'opt-outs' },
] as const;

/**
 * The campaign tabs' old URLs answer 301 to their report, with the query string kept. A redirect
 * reads nothing, so it needs no key of its own: the report it points to checks the key and the campaign.
 */
export const legacyReportRedirects = (ctx: EngineContext): Router => {
  const router = Router();
  for (const { from, to } of moved)
    documentedRoute(
      router,
      ctx.routes,
      {
        method: 'get',
        path: `/v1/campaigns/:id/${from}`,
        summary: `Moved permanently to /v1/campaigns/{id}/reports/${to}`,
        description: 'The query string is kept. The redirect itself needs no API key; the report it points to does.',
        tags: ['Reports'],
        security: 'none',
        responses: { 301: { description: `\`Location: /v1/campaigns/{id}/reports/${to}\` with the same query` } },
      },
      (req, res) => {
        const at = req.originalUrl.indexOf('?');
        const query = at < 0 ? '' : req.originalUrl.slice(at);
        res.redirect(301, `/v1/campaigns/${encodeURIComponent(String(req.params['id']))}/reports/${to}${query}`);
      },
    );
  return router;
};
