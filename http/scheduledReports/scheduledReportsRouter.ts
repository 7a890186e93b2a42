import { pipeline, Readable } from 'node:stream';
import { Router } from 'express';
import { registeredReports, type ReportCatalog } from '../../commands/scheduledReports/reportCatalog.ts';
import { scheduledRun } from '../../commands/scheduledReports/reportFile.ts';
import { scheduledReportCommands } from '../../commands/scheduledReports/scheduledReportCommands.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { collection } from '../../projections/collection.ts';
import { companyScope } from '../../projections/companyScope.ts';
import {
  SCHEDULED_REPORTS,
  type ScheduleDoc,
  type ScheduledReportsDoc,
} from '../../projections/scheduledReports/scheduledReportDocument.ts';
import { callerOf } from '../caller.ts';
import { commandContextOf } from '../commandContextOf.ts';
import { decodeBody } from '../decodeBody.ts';
import type { EngineContext } from '../engineContext.ts';
import { problemResponse } from '../openapi.ts';
import { positionJson } from '../responses.ts';
import { documentedRoute } from '../routeRegistry.ts';
import { attachment } from '../reports/reportsRouter.ts';
import { ScheduledReportRequest, unknownScheduleFields } from './scheduledReportRequests.ts';
import { named } from '../../domain/namedValue.ts';

const tags = ['Reports'];
const unauthorized = problemResponse('no valid API key');
const missing = problemResponse('the company has no such campaign');
const missingSchedule = problemResponse('the company has no such campaign, or the campaign no such scheduled report');

/** A schedule as clients read it; `timezone` null means the company's zone as the launch froze it. */
const scheduleJson = (schedule: ScheduleDoc) => {
  const { activeFrom: _activeFrom, ...rest } = schedule;
  return {
    ...rest,
    timezone: schedule.timezone ?? null,
    filters: schedule.filters ?? {},
    window: schedule.window ?? null,
  };
};

const scheduleSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    report: { type: 'string', enum: ['calls', 'contacts', 'transfers', 'opt_outs', 'engagement'] },
    frequency: { type: 'string', enum: ['daily', 'weekly', 'monthly'] },
    time: { type: 'string', description: 'HH:mm, local to `timezone`' },
    timezone: { type: ['string', 'null'] },
    dayOfWeek: { type: 'string' },
    dayOfMonth: { type: 'integer' },
    recipients: { type: 'array', items: { type: 'string' } },
    filters: { type: 'object', additionalProperties: { type: 'string' } },
    window: {
      type: ['object', 'null'],
      properties: { last: { type: 'integer' }, unit: { type: 'string', enum: ['days', 'weeks', 'months'] } },
    },
    nextRunAt: { type: ['string', 'null'] },
    lastRun: {
      type: ['object', 'null'],
      description: 'the last run: claimed, then sent (rows, message ids) or failed (error), with its period and window',
    },
  },
};

/** Scheduled reports of a campaign, draft or launched: add, list, remove, and export one now. */
export const scheduledReportsRouter = (
  ctx: EngineContext,
  catalog: ReportCatalog = registeredReports(ctx.readStore),
): Router => {
  const router = Router();
  const commands = scheduledReportCommands({ ...ctx, catalog });

  const campaignDoc = async (companyId: string, campaignId: string): Promise<ScheduledReportsDoc> => {
    const doc = await collection<ScheduledReportsDoc>(companyScope(ctx.readStore, companyId), SCHEDULED_REPORTS).get(
      campaignId,
    );
    if (!doc) throw new NotFoundError('CAMPAIGN.NOT_FOUND', `No campaign ${named(campaignId)}.`);
    return doc;
  };

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'post',
      path: '/v1/campaigns/:id/scheduled-reports',
      summary: 'Schedule a report to be mailed as CSV',
      description:
        'On a draft the schedule is saved in the draft (`reportSchedules`); on a launched campaign it starts running at once. Every problem is named at once: a weekday for weekly, a day 1–28 for monthly, an IANA zone, 1–20 email recipients, a window of whole days, weeks or months, filters the report takes. `timezone` defaults to the company zone at launch.',
      tags,
      security: 'apiKey',
      requestBody: {
        schema: ScheduledReportRequest,
        example: {
          report: 'calls',
          frequency: 'weekly',
          dayOfWeek: 'mon',
          time: '07:00',
          timezone: 'America/Chicago',
          recipients: ['partner@example.com'],
          window: { last: 1, unit: 'weeks' },
        },
      },
      responses: {
        201: { description: 'the schedule, its `id` and `position`', schema: scheduleSchema },
        400: problemResponse('the schedule is invalid; `errors` names each field'),
        401: unauthorized,
        404: missing,
      },
    },
    async (req, res) => {
      unknownScheduleFields(req.body);
      const schedule = decodeBody(ScheduledReportRequest, req.body);
      const context = commandContextOf(req, ctx);
      const reportId = ctx.newId();
      const result = await commands.add(String(req.params['id']), reportId, schedule, context);
      res.status(201).json({
        id: reportId,
        ...schedule,
        timezone: schedule.timezone ?? null,
        position: positionJson(result.position),
      });
    },
  );

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'get',
      path: '/v1/campaigns/:id/scheduled-reports',
      summary: "A campaign's scheduled reports, with each one's next and last run",
      tags,
      security: 'apiKey',
      responses: {
        200: {
          description: '`{items, next}`, every schedule in one page',
          schema: {
            type: 'object',
            properties: { items: { type: 'array', items: scheduleSchema }, next: { type: 'null' } },
          },
        },
        401: unauthorized,
        404: missing,
      },
    },
    async (req, res) => {
      const doc = await campaignDoc(callerOf(req).companyId, String(req.params['id']));
      res.json({ items: doc.schedules.map(scheduleJson), next: null });
    },
  );

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'delete',
      path: '/v1/campaigns/:id/scheduled-reports/:rid',
      summary: 'Stop a scheduled report',
      tags,
      security: 'apiKey',
      responses: {
        200: {
          description: 'removed',
          schema: {
            type: 'object',
            properties: { id: { type: 'string' }, deleted: { const: true }, position: { type: 'string' } },
          },
        },
        401: unauthorized,
        404: missingSchedule,
      },
    },
    async (req, res) => {
      const reportId = String(req.params['rid']);
      const result = await commands.remove(String(req.params['id']), reportId, commandContextOf(req, ctx));
      res.json({ id: reportId, deleted: true, position: positionJson(result.position) });
    },
  );

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'post',
      path: '/v1/campaigns/:id/scheduled-reports/:rid/export',
      summary: 'The scheduled report now, as CSV',
      description:
        'The rows a run starting now would mail: the same saved filters, the same date window (the whole days, weeks or months before today in the schedule zone), the same file name. Streamed; it records nothing.',
      tags,
      security: 'apiKey',
      responses: {
        200: { description: 'the CSV, with a header row', contentType: 'text/csv' },
        400: problemResponse('the saved filters no longer suit the report'),
        401: unauthorized,
        404: missingSchedule,
      },
    },
    async (req, res) => {
      const campaignId = String(req.params['id']);
      const reportId = String(req.params['rid']);
      // A POST is not waited for as GETs are: the export reads every write made before it, as a run would.
      await ctx.waitFor(await ctx.eventStore.headPosition(), { timeoutMs: 5000 });
      const doc = await campaignDoc(callerOf(req).companyId, campaignId);
      const schedule = doc.schedules.find((s) => s.id === reportId);
      if (!schedule) throw new NotFoundError('REPORT_SCHEDULE.NOT_FOUND', `No scheduled report ${named(reportId)}.`);
      const run = await scheduledRun(catalog, ctx.readStore, doc, schedule, ctx.clock());
      res.set('content-disposition', attachment(run.filename));
      res.type('text/csv; charset=utf-8');
      // A failure past the first byte can only cut the download short: the status has left.
      pipeline(Readable.from(catalog.csv(run.report, run.query)), res, () => undefined);
    },
  );

  return router;
};
