import type { DeliveryNoise, MsRange } from '../../simulated/deliveryNoise.ts';

/** How a dialled number ends up: a person, an answering machine, or no conversation at all. */
export type CallOutcome = 'human' | 'machine' | 'busy' | 'no_answer' | 'failed';

/** What a person who answers does with the agent; `talk` is an ordinary conversation. */
export type HumanTurn = 'talk' | 'transfer' | 'opt_out' | 'hang_up';

export type SmsDelivery = 'delivered' | 'undelivered' | 'failed';

/** What a contact texts back, if anything. `stop_in_words` asks to stop without a keyword. */
export type SmsReply = 'none' | 'stop' | 'help' | 'stop_in_words' | 'free_text' | 'yes';

export type CallProfile = {
  /** Relative weights of each outcome. */
  readonly outcomes: Readonly<Record<CallOutcome, number>>;
  readonly humanTurns: Readonly<Record<HumanTurn, number>>;
  /** Chance that a talk or transfer conversation yields form answers. */
  readonly formAnswers: number;
  readonly ringMs: MsRange;
  readonly talkMs: MsRange;
  readonly voicemailMs: MsRange;
  /** How long the firm's human talks once a call is transferred. */
  readonly transferredMs: MsRange;
  /** How long the agent waits for the engine to transfer before it ends the call itself. */
  readonly transferWaitMs: number;
  /** Chance that the carrier's API refuses to place a call at all. */
  readonly apiFailure: number;
};

export type SmsProfile = {
  readonly delivery: Readonly<Record<SmsDelivery, number>>;
  readonly replies: Readonly<Record<SmsReply, number>>;
  readonly deliveryMs: MsRange;
  readonly replyMs: MsRange;
};

export type TelephonyProfile = { readonly calls: CallProfile; readonly sms: SmsProfile; readonly noise: DeliveryNoise };

const second = 1000;
const minute = 60 * second;

/** Roughly what outbound campaigns to existing clients see: about a third answer, a few opt out. */
export const defaultTelephonyProfile: TelephonyProfile = {
  calls: {
    outcomes: { human: 35, machine: 25, busy: 8, no_answer: 27, failed: 5 },
    humanTurns: { talk: 80, transfer: 8, opt_out: 5, hang_up: 7 },
    formAnswers: 0.7,
    ringMs: { min: 3 * second, max: 25 * second },
    talkMs: { min: 40 * second, max: 6 * minute },
    voicemailMs: { min: 20 * second, max: 45 * second },
    transferredMs: { min: 2 * minute, max: 15 * minute },
    transferWaitMs: 30 * second,
    apiFailure: 0,
  },
  sms: {
    delivery: { delivered: 95, undelivered: 4, failed: 1 },
    replies: { none: 80, stop: 5, help: 2, stop_in_words: 2, free_text: 6, yes: 5 },
    deliveryMs: { min: 1 * second, max: 8 * second },
    replyMs: { min: 30 * second, max: 3 * 60 * minute },
  },
  noise: {
    jitterMs: { min: 50, max: 1500 },
    late: 0.05,
    lateMs: { min: 5 * second, max: 2 * minute },
    duplicate: 0.05,
  },
};

/** Refuses a profile no carrier could play: negative or all-zero weights, chances outside 0..1, inverted ranges. */
export const checkProfile = (profile: TelephonyProfile): TelephonyProfile => {
  const { calls, sms, noise } = profile;
  weights('calls.outcomes', calls.outcomes);
  weights('calls.humanTurns', calls.humanTurns);
  weights('sms.delivery', sms.delivery);
  weights('sms.replies', sms.replies);
  for (const [name, value] of [
    ['calls.formAnswers', calls.formAnswers],
    ['calls.apiFailure', calls.apiFailure],
    ['noise.late', noise.late],
    ['noise.duplicate', noise.duplicate],
  ] as const)
    if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be a chance between 0 and 1, got ${value}`);
  for (const [name, range] of Object.entries({
    ...pick(calls),
    ...pick(sms),
    jitterMs: noise.jitterMs,
    lateMs: noise.lateMs,
  }))
    if (!(range.min >= 0 && range.max >= range.min))
      throw new RangeError(`${name} must have 0 <= min <= max, got ${range.min}..${range.max}`);
  if (!(calls.transferWaitMs >= 0)) throw new RangeError('calls.transferWaitMs must not be negative');
  return profile;
};

export const weights = (name: string, table: Readonly<Record<string, number>>): void => {
  const values = Object.values(table);
  if (values.some((w) => !(w >= 0)) || !values.some((w) => w > 0))
    throw new RangeError(`${name} must hold weights of 0 or more, at least one above 0`);
};

const pick = (section: object): Record<string, MsRange> =>
  Object.fromEntries(
    Object.entries(section).filter(([key]) => key.endsWith('Ms') && key !== 'transferWaitMs'),
  ) as Record<string, MsRange>;
