import { expect } from 'chai';
import type { CallingWindow, CallingWindowInput } from '../../../domain/outreach/callingWindow.ts';
import { callingWindowCheck } from '../../../schedulers/dispatch/policies.ts';

describe('the dispatcher’s calling-window check', () => {
  it('asks the policy about a call, with the calls and texts sent to the number lately', () => {
    const asked: CallingWindowInput[] = [];
    const noting: CallingWindow = {
      check: (input, at) => {
        asked.push(input);
        return {
          at,
          localTime: '',
          zones: [],
          states: [],
          allowed: false,
          reason: 'frequency_cap',
          zone: 'America/Chicago',
        };
      },
      nextOpening: () => undefined,
      nextWindow: () => undefined,
    };
    const contact = { timezone: 'America/Chicago', phone: '+13125550100' };
    callingWindowCheck(noting)({ contact, slots: [], recentCalls: [1, 2], recentTexts: [3] }, new Date(10));
    expect(asked).to.deep.equal([{ contact, slots: [], channel: 'voice', recentCalls: [1, 2], recentTexts: [3] }]);
  });
});
