import { assertNever, type Decider } from '../decider.ts';
import { IllegalStateError, ValidationError } from '../errors.ts';
import { consentAddress, type ConsentAddress } from './address.ts';
import type { ConsentCommand, OptInQuestion } from './commands.ts';
import type { ConsentChannel, ConsentContext, ConsentEvent, OptOutSource } from './events.ts';

/** A channel a dispatch uses; `all` only ever appears in events. */
export type DispatchChannel = Exclude<ConsentChannel, 'all'>;

/**
 * Which channels of one address are blocked (a channel absent from the address's kind never is), and
 * when the person last revoked each blocked channel themselves (an admin's opt-out does not count).
 * `optInQuestion` is the question the last opt-out's confirmation asked, while no opt-in has followed.
 */
export type ConsentState = {
  readonly blocked: Readonly<Record<DispatchChannel, boolean>>;
  readonly revokedByPersonAt: Readonly<Partial<Record<DispatchChannel, string>>>;
  readonly optInQuestion?: OptInQuestion;
};

const initialState = (): ConsentState => ({
  blocked: { voice: false, sms: false, email: false },
  revokedByPersonAt: {},
});

const channelsOfKind = (kind: ConsentAddress['kind']): readonly DispatchChannel[] =>
  kind === 'phone' ? ['voice', 'sms'] : ['email'];

/**
 * What an opt-out from each source blocks. A STOP by text, a free-text request or an in-call request
 * blocks calls and texts to that number: the TCPA lets people revoke "by any reasonable means", and
 * a revocation on one channel covers the others (47 CFR 64.1200(a)(10)); blocking texts only would be
 * the riskier reading. An email unsubscribe blocks email; an admin names the channel.
 */
export const channelsBlockedBy = (source: OptOutSource, requested: ConsentChannel | undefined): ConsentChannel => {
  switch (source) {
    case 'sms_keyword':
    case 'sms_free_text':
    case 'agent_reported':
      return 'all';
    case 'email_unsubscribe':
      return 'email';
    case 'admin':
      return requested ?? 'all';
    default:
      return assertNever(source);
  }
};

/** The concrete channels a consent event covers on an address of this kind. */
export const concreteChannels = (channel: ConsentChannel, kind: ConsentAddress['kind']): readonly DispatchChannel[] =>
  channel === 'all' ? channelsOfKind(kind) : channelsOfKind(kind).filter((c) => c === channel);

const kindName = (address: ConsentAddress): string =>
  address.kind === 'phone' ? 'a phone number' : 'an email address';

const checkedChannel = (channel: ConsentChannel, address: ConsentAddress): ConsentChannel => {
  if (concreteChannels(channel, address.kind).length > 0) return channel;
  throw new ValidationError(
    'CONSENT.CHANNEL_MISMATCH',
    `${kindName(address).replace(/^a/, 'A')} has no ${channel} channel.`,
    [{ path: 'channel', message: `expected one of ${['all', ...channelsOfKind(address.kind)].join(', ')}` }],
  );
};

const phoneSources: readonly OptOutSource[] = ['sms_keyword', 'sms_free_text', 'agent_reported'];

const checkedSource = (source: OptOutSource, address: ConsentAddress): void => {
  const fits = address.kind === 'phone' ? source !== 'email_unsubscribe' : !phoneSources.includes(source);
  if (!fits)
    throw new ValidationError(
      'CONSENT.SOURCE_MISMATCH',
      `An opt-out by ${source} cannot come from ${kindName(address)}.`,
      [{ path: 'source', message: `not a source for a ${address.kind} address` }],
    );
};

/** Context as events keep it: the message excerpt cut to one SMS segment. */
const kept = (context: ConsentContext | undefined): ConsentContext => {
  if (!context) return {};
  const { excerpt, ...rest } = context;
  return { ...rest, ...(excerpt !== undefined ? { excerpt: excerpt.slice(0, 160) } : {}) };
};

const required = (value: string, path: string) =>
  value.trim().length === 0 || value.length > 500 ? [{ path, message: 'required, 1 to 500 characters' }] : [];

/** A bare YES reopens texts only as the answer to the question asked, in time: on its own it is an ordinary reply. */
const answersQuestion = (question: OptInQuestion | undefined, keyword: string, at: string): boolean =>
  question !== undefined && question.answer === keyword && Date.parse(at) <= Date.parse(question.by);

/** Only a revocation heard by text can be answered by text, and only after it was heard. */
const checkedQuestion = (question: OptInQuestion | undefined, source: OptOutSource, at: string): void => {
  if (!question) return;
  const problems = [
    ...(source === 'sms_keyword' || source === 'sms_free_text'
      ? []
      : [{ path: 'optInQuestion', message: `not asked after an opt-out by ${source}` }]),
    ...(Date.parse(question.by) > Date.parse(at)
      ? []
      : [{ path: 'optInQuestion.by', message: 'expected an ISO time after the opt-out' }]),
    ...(/^[A-Z0-9]{1,20}$/.test(question.answer)
      ? []
      : [{ path: 'optInQuestion.answer', message: 'expected an upper-case keyword' }]),
  ];
  if (problems.length > 0)
    throw new ValidationError(
      'CONSENT.QUESTION_INVALID',
      'An opt-in question needs a text opt-out, a keyword and a later deadline.',
      problems,
    );
};

const isBlockedOn = (state: ConsentState, channels: readonly DispatchChannel[], blocked: boolean): boolean =>
  channels.every((c) => state.blocked[c] === blocked);

const DAY_MS = 86_400_000;

/**
 * When an admin may reopen texts to a number whose owner revoked consent themselves (by text or in a
 * call), or undefined when they may now. Virginia honours a STOP to solicitation texts for 10 years
 * (SB 1339); the engine cannot tell solicitation from information, so it refuses every text reopening
 * in the period. Calls and email are not held; the person's own opt-in (START, or YES to the question) reopens texts sooner.
 */
export const textsReopenAt = (
  state: ConsentState,
  at: string,
  refusedForDays: number | undefined,
): string | undefined => {
  const revokedAt = state.revokedByPersonAt.sms;
  if (!state.blocked.sms || revokedAt === undefined || !refusedForDays) return undefined;
  const until = Date.parse(revokedAt) + refusedForDays * DAY_MS;
  return Date.parse(at) < until ? new Date(until).toISOString() : undefined;
};

const decide = (command: ConsentCommand, state: ConsentState): ConsentEvent[] => {
  const address = consentAddress(command.data.address);
  const { companyId, at } = command.data;
  switch (command.type) {
    case 'RecordOptOut': {
      const { source } = command.data;
      checkedSource(source, address);
      checkedQuestion(command.data.optInQuestion, source, at);
      const channel = checkedChannel(channelsBlockedBy(source, command.data.channel), address);
      // Already opted out on every channel this covers: a repeated STOP records nothing new. A person's
      // first own revocation of a channel an admin blocked is news: the reopening period counts from it.
      const channels = concreteChannels(channel, address.kind);
      const known = source === 'admin' || channels.every((c) => state.revokedByPersonAt[c] !== undefined);
      if (isBlockedOn(state, channels, true) && known) return [];
      const question = command.data.optInQuestion;
      const asked = question ? { optInAnswer: question.answer, optInAnswerBy: question.by } : {};
      return [
        {
          type: 'ContactOptedOut',
          data: { companyId, address: address.value, channel, source, at, ...asked, ...kept(command.data.context) },
        },
      ];
    }
    case 'RecordSmsOptIn': {
      checkedSource('sms_keyword', address);
      // A YES or START from a number that never opted out is an ordinary reply, not consent news.
      if (!state.blocked.sms) return [];
      if (command.data.answer === true && !answersQuestion(state.optInQuestion, command.data.keyword, at)) return [];
      const context = { ...kept(command.data.context), keyword: command.data.keyword };
      return [
        {
          type: 'ContactOptedIn',
          data: { companyId, address: address.value, channel: 'sms', source: 'sms_keyword', at, ...context },
        },
      ];
    }
    case 'ReopenOutreach': {
      const { reopenedBy, reason } = command.data;
      const problems = [...required(reopenedBy, 'reopenedBy'), ...required(reason, 'reason')];
      if (problems.length > 0)
        throw new ValidationError('CONSENT.REOPEN_INVALID', 'Reopening outreach needs who and why.', problems);
      const channel = checkedChannel(command.data.channel ?? 'all', address);
      const channels = concreteChannels(channel, address.kind);
      if (isBlockedOn(state, channels, false)) return [];
      const reopensAt = channels.includes('sms') ? textsReopenAt(state, at, command.data.refusedForDays) : undefined;
      if (reopensAt !== undefined)
        throw new IllegalStateError(
          'CONSENT.REOPEN_REFUSED',
          `The person revoked consent on ${state.revokedByPersonAt.sms}; texts to them may be reopened by an admin from ${reopensAt}. ` +
            'Until then only the person can opt back in (by texting START); calls alone may be reopened with channel voice.',
        );
      return [
        {
          type: 'ContactOptedIn',
          data: {
            companyId,
            address: address.value,
            channel,
            source: 'admin',
            at,
            reopenedBy,
            reason,
            ...kept(command.data.context),
          },
        },
      ];
    }
    default:
      return assertNever(command);
  }
};

const evolve = (state: ConsentState, event: ConsentEvent): ConsentState => {
  const kind = consentAddress(event.data.address).kind;
  const channels = concreteChannels(event.data.channel, kind);
  switch (event.type) {
    case 'ContactOptedOut':
    case 'ContactOptedIn': {
      const blocked = { ...state.blocked };
      const revokedByPersonAt = { ...state.revokedByPersonAt };
      const byPerson = event.type === 'ContactOptedOut' && event.data.source !== 'admin';
      for (const channel of channels) {
        // The person's latest revocation recorded on a channel is the one its period counts from.
        if (byPerson) revokedByPersonAt[channel] = event.data.at;
        if (event.type === 'ContactOptedIn') delete revokedByPersonAt[channel];
        blocked[channel] = event.type === 'ContactOptedOut';
      }
      const { optInAnswer: answer, optInAnswerBy: by } = event.type === 'ContactOptedOut' ? event.data : {};
      const next = { blocked, revokedByPersonAt };
      return answer !== undefined && by !== undefined ? { ...next, optInQuestion: { answer, by } } : next;
    }
    default:
      return assertNever(event);
  }
};

/** The consent of one address of one company: opt-outs block channels until an opt-in reopens them. */
export const consentDecider: Decider<ConsentState, ConsentCommand, ConsentEvent> = { decide, evolve, initialState };
