import type { AgentReport } from '../../../commands/outreach/agentReports.ts';
import type { AnsweredBy, CallProgress } from '../../../commands/outreach/carrierReports.ts';
import { assertNever } from '../../../domain/decider.ts';
import type { SeededRandom } from '../../simulated/seededRandom.ts';
import type { CallOutcome, CallProfile, HumanTurn } from './simulationProfile.ts';

type Unaddressed<R> = R extends unknown ? Omit<R, 'callId' | 'reportedAt'> : never;

/** What the agent says, before it is addressed to a call and stamped with a time. */
export type AgentLine = Unaddressed<AgentReport>;

export type ScriptStep =
  | { readonly atMs: number; readonly status: CallProgress; readonly answeredBy?: AnsweredBy }
  | { readonly atMs: number; readonly agent: AgentLine };

/** One call as it will play unless the engine steps in (hangs up or transfers); times from placement. */
export type CallScript = {
  readonly outcome: CallOutcome;
  readonly turn: HumanTurn | undefined;
  readonly steps: readonly ScriptStep[];
};

const optOutWords = ['Please take me off your list.', 'Stop calling me.', "Don't call me again."];
const summaries = [
  'Confirmed the case details.',
  'Answered the questions; wants a letter by email.',
  'Asked about the next steps of the case.',
];

/** Plays one call out from its own random stream: which outcome, when each report happens, what the agent says. */
export const callScript = (
  random: SeededRandom,
  profile: CallProfile,
  timeoutSeconds: number | undefined,
): CallScript => {
  const outcome = random.pick(profile.outcomes);
  const ringingAt = random.between(200, 1500);
  const timeoutMs = (timeoutSeconds ?? 60) * 1000;
  const answerAt = ringingAt + Math.min(random.between(profile.ringMs.min, profile.ringMs.max), timeoutMs);
  const steps: ScriptStep[] = [{ atMs: 0, status: 'initiated' }];
  const add = (step: ScriptStep) => void steps.push(step);
  let turn: HumanTurn | undefined;
  switch (outcome) {
    case 'failed':
      add({ atMs: ringingAt, status: 'failed' });
      break;
    case 'busy':
      add({ atMs: ringingAt, status: 'ringing' });
      add({ atMs: ringingAt + random.between(500, 3000), status: 'busy' });
      break;
    case 'no_answer':
      add({ atMs: ringingAt, status: 'ringing' });
      add({ atMs: ringingAt + timeoutMs, status: 'no_answer' });
      break;
    case 'machine':
      add({ atMs: ringingAt, status: 'ringing' });
      add({ atMs: answerAt, status: 'in_progress', answeredBy: 'machine' });
      add({ atMs: answerAt + random.between(profile.voicemailMs.min, profile.voicemailMs.max), status: 'completed' });
      break;
    case 'human':
      add({ atMs: ringingAt, status: 'ringing' });
      add({ atMs: answerAt, status: 'in_progress', answeredBy: 'human' });
      turn = random.pick(profile.humanTurns);
      conversation(random, profile, turn, answerAt).forEach(add);
      break;
    default:
      return assertNever(outcome);
  }
  // Stable: steps of one instant keep their order (the agent's last word before the carrier's completion).
  return { outcome, turn, steps: steps.sort((a, b) => a.atMs - b.atMs) };
};

const conversation = (random: SeededRandom, profile: CallProfile, turn: HumanTurn, answerAt: number): ScriptStep[] => {
  const talk = random.between(profile.talkMs.min, profile.talkMs.max);
  const end = (atMs: number, reason: 'completed' | 'opted_out' | 'caller_hung_up'): ScriptStep[] => [
    { atMs, agent: { kind: 'call_ended', reason } },
    { atMs, status: 'completed' },
  ];
  const answers = (atMs: number): ScriptStep[] =>
    random.chance(profile.formAnswers)
      ? [
          {
            atMs,
            agent: {
              kind: 'form_answers',
              answers: {
                reachedContact: true,
                interested: random.chance(0.6),
                preferredChannel: random.pick({ phone: 1, sms: 1, email: 1 }),
              },
            },
          },
        ]
      : [];
  const summary = (atMs: number): ScriptStep => ({
    atMs: Math.max(answerAt, atMs),
    agent: { kind: 'summary', summary: summaries[random.between(0, summaries.length - 1)] ?? '' },
  });
  switch (turn) {
    case 'talk':
      return [
        ...answers(answerAt + Math.floor(talk * 0.7)),
        summary(answerAt + talk - 500),
        ...end(answerAt + talk, 'completed'),
      ];
    case 'transfer': {
      const requested = answerAt + Math.floor(talk / 2);
      return [
        ...answers(requested - 1000),
        // The handoff note is written as the agent hands the call on: once transferred, the agent is gone.
        summary(requested - 500),
        {
          atMs: requested,
          agent: { kind: 'transfer_requested', reason: 'The contact asked to speak with someone at the firm.' },
        },
        ...end(requested + profile.transferWaitMs, 'completed'),
      ];
    }
    case 'opt_out': {
      const said = answerAt + random.between(3000, Math.max(3000, Math.min(talk, 30_000)));
      const utterance = optOutWords[random.between(0, optOutWords.length - 1)] ?? 'Stop calling me.';
      return [{ atMs: said, agent: { kind: 'opt_out', utterance } }, ...end(said + 2000, 'opted_out')];
    }
    case 'hang_up':
      return end(answerAt + random.between(2000, Math.max(2000, Math.floor(talk / 3))), 'caller_hung_up');
    default:
      return assertNever(turn);
  }
};
