import type { RecordedEvent } from '../../domain/events/event.ts';
import type { OutreachRig } from './outreachRig.ts';
import { launchRigCampaign } from './rigCampaign.ts';

const everyDay = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * A multi-channel campaign to `contacts` Chicago clients, launched on the rig and played for
 * `minutes`: calls with retries and transfers, a text on enrolment and after a missed call, an email
 * after an answered one. Answers the campaign and every event the store then holds.
 */
export const playedCampaign = async (
  rig: OutreachRig,
  options: {
    contacts: number;
    minutes: number;
    /** More settings of the campaign (an external invocation with its webhook URL). */
    settings?: Record<string, unknown>;
    /** Runs once the campaign is launched, before the first minute is played. */
    afterLaunch?: (launched: { key: string; campaignId: string }) => Promise<void>;
    /** Runs before each minute is played, with its number from 0. */
    beforeMinute?: (minute: number) => void;
  },
) => {
  const slots = [{ days: everyDay, start: '08:00', end: '21:00' }];
  const contacts = Array.from({ length: options.contacts }, (_, i) => ({
    phone: `+1312555${String(1000 + i).padStart(4, '0')}`,
    email: `client${i + 1}@example.com`,
    state: 'IL',
    timezone: 'America/Chicago',
  }));
  const launched = await launchRigCampaign(rig.client, {
    contacts,
    company: { outboundLines: 10, concurrencyRate: 100 },
    settings: {
      type: 'multichannel',
      schedule: { mode: 'custom', slots },
      runs: [{ start: rig.clock.now().toISOString(), slots, channels: ['voice'] }],
      workflows: [
        {
          name: 'Heads-up',
          trigger: { kind: 'enrolled' },
          steps: [
            { channel: 'sms', body: 'Hi {{contact.firstName}}, we will call you shortly. Reply STOP to opt out.' },
          ],
        },
        {
          name: 'Missed you',
          trigger: { kind: 'call_outcome', outcome: 'no_answer' },
          steps: [{ channel: 'sms', delayMinutes: 5, body: 'Sorry we missed you, {{contact.firstName}}.' }],
        },
        {
          name: 'Thank you',
          trigger: { kind: 'call_outcome', outcome: 'answered' },
          steps: [{ channel: 'email', delayMinutes: 5, subject: 'Thank you', body: 'Thank you, {{contact.name}}.' }],
        },
      ],
      retry: { maxAttempts: 3, intervalMinutes: 20 },
      routing: { mode: 'transfer', forwardingNumber: '+13125550199' },
      ...options.settings,
    },
  });
  await rig.settle();
  await options.afterLaunch?.(launched);
  for (let i = 0; i < options.minutes; i++) {
    options.beforeMinute?.(i);
    await rig.minute();
  }
  await rig.settle();
  const events: RecordedEvent[] = [];
  for await (const event of rig.eventStore.readAll()) events.push(event);
  return { ...launched, events };
};

export type PlayedCampaign = Awaited<ReturnType<typeof playedCampaign>>;
