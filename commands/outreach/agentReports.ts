/** What the voice agent reports about a call it is on (POST /v1/agent-events, or the simulated agent). */

import type { FormAnswers } from '../../domain/form/answerRules.ts';

type About = {
  /** Our id of the call, which the agent received as a stream parameter. */
  readonly callId: string;
  readonly reportedAt: string;
};

export type AgentReport =
  | (About & { readonly kind: 'form_answers'; readonly answers: FormAnswers })
  | (About & { readonly kind: 'summary'; readonly summary: string })
  /** The person asked for a human; the engine decides where to transfer (the campaign's routing). */
  | (About & { readonly kind: 'transfer_requested'; readonly reason: string })
  /** The person asked not to be called again; `utterance` is what they said, for the consent record. */
  | (About & { readonly kind: 'opt_out'; readonly utterance: string })
  | (About & { readonly kind: 'call_ended'; readonly reason: AgentCallEnd });

export type AgentCallEnd = 'completed' | 'transferred' | 'opted_out' | 'caller_hung_up';

export type AgentReportKind = AgentReport['kind'];
