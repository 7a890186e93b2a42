import * as t from 'io-ts';
import { FiniteNumber, NonEmptyString, refined } from '../../domain/values.ts';
import type { AgentReport } from '../../commands/outreach/agentReports.ts';

const about = { callId: NonEmptyString };
const when = t.partial({ reportedAt: t.string });
/** A number the caller heard: JSON.parse rounds integers past 2^53, so a longer one (an account number) must come as text. */
const AnswerNumber = refined(
  'a number within ±9007199254740991 (send longer numbers as text)',
  FiniteNumber,
  (n) => Math.abs(n) <= Number.MAX_SAFE_INTEGER,
);

const kind = <K extends string, P extends t.Props>(name: K, props: P) =>
  t.intersection([t.type({ kind: t.literal(name), ...about, ...props }), when]);

/** What the voice agent service posts about a call it is on: one report a request. */
export const AgentEventRequest = t.union([
  kind('form_answers', { answers: t.record(t.string, t.union([t.string, AnswerNumber, t.boolean, t.null])) }),
  kind('summary', { summary: NonEmptyString }),
  kind('transfer_requested', { reason: t.string }),
  kind('opt_out', { utterance: t.string }),
  kind('call_ended', {
    reason: t.keyof({ completed: null, transferred: null, opted_out: null, caller_hung_up: null }),
  }),
]);
export type AgentEventRequest = t.TypeOf<typeof AgentEventRequest>;

/** The report in the engine's words; a report without its own time happened when it arrived. */
export const agentReportOf = (request: AgentEventRequest, now: Date): AgentReport =>
  ({
    ...request,
    reportedAt:
      request.reportedAt !== undefined && !Number.isNaN(Date.parse(request.reportedAt))
        ? new Date(request.reportedAt).toISOString()
        : now.toISOString(),
  }) as AgentReport;
