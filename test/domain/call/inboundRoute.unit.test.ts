import { expect } from 'chai';
import { inboundRoute, type InboundRouting } from '../../../domain/call/inboundRoute.ts';
import type { Routing } from '../../../domain/campaign/draft.ts';
import type { TimeSlot } from '../../../domain/values.ts';

const weekdays: TimeSlot[] = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }];
const given = (routing: Routing, overrides: Partial<InboundRouting> = {}) => ({
  at: (instant: string) =>
    inboundRoute({
      routing,
      businessHours: weekdays,
      timezone: 'America/New_York',
      at: Date.parse(instant),
      agentHasStream: true,
      ...overrides,
    }),
});
const scheduled: Routing = {
  mode: 'schedule_based',
  businessHours: 'transfer',
  afterHours: 'ai',
  forwardingNumber: '+12125550123',
};

describe('inbound route: who takes a call and why', () => {
  it('answers with the AI when routing is AI only, whatever the hour', () => {
    expect(given({ mode: 'ai_only' }).at('2026-03-07T03:00:00Z')).to.deep.equal({
      action: 'ai',
      reason: 'ai_only',
      mode: 'ai_only',
      timezone: 'America/New_York',
      localTime: '2026-03-06T22:00:00.000-05:00',
    });
  });

  it('transfers to the forwarding number when routing transfers', () => {
    expect(given({ mode: 'transfer', forwardingNumber: '+12125550123' }).at('2026-03-02T15:00:00Z')).to.include({
      action: 'transfer',
      reason: 'transfer_mode',
      forwardingNumber: '+12125550123',
    });
  });

  it('falls back to the AI and says why when a transfer has no forwarding number', () => {
    expect(given({ mode: 'transfer' }).at('2026-03-02T15:00:00Z')).to.include({
      action: 'ai',
      reason: 'transfer_mode',
      fallback: 'no_forwarding_number',
    });
    const inHours = given({ mode: 'schedule_based', businessHours: 'transfer' }).at('2026-03-02T15:00:00Z');
    expect(inHours).to.include({
      action: 'ai',
      reason: 'within_business_hours',
      withinHours: true,
      fallback: 'no_forwarding_number',
    });
    expect(inHours).to.not.have.property('forwardingNumber');
  });

  it("leaves the number not in service when the AI would answer but its agent has no stream, keeping the route's inputs", () => {
    expect(given({ mode: 'ai_only' }, { agentHasStream: false }).at('2026-03-07T03:00:00Z')).to.deep.equal({
      action: 'not_in_service',
      reason: 'no_agent',
      mode: 'ai_only',
      timezone: 'America/New_York',
      localTime: '2026-03-06T22:00:00.000-05:00',
    });
    expect(given({ mode: 'transfer' }, { agentHasStream: false }).at('2026-03-02T15:00:00Z')).to.include({
      action: 'not_in_service',
      reason: 'no_agent',
      mode: 'transfer',
      fallback: 'no_forwarding_number',
    });
  });

  it('transfers and takes messages without an agent stream', () => {
    expect(
      given({ mode: 'transfer', forwardingNumber: '+12125550123' }, { agentHasStream: false }).at(
        '2026-03-02T15:00:00Z',
      ),
    ).to.include({ action: 'transfer', forwardingNumber: '+12125550123' });
    expect(given({ mode: 'schedule_based' }, { agentHasStream: false }).at('2026-03-02T23:00:00Z')).to.include({
      action: 'voicemail',
      reason: 'after_hours',
    });
  });

  it('takes the AI in business hours and a message after them unless routing says otherwise', () => {
    expect(given({ mode: 'schedule_based' }).at('2026-03-02T15:00:00Z')).to.include({
      action: 'ai',
      reason: 'within_business_hours',
      withinHours: true,
    });
    expect(given({ mode: 'schedule_based' }).at('2026-03-02T23:00:00Z')).to.include({
      action: 'voicemail',
      reason: 'after_hours',
      withinHours: false,
      localTime: '2026-03-02T18:00:00.000-05:00',
    });
  });

  it("reads business hours on the zone's wall clock across the DST change", () => {
    // 13:30Z is 08:30 EST on Monday 2 March 2026 and 09:30 EDT on Monday 9 March (clocks went forward on the 8th).
    expect(given(scheduled).at('2026-03-02T13:30:00Z')).to.include({
      action: 'ai',
      withinHours: false,
      localTime: '2026-03-02T08:30:00.000-05:00',
    });
    expect(given(scheduled).at('2026-03-09T13:30:00Z')).to.include({
      action: 'transfer',
      withinHours: true,
      localTime: '2026-03-09T09:30:00.000-04:00',
    });
    // Saturday is out of hours; 17:00 is the first minute after them.
    expect(given(scheduled).at('2026-03-07T15:00:00Z')).to.include({ action: 'ai', withinHours: false });
    expect(given(scheduled).at('2026-03-09T20:59:00Z')).to.include({ action: 'transfer', withinHours: true });
    expect(given(scheduled).at('2026-03-09T21:00:00Z')).to.include({ action: 'ai', withinHours: false });
  });

  it("reads them in routing's own zone when it names one, over the company's", () => {
    // 13:30Z on Monday 9 March is 09:30 in New York but 06:30 in Los Angeles.
    expect(given({ ...scheduled, timezone: 'America/Los_Angeles' }).at('2026-03-09T13:30:00Z')).to.include({
      action: 'ai',
      withinHours: false,
      timezone: 'America/Los_Angeles',
      localTime: '2026-03-09T06:30:00.000-07:00',
    });
  });
});
