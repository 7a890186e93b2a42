import { Router } from 'express';
import { NotFoundError } from '../../domain/errors.ts';
import type { AgentReport } from '../../commands/outreach/agentReports.ts';
import { consentCommands } from '../../commands/consent/consentCommands.ts';
import { callHandler } from '../../commands/outreach/enrollmentHandler.ts';
import { agentReportHandler } from '../../commands/outreach/reports/agentReportHandler.ts';
import { callOwnerFinder } from '../../commands/outreach/reports/callOwner.ts';
import { formAnswerRecorder } from '../../commands/outreach/reports/formAnswerRecorder.ts';
import { reportSettlement } from '../../commands/outreach/reports/reportSettlement.ts';
import { callerOf } from '../caller.ts';
import { decodeBody } from '../decodeBody.ts';
import type { EngineContext } from '../engineContext.ts';
import { problemResponse } from '../openapi.ts';
import { documentedRoute } from '../routeRegistry.ts';
import { AgentEventRequest, agentReportOf } from './agentEventRequest.ts';
import { named } from '../../domain/namedValue.ts';

/** Takes an agent report for a company's call; refuses (not found) a call of another company. */
export type CompanyAgentReports = (companyId: string, report: AgentReport) => Promise<unknown>;

/** Where no carrier is wired in (the API alone): everything but a transfer, which needs the carrier. */
const withoutCarrier = (ctx: EngineContext): CompanyAgentReports => {
  const ownerOf = callOwnerFinder(ctx.eventStore, ctx.readStore, { realTime: ctx.realTime });
  const calls = callHandler(ctx);
  const formAnswers = formAnswerRecorder({ ...ctx, calls });
  const handle = agentReportHandler({
    readStore: ctx.readStore,
    calls,
    consent: consentCommands(ctx),
    settlement: reportSettlement(ctx),
    telephony: undefined,
    ownerOf,
    formAnswers,
    clock: ctx.clock,
  });
  return async (companyId, report) => {
    const owner = await ownerOf(report.callId);
    if (owner.companyId !== companyId) throw new NotFoundError('CALL.NOT_FOUND', `No call ${named(report.callId)}.`);
    await handle(report, owner);
  };
};

const tags = ['Agent events'];

/**
 * `POST /v1/agent-events`: the voice agent service reports form answers, a summary, a transfer or
 * opt-out request, or the end of a call, with the company's API key. Each report records once.
 */
export const agentEventsRouter = (ctx: EngineContext & { readonly agentReports?: CompanyAgentReports }): Router => {
  const router = Router();
  const reports = ctx.agentReports ?? withoutCarrier(ctx);

  documentedRoute(
    router,
    ctx.routes,
    {
      method: 'post',
      path: '/v1/agent-events',
      summary: 'Report what happened on a call: form answers, a summary, a transfer or opt-out request, its end',
      description:
        '`callId` is our id of the call, given to the agent as a stream parameter. A repeated report records nothing more. ' +
        "Form answers must fit the campaign's form: a key the form does not have, or a value of the wrong type for its field (text, number or its digits as text, boolean, date `YYYY-MM-DD`, phone in E.164, email, choice among the options), refuses the whole report; `null` clears an answer. " +
        "Recorded answers go through the campaign's `crmFieldMappings` onto the case (only changed fields), and with `completeOnFormComplete` a contact whose form is complete is completed.",
      tags,
      security: 'apiKey',
      requestBody: {
        schema: AgentEventRequest,
        example: {
          kind: 'form_answers',
          callId: '01937a3c-5d2e-7a10-8b1c-4e5f6a7b8c9d',
          answers: { injuryDate: '2026-01-14', treated: 'yes' },
        },
      },
      responses: {
        202: {
          description: 'recorded (or already recorded)',
          schema: {
            type: 'object',
            properties: { callId: { type: 'string' }, kind: { type: 'string' } },
            required: ['callId', 'kind'],
          },
        },
        400: problemResponse(
          "the body is invalid, or answers do not fit the campaign's form; `errors` names each path (`answers.<key>`)",
        ),
        401: problemResponse('no valid API key'),
        404: problemResponse("no such call among the company's calls"),
        409: problemResponse('a transfer the campaign or the carrier cannot make'),
      },
    },
    async (req, res) => {
      const report = agentReportOf(decodeBody(AgentEventRequest, req.body), ctx.clock());
      await reports(callerOf(req).companyId, report);
      res.status(202).json({ callId: report.callId, kind: report.kind });
    },
  );

  return router;
};
