import { assertNever } from '../../../domain/decider.ts';
import type { MessageProgress } from '../../../commands/outreach/carrierReports.ts';
import type { SeededRandom } from '../../simulated/seededRandom.ts';
import type { SmsProfile, SmsReply } from './simulationProfile.ts';

export type SmsStep = { readonly atMs: number; readonly progress: MessageProgress; readonly errorCode?: string };

/** One text message as it will play: its status reports, and the contact's reply if any; times from sending. */
export type SmsScript = {
  readonly steps: readonly SmsStep[];
  readonly reply:
    { readonly kind: Exclude<SmsReply, 'none'>; readonly atMs: number; readonly body: string } | undefined;
};

/** What people actually type: keywords in any case, and sentences that mean the same. */
const bodies: Readonly<Record<Exclude<SmsReply, 'none'>, readonly string[]>> = {
  stop: ['STOP', 'Stop', 'unsubscribe', 'STOPALL', 'cancel', ' quit '],
  help: ['HELP', 'help', 'INFO'],
  stop_in_words: ['Please stop texting me', 'stop contacting me please', "Don't text me again"],
  free_text: ['Can you call me after 5pm?', 'Who is this?', 'Thanks, got it', 'I already sent the documents'],
  yes: ['YES', 'Yes', 'yes'],
};

// Twilio's codes: 30003 unreachable handset, 30008 unknown error.
const undeliveredCode = '30003';
const failedCode = '30008';

export const smsScript = (random: SeededRandom, profile: SmsProfile): SmsScript => {
  const delivery = random.pick(profile.delivery);
  const sentAt = random.between(100, 1000);
  const doneAt = sentAt + random.between(profile.deliveryMs.min, profile.deliveryMs.max);
  const replyKind = random.pick(profile.replies);
  const replyBody = random.between(0, 1_000_000);
  const replyAt = doneAt + random.between(profile.replyMs.min, profile.replyMs.max);
  switch (delivery) {
    case 'failed':
      return { steps: [{ atMs: sentAt, progress: 'failed', errorCode: failedCode }], reply: undefined };
    case 'undelivered':
      return {
        steps: [
          { atMs: sentAt, progress: 'sent' },
          { atMs: doneAt, progress: 'undelivered', errorCode: undeliveredCode },
        ],
        reply: undefined,
      };
    case 'delivered': {
      const choices = replyKind === 'none' ? undefined : bodies[replyKind];
      return {
        steps: [
          { atMs: sentAt, progress: 'sent' },
          { atMs: doneAt, progress: 'delivered' },
        ],
        reply:
          replyKind === 'none' || !choices
            ? undefined
            : { kind: replyKind, atMs: replyAt, body: choices[replyBody % choices.length] ?? 'STOP' },
      };
    }
    default:
      return assertNever(delivery);
  }
};
