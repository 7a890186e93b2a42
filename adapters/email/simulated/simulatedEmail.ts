import type {
  EmailReportHandlers,
  MessageStatusReport,
  UnsubscribeClick,
} from '../../../commands/outreach/carrierReports.ts';
import type { Email, SendEmail } from '../../../commands/outreach/email.ts';
import { assertNever } from '../../../domain/decider.ts';
import type { Scheduler } from '../../clock/scheduler.ts';
import { deliverWithNoise, type DeliveryNoise, type MsRange } from '../../simulated/deliveryNoise.ts';
import { carrierId, newCarrierRun, seededRandom } from '../../simulated/seededRandom.ts';
import { weights } from '../../telephony/simulated/simulationProfile.ts';

export type EmailDelivery = 'delivered' | 'bounced';

export type EmailProfile = {
  readonly delivery: Readonly<Record<EmailDelivery, number>>;
  /** Chance that the recipient of a delivered message uses its one-click unsubscribe link. */
  readonly unsubscribe: number;
  readonly deliveryMs: MsRange;
  readonly unsubscribeMs: MsRange;
  readonly noise: DeliveryNoise;
};

export const defaultEmailProfile: EmailProfile = {
  delivery: { delivered: 97, bounced: 3 },
  unsubscribe: 0.02,
  deliveryMs: { min: 500, max: 10_000 },
  unsubscribeMs: { min: 60_000, max: 48 * 3_600_000 },
  noise: { jitterMs: { min: 50, max: 1500 }, late: 0.05, lateMs: { min: 5_000, max: 120_000 }, duplicate: 0.05 },
};

export type SimulatedEmail = SendEmail & {
  readonly providerMessageId: string;
  readonly sentAt: string;
  readonly delivery: EmailDelivery;
};

/** The embedded email service: delivers or bounces each message, and sometimes the recipient unsubscribes. */
export const simulatedEmail = (options: {
  readonly seed: number;
  /** Sets this service's message ids apart from every other run's; the seed alone decides the plays. New and random by default. */
  readonly run?: string;
  readonly scheduler: Scheduler;
  readonly reports: EmailReportHandlers;
  readonly profile?: EmailProfile;
  readonly onError?: (error: unknown) => void;
}): Email & { sentEmails(): readonly SimulatedEmail[] } => {
  const { seed, scheduler, reports } = options;
  const run = options.run ?? newCarrierRun();
  const profile = options.profile ?? defaultEmailProfile;
  weights('email.delivery', profile.delivery);
  if (!(profile.unsubscribe >= 0 && profile.unsubscribe <= 1))
    throw new RangeError(`email.unsubscribe must be a chance between 0 and 1, got ${profile.unsubscribe}`);
  const onError =
    options.onError ??
    ((error: unknown) => {
      throw error;
    });
  const sent: SimulatedEmail[] = [];
  const countTo = new Map<string, number>();
  const now = () => scheduler.now().getTime();

  return {
    async send(email) {
      const n = countTo.get(email.to) ?? 0;
      countTo.set(email.to, n + 1);
      const random = seededRandom(seed, 'email', email.to, n);
      const noise = seededRandom(seed, 'email-noise', email.to, n);
      const providerMessageId = carrierId('', run, seed, 'email', email.to, n);
      const delivery = random.pick(profile.delivery);
      const doneAt = random.between(profile.deliveryMs.min, profile.deliveryMs.max);
      const unsubscribes = random.chance(profile.unsubscribe);
      const unsubscribeAt = doneAt + random.between(profile.unsubscribeMs.min, profile.unsubscribeMs.max);
      sent.push({ ...email, providerMessageId, sentAt: new Date(now()).toISOString(), delivery });
      const report = (progress: MessageStatusReport['progress'], errorCode?: string) => () => {
        const status: MessageStatusReport = {
          messageId: email.messageId,
          carrierMessageId: providerMessageId,
          progress,
          reportedAt: new Date(now()).toISOString(),
          ...(errorCode ? { errorCode } : {}),
        };
        deliverWithNoise(scheduler, profile.noise, noise, now(), () => reports.messageStatus(status), onError);
      };
      scheduler.after(0, report('sent'));
      switch (delivery) {
        case 'delivered': {
          scheduler.after(doneAt, report('delivered'));
          const url = oneClickLink(email.headers);
          if (unsubscribes && url)
            scheduler.after(unsubscribeAt, () => {
              const click: UnsubscribeClick = {
                messageId: email.messageId,
                to: email.to,
                url,
                clickedAt: new Date(now()).toISOString(),
              };
              deliverWithNoise(scheduler, profile.noise, noise, now(), () => reports.unsubscribe(click), onError);
            });
          break;
        }
        case 'bounced':
          scheduler.after(doneAt, report('undelivered', 'bounce'));
          break;
        default:
          return assertNever(delivery);
      }
      return { providerMessageId };
    },
    sentEmails: () => sent,
  };
};

/** The https link of a List-Unsubscribe header that also announces one-click; mailbox providers use no other. */
export const oneClickLink = (headers: Readonly<Record<string, string>>): string | undefined => {
  const find = (name: string) => Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
  if (!/^\s*List-Unsubscribe=One-Click\s*$/i.test(find('List-Unsubscribe-Post') ?? '')) return undefined;
  return /<(https:\/\/[^>]+)>/i.exec(find('List-Unsubscribe') ?? '')?.[1];
};
