import { virtualClock } from '../../adapters/clock/virtualClock.ts';
import { sesEmail } from '../../adapters/email/ses/sesEmail.ts';
import { simulatedEmail } from '../../adapters/email/simulated/simulatedEmail.ts';
import { startSesEmulator } from '../adapters/email/sesEmulator.ts';
import { emailContract } from './emailContract.ts';

describe('Email contract: SES (aws-ses-v2-local)', () => {
  let ses: Awaited<ReturnType<typeof startSesEmulator>>;
  const opened: { close(): void }[] = [];
  before(async () => {
    ses = await startSesEmulator();
  });
  after(async () => {
    opened.forEach((email) => email.close());
    await ses.stop();
  });

  emailContract({
    open: async () => {
      const email = sesEmail({
        region: 'us-east-1',
        endpoint: ses.endpoint,
        from: 'firm@smith.example',
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      });
      opened.push(email);
      return email;
    },
  });
});

describe('Email contract: simulated', () => {
  emailContract({
    open: async () =>
      simulatedEmail({
        seed: 1,
        scheduler: virtualClock(new Date('2025-01-01T00:00:00Z')),
        reports: { messageStatus: async () => {}, unsubscribe: async () => {} },
      }),
  });
});
