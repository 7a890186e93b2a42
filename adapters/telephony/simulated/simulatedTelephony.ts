import type { AgentReport } from '../../../commands/outreach/agentReports.ts';
import type {
  CallProgress,
  CallStatusReport,
  InboundSms,
  MessageStatusReport,
  TelephonyReportHandlers,
} from '../../../commands/outreach/carrierReports.ts';
import type { PlaceCall, SendSms, Telephony } from '../../../commands/outreach/telephony.ts';
import type { Scheduler, Timer } from '../../clock/scheduler.ts';
import { deliverWithNoise } from '../../simulated/deliveryNoise.ts';
import { carrierId, newCarrierRun, seededRandom, type SeededRandom } from '../../simulated/seededRandom.ts';
import { callScript, type AgentLine, type CallScript } from './callScript.ts';
import { checkProfile, defaultTelephonyProfile, type TelephonyProfile } from './simulationProfile.ts';
import { smsScript, type SmsScript } from './smsScript.ts';
import { placedCallLog } from './placedCallLog.ts';
import { SIMULATED_RECORDINGS } from './simulatedRecordings.ts';

export type SimulatedTelephonyOptions = {
  readonly seed: number;
  /** Sets this carrier's ids apart from every other run's; the seed alone decides the plays. New and random by default. */
  readonly run?: string;
  readonly scheduler: Scheduler;
  readonly reports: TelephonyReportHandlers;
  readonly profile?: TelephonyProfile;
  /** A handler's failure; by default it propagates to the scheduler. */
  readonly onError?: (error: unknown) => void;
  /**
   * A JSON-lines file of the calls dialled, synced before each dial: a carrier restarted on it still finds
   * them (reconciliation, settlement) and plays each unfinished one on, as a real carrier would while we
   * were down; what happened meanwhile is known to the carrier but was reported to no one.
   */
  readonly callLog?: string;
};

/** A call as placed, for tests and the demo's tally; placing the same callId twice shows up here twice. */
export type SimulatedCall = PlaceCall & {
  readonly carrierCallId: string;
  readonly placedAt: string;
  readonly script: CallScript;
};
export type SimulatedSms = SendSms & {
  readonly carrierMessageId: string;
  readonly sentAt: string;
  readonly script: SmsScript;
};

type LiveCall = {
  readonly placed: SimulatedCall;
  readonly noise: SeededRandom;
  /** How many calls to this number the carrier placed before it: with the number, what seeds the play. */
  readonly attempt: number;
  status: CallProgress;
  answeredAt: number | undefined;
  answeredBy: CallStatusReport['answeredBy'];
  endedAt: number | undefined;
  sequence: number;
  timers: Timer[];
};

const terminal: ReadonlySet<CallProgress> = new Set(['completed', 'busy', 'no_answer', 'failed', 'canceled']);

/** The embedded carrier: plays calls and texts out on the given scheduler, the same way for the same seed. */
export const simulatedTelephony = (
  options: SimulatedTelephonyOptions,
): Telephony & {
  placedCalls(): readonly SimulatedCall[];
  sentMessages(): readonly SimulatedSms[];
} => {
  const { seed, scheduler } = options;
  const run = options.run ?? newCarrierRun();
  const log = options.callLog ? placedCallLog(options.callLog) : undefined;
  const reports: TelephonyReportHandlers = log
    ? {
        ...options.reports,
        // Once a call's final report is taken in, a restarted carrier need not send it again.
        callStatus: async (report) => {
          await options.reports.callStatus(report);
          if (terminal.has(report.progress))
            log.append({ kind: 'ended', callId: report.callId, progress: report.progress });
        },
      }
    : options.reports;
  const profile = checkProfile(options.profile ?? defaultTelephonyProfile);
  const onError =
    options.onError ??
    ((error: unknown) => {
      throw error;
    });
  const placed: SimulatedCall[] = [];
  const sent: SimulatedSms[] = [];
  const byOurId = new Map<string, LiveCall>();
  const byCarrierId = new Map<string, LiveCall>();
  const countTo = new Map<string, number>();
  const nth = (kind: string, to: string) => {
    const n = countTo.get(`${kind} ${to}`) ?? 0;
    countTo.set(`${kind} ${to}`, n + 1);
    return n;
  };
  const now = () => scheduler.now().getTime();
  const deliver = (random: SeededRandom, happenedAt: number, send: () => Promise<void>) =>
    deliverWithNoise(scheduler, profile.noise, random, happenedAt, send, onError);

  /** The call moves on at the carrier, whether or not anyone hears of it. */
  const advance = (call: LiveCall, progress: CallProgress, answeredBy: CallStatusReport['answeredBy'], at: number) => {
    if (progress === 'in_progress') call.answeredAt = at;
    if (answeredBy && call.placed.machineDetection) call.answeredBy = answeredBy;
    if (terminal.has(progress)) call.endedAt = at;
    call.status = progress;
  };

  const status = (call: LiveCall, progress: CallProgress, answeredBy?: CallStatusReport['answeredBy']) => {
    if (terminal.has(call.status)) return;
    const at = now();
    advance(call, progress, answeredBy, at);
    const answered = call.answeredAt !== undefined;
    const report: CallStatusReport = {
      callId: call.placed.callId,
      carrierCallId: call.placed.carrierCallId,
      progress,
      reportedAt: new Date(at).toISOString(),
      sequence: call.sequence++,
      // Without answering-machine detection the carrier cannot tell who answered.
      ...(answeredBy && call.placed.machineDetection ? { answeredBy } : {}),
      ...(terminal.has(progress)
        ? { durationSeconds: answered ? Math.round((at - (call.answeredAt ?? at)) / 1000) : 0 }
        : {}),
      ...(progress === 'completed' && answered && call.placed.record
        ? { recordingUrl: `${SIMULATED_RECORDINGS}${call.placed.carrierCallId}.wav` }
        : {}),
    };
    if (terminal.has(progress)) call.timers.forEach((timer) => timer.cancel());
    deliver(call.noise, at, () => reports.callStatus(report));
  };

  const agent = (call: LiveCall, line: AgentLine) => {
    const report = { ...line, callId: call.placed.callId, reportedAt: new Date(now()).toISOString() } as AgentReport;
    deliver(call.noise, now(), () => reports.agent(report));
  };

  const register = (record: SimulatedCall, n: number, progress: CallProgress): LiveCall => {
    const live: LiveCall = {
      placed: record,
      noise: seededRandom(seed, 'call-noise', record.to, n),
      attempt: n,
      status: progress,
      answeredAt: undefined,
      answeredBy: undefined,
      endedAt: undefined,
      sequence: 0,
      timers: [],
    };
    placed.push(record);
    byOurId.set(record.callId, live);
    byCarrierId.set(record.carrierCallId, live);
    return live;
  };

  /**
   * Plays a dialled call's script from `elapsedMs` after its placing. Steps that fell due before then
   * happened while the engine was down: the call moved on, but their callbacks reached no one, as a
   * real carrier's callbacks to a stopped engine are lost (only asking the carrier tells how it ended).
   */
  const play = (record: SimulatedCall, n: number, elapsedMs: number) => {
    const live = register(record, n, 'queued');
    const placedAt = Date.parse(record.placedAt);
    const missed = record.script.steps.filter((step) => step.atMs < elapsedMs);
    for (const step of missed) if ('status' in step) advance(live, step.status, step.answeredBy, placedAt + step.atMs);
    if (terminal.has(live.status)) return;
    live.timers = record.script.steps
      .filter((step) => step.atMs >= elapsedMs)
      .map((step) =>
        scheduler.after(step.atMs - elapsedMs, () =>
          'status' in step ? status(live, step.status, step.answeredBy) : agent(live, step.agent),
        ),
      );
  };

  if (log) {
    const ended = new Map(
      log.entries.flatMap((entry) => (entry.kind === 'ended' ? [[entry.callId, entry.progress] as const] : [])),
    );
    for (const entry of log.entries) {
      if (entry.kind !== 'placed') continue;
      const n = nth('call', entry.call.to);
      const end = ended.get(entry.call.callId);
      // A call whose end was taken in is known (findCall) but not played again.
      if (end) register(entry.call, n, end);
      else play(entry.call, n, Math.max(0, now() - Date.parse(entry.call.placedAt)));
    }
  }

  const liveCall = (carrierCallId: string): LiveCall => {
    const call = byCarrierId.get(carrierCallId);
    if (!call) throw new Error(`the simulated carrier knows no call ${carrierCallId}`);
    return call;
  };

  return {
    async placeCall(call) {
      const n = nth('call', call.to);
      const random = seededRandom(seed, 'call', call.to, n);
      if (random.chance(profile.calls.apiFailure)) throw new Error('the simulated carrier refused to place the call');
      const script = callScript(random, profile.calls, call.timeoutSeconds);
      const carrierCallId = carrierId('CA', run, seed, 'call', call.to, n);
      const record: SimulatedCall = { ...call, carrierCallId, placedAt: new Date(now()).toISOString(), script };
      log?.append({ kind: 'placed', call: record });
      play(record, n, 0);
      return { carrierCallId };
    },

    async transferCall(carrierCallId, to) {
      const call = liveCall(carrierCallId);
      if (call.status !== 'in_progress') throw new Error(`call ${carrierCallId} is ${call.status}, not in progress`);
      call.timers.forEach((timer) => timer.cancel());
      agent(call, { kind: 'call_ended', reason: 'transferred' });
      const random = seededRandom(seed, 'transfer', call.placed.to, call.attempt, to);
      call.timers = [
        scheduler.after(random.between(profile.calls.transferredMs.min, profile.calls.transferredMs.max), () =>
          status(call, 'completed'),
        ),
      ];
    },

    async hangUp(carrierCallId) {
      const call = liveCall(carrierCallId);
      status(call, call.status === 'in_progress' ? 'completed' : 'canceled');
    },

    async sendSms(message) {
      const n = nth('sms', message.to);
      const script = smsScript(seededRandom(seed, 'sms', message.to, n), profile.sms);
      const carrierMessageId = carrierId('SM', run, seed, 'sms', message.to, n);
      const noise = seededRandom(seed, 'sms-noise', message.to, n);
      sent.push({ ...message, carrierMessageId, sentAt: new Date(now()).toISOString(), script });
      for (const step of script.steps)
        scheduler.after(step.atMs, () => {
          const report: MessageStatusReport = {
            messageId: message.messageId,
            carrierMessageId,
            progress: step.progress,
            reportedAt: new Date(now()).toISOString(),
            ...(step.errorCode ? { errorCode: step.errorCode } : {}),
          };
          deliver(noise, now(), () => reports.messageStatus(report));
        });
      const reply = script.reply;
      if (reply)
        scheduler.after(reply.atMs, () => {
          const sms: InboundSms = {
            carrierMessageId: carrierId('SM', run, seed, 'reply', message.to, n),
            from: message.to,
            to: message.from,
            body: reply.body,
            receivedAt: new Date(now()).toISOString(),
          };
          deliver(noise, now(), () => reports.inboundSms(sms));
        });
      return { carrierMessageId };
    },

    async findCall(callId) {
      const call = byOurId.get(callId);
      return call && { carrierCallId: call.placed.carrierCallId, status: call.status };
    },

    async fetchCall(carrierCallId) {
      const call = byCarrierId.get(carrierCallId);
      if (!call) return undefined;
      const answered = call.answeredAt !== undefined && call.endedAt !== undefined;
      return {
        progress: call.status,
        ...(call.endedAt !== undefined ? { endedAt: new Date(call.endedAt).toISOString() } : {}),
        ...(answered ? { durationSeconds: Math.round((call.endedAt! - call.answeredAt!) / 1000) } : {}),
        ...(call.answeredBy ? { answeredBy: call.answeredBy } : {}),
      };
    },

    placedCalls: () => placed,
    sentMessages: () => sent,
  };
};
