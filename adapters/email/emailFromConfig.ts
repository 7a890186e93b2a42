import type { Email } from '../../commands/outreach/email.ts';
import type { EmailConfig } from '../config/config.ts';
import { sesEmail, type SesEmailOptions } from './ses/sesEmail.ts';
import type { EmailReportHandlers } from '../../commands/outreach/carrierReports.ts';
import { simulatedEmail, type EmailProfile } from './simulated/simulatedEmail.ts';
import type { Scheduler } from '../clock/scheduler.ts';
import { assertNever } from '../../domain/decider.ts';

/** What the embedded email service needs, since it reports back instead of a real provider's notifications. */
export type SimulatedEmailWiring = {
  readonly seed: number;
  readonly scheduler: Scheduler;
  readonly reports: EmailReportHandlers;
  readonly profile?: EmailProfile;
  readonly onError?: (error: unknown) => void;
};

/** SES when SES_FROM and AWS_REGION are set (at SES_ENDPOINT when given), the simulated service otherwise. */
export const emailFromConfig = (
  config: EmailConfig,
  simulated: SimulatedEmailWiring,
  credentials?: SesEmailOptions['credentials'],
): Email & { close(): void } => {
  switch (config.carrier) {
    case 'ses':
      return sesEmail({
        region: config.region,
        endpoint: config.endpoint,
        from: config.from,
        ...(credentials ? { credentials } : {}),
      });
    case 'simulated':
      return { ...simulatedEmail(simulated), close: () => {} };
    default:
      return assertNever(config);
  }
};
