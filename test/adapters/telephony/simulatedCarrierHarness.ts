import type { AgentReport } from '../../../commands/outreach/agentReports.ts';
import type { CallStatusReport, InboundSms, MessageStatusReport } from '../../../commands/outreach/carrierReports.ts';
import type { PlaceCall } from '../../../commands/outreach/telephony.ts';
import { virtualClock } from '../../../adapters/clock/virtualClock.ts';
import { simulatedTelephony } from '../../../adapters/telephony/simulated/simulatedTelephony.ts';
import type { TelephonyProfile } from '../../../adapters/telephony/simulated/simulationProfile.ts';

export type Delivery =
  | { readonly at: number; readonly kind: 'call'; readonly report: CallStatusReport }
  | { readonly at: number; readonly kind: 'agent'; readonly report: AgentReport }
  | { readonly at: number; readonly kind: 'message'; readonly report: MessageStatusReport }
  | { readonly at: number; readonly kind: 'inbound'; readonly report: InboundSms };

export const campaignStart = new Date('2025-11-03T14:00:00.000Z');

/** A simulated carrier on a virtual clock whose handlers write down every delivery, in delivery order; one fixed run unless told. */
export const simulatedCarrier = (seed: number, profile?: TelephonyProfile, run = 'first run') => {
  const clock = virtualClock(campaignStart);
  const deliveries: Delivery[] = [];
  const at = () => clock.now().getTime();
  const telephony = simulatedTelephony({
    seed,
    run,
    scheduler: clock,
    ...(profile ? { profile } : {}),
    reports: {
      callStatus: async (report) => void deliveries.push({ at: at(), kind: 'call', report }),
      agent: async (report) => void deliveries.push({ at: at(), kind: 'agent', report }),
      messageStatus: async (report) => void deliveries.push({ at: at(), kind: 'message', report }),
      inboundSms: async (report) => void deliveries.push({ at: at(), kind: 'inbound', report }),
    },
  });
  return { clock, telephony, deliveries };
};

export const call = (n: number, overrides: Partial<PlaceCall> = {}): PlaceCall => ({
  callId: `call-${n}`,
  to: `+1212555${String(n % 10_000).padStart(4, '0')}`,
  from: '+12125550000',
  instructionsUrl: `https://engine.example/webhooks/twilio/voice/twiml/call-${n}`,
  statusCallbackUrl: 'https://engine.example/webhooks/twilio/voice/status',
  machineDetection: true,
  record: false,
  ...overrides,
});

/** Every call's status reports as the carrier meant them: duplicates dropped, in the carrier's sequence. */
export const callTimelines = (deliveries: readonly Delivery[]): Map<string, CallStatusReport[]> => {
  const timelines = new Map<string, Map<number, CallStatusReport>>();
  for (const d of deliveries) {
    if (d.kind !== 'call') continue;
    const timeline = timelines.get(d.report.callId) ?? new Map<number, CallStatusReport>();
    timeline.set(d.report.sequence ?? -1, d.report);
    timelines.set(d.report.callId, timeline);
  }
  return new Map(
    [...timelines].map(([id, t]) => [id, [...t.values()].sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0))]),
  );
};

export const hour = 3_600_000;
