import { pipeline } from 'node:stream';
import { Router, type Request, type Response } from 'express';
import { NotFoundError } from '../../domain/errors.ts';
import { CAMPAIGNS } from '../../projections/campaigns/campaignDocument.ts';
import { companyScope } from '../../projections/companyScope.ts';
import { reportCsv } from '../../projections/reports/reportCsv.ts';
import { csvFileName } from '../../projections/reports/reportFileName.ts';
import { companyZone, reportQuery } from '../../projections/reports/reportQuery.ts';
import { reports as registered, type AnyReport } from '../../projections/reports/reports.ts';
import { callerOf } from '../caller.ts';
import type { EngineContext } from '../engineContext.ts';
import { problemResponse } from '../openapi.ts';
import { pageParameters, pageSchema } from '../pageQuery.ts';
import { documentedRoute, type ParameterDoc } from '../routeRegistry.ts';
import { reportRequest } from './reportRequest.ts';
import { named } from '../../domain/namedValue.ts';

const tags = ['Reports'];

const formatParameter: ParameterDoc = {
  name: 'format',
  in: 'query',
  description: '`csv` answers the whole report as text/csv (as `Accept: text/csv` does); `json` (the default) a page',
  schema: { type: 'string', enum: ['json', 'csv'] },
};

const filterParameters = (report: AnyReport): ParameterDoc[] =>
  report.filters.map((filter) => ({
    name: filter.name,
    in: 'query',
    description: filter.description,
    ...(filter.values ? { schema: { type: 'string', enum: [...filter.values] } } : {}),
  }));

/** `attachment; filename="…"` always quoted; a name beyond ASCII also as RFC 8187 `filename*` (the quoted one then in ASCII). */
export const attachment = (name: string): string => {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_');
  return ascii === name
    ? `attachment; filename="${name}"`
    : `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
};

const columnList = (report: AnyReport): string => report.columns.map((column) => `\`${column.header}\``).join(', ');

/** `GET /v1/campaigns/:id/reports/<path>` for every report: JSON pages, or the whole report as CSV. */
export const reportsRouter = (ctx: EngineContext, reports: readonly AnyReport[] = registered): Router => {
  const router = Router();

  const answer = async (req: Request, res: Response, report: AnyReport): Promise<void> => {
    const request = reportRequest(req, report);
    const { companyId } = callerOf(req);
    const campaignId = String(req.params['id']);
    const campaign = await companyScope(ctx.readStore, companyId).get(CAMPAIGNS, campaignId);
    if (!campaign) throw new NotFoundError('CAMPAIGN.NOT_FOUND', `No campaign ${named(campaignId)}.`);
    const query = await reportQuery(ctx.readStore, report, { companyId, campaignId, filters: request.filters });
    if (!request.csv) {
      const page = await report.page(ctx.readStore, query, request.page);
      res.json({ items: page.items.map((row) => (report.item ? report.item(row) : row)), next: page.next });
      return;
    }
    const zone = request.filters['timezone'] ?? (await companyZone(ctx.readStore, companyId));
    const name = typeof campaign['name'] === 'string' ? campaign['name'] : campaignId;
    res.set('content-disposition', attachment(csvFileName(name, report, ctx.clock(), zone)));
    res.type('text/csv; charset=utf-8');
    // A failure past the first byte can only cut the download short: the status has left.
    pipeline(reportCsv(ctx.readStore, report, query), res, () => undefined);
  };

  for (const report of reports)
    documentedRoute(
      router,
      ctx.routes,
      {
        method: 'get',
        path: `/v1/campaigns/:id/reports/${report.path}`,
        summary: report.summary,
        description:
          `Rows a page at a time (\`{items, next}\`), or every row matching the filters as CSV with a header row (${columnList(report)}) for \`Accept: text/csv\` or \`?format=csv\`, ` +
          'streamed, named `<campaign>-' +
          `${report.path}-<yyyy-mm-dd>.csv\`; page parameters do not apply to CSV. A parameter the report does not take, or a bad value, answers 400 naming each one. ` +
          "Cells a spreadsheet would read as a formula start with `'`.",
        tags,
        security: 'apiKey',
        parameters: [...pageParameters, formatParameter, ...filterParameters(report)],
        responses: {
          200: {
            description: 'a page of rows (JSON), or the whole report (text/csv)',
            schema: pageSchema({ type: 'object', description: `one row: ${columnList(report)}` }),
            alternatives: [
              {
                contentType: 'text/csv',
                schema: { type: 'string', description: `a header row, then one line a row: ${columnList(report)}` },
              },
            ],
          },
          400: problemResponse('a bad or unknown query parameter (`errors` names each)'),
          401: problemResponse('no valid API key'),
          404: problemResponse('the company has no such campaign'),
        },
      },
      async (req, res) => answer(req, res, report),
    );

  return router;
};
