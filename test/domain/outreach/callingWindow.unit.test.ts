import { expect } from 'chai';
import type { CallingWindowInput } from '../../../domain/outreach/callingWindow.ts';
import { at, everyDay, holidaysOf, utc, weekdaysOnly, windowWith } from './callingWindowSupport.ts';

// 2026-12-01 is a Tuesday; December is standard time everywhere in the US (New York -05:00, Chicago -06:00).
const newYorker: CallingWindowInput = { contact: { timezone: 'America/New_York', state: 'NY' } };
const inState = (state: string, timezone = 'America/New_York'): CallingWindowInput => ({
  contact: { timezone, state },
});

describe('calling window', () => {
  const window = windowWith();

  describe('federal hours: 08:00 to 21:00 in the contact’s local time', () => {
    it('refuses 07:59 and allows 08:00', () => {
      expect(window.check(newYorker, at('2026-12-01T07:59-05:00'))).to.include({
        allowed: false,
        reason: 'outside_federal_hours',
        zone: 'America/New_York',
      });
      expect(window.check(newYorker, at('2026-12-01T08:00-05:00')).allowed).to.equal(true);
    });

    it('allows 20:59 and refuses 21:00', () => {
      expect(window.check(newYorker, at('2026-12-01T20:59-05:00')).allowed).to.equal(true);
      expect(window.check(newYorker, at('2026-12-01T21:00-05:00'))).to.include({
        allowed: false,
        reason: 'outside_federal_hours',
      });
    });

    it('opens next at 08:00 the next morning, local time', () =>
      expect(utc(window.nextOpening(newYorker, at('2026-12-01T21:30-05:00')))).to.equal('2026-12-02T13:00:00.000Z'));

    it('answers the instant itself when it is already open', () =>
      expect(window.nextOpening(newYorker, at('2026-12-01T10:17:31.5-05:00'))).to.equal(
        at('2026-12-01T10:17:31.5-05:00'),
      ));

    it('records the local time, zones and states it judged by', () =>
      expect(window.check(newYorker, at('2026-12-01T15:00Z'))).to.deep.equal({
        at: at('2026-12-01T15:00Z'),
        localTime: '2026-12-01T10:00:00.000-05:00',
        zones: ['America/New_York'],
        states: ['NY'],
        allowed: true,
      }));
  });

  describe('state hours', () => {
    const cases: [state: string, opens: string, closes: string][] = [
      ['FL', '08:00', '20:00'],
      ['MD', '08:00', '20:00'],
      ['MA', '08:00', '20:00'],
      ['WA', '08:00', '20:00'],
      ['AL', '08:00', '20:00'],
      ['LA', '08:00', '20:00'],
      ['MS', '08:00', '20:00'],
      ['CT', '09:00', '20:00'],
      ['NV', '09:00', '20:00'],
      ['KY', '10:00', '21:00'],
      ['MI', '09:00', '21:00'],
      ['MN', '09:00', '21:00'],
      ['NM', '09:00', '21:00'],
      ['IL', '09:00', '21:00'],
      ['PA', '09:00', '20:00'],
      ['RI', '09:00', '18:00'],
      ['TX', '09:00', '21:00'],
    ];
    for (const [state, opens, closes] of cases)
      it(`${state}: weekdays ${opens} to ${closes}`, () => {
        const input = inState(state);
        const verdict = window.nextWindow(input, at('2026-12-01T00:00-05:00'));
        expect({ opensAt: utc(verdict?.opensAt), closesAt: utc(verdict?.closesAt) }).to.deep.equal({
          opensAt: utc(at(`2026-12-01T${opens}-05:00`)),
          closesAt: utc(at(`2026-12-01T${closes}-05:00`)),
        });
        const early = window.check(input, at(`2026-12-01T${opens}-05:00`) - 60_000);
        expect(early).to.include(
          opens === '08:00'
            ? { allowed: false, reason: 'outside_federal_hours' }
            : { allowed: false, reason: 'outside_state_hours', state },
        );
      });

    it('names the state whose hours refuse the call', () =>
      expect(window.check(inState('FL'), at('2026-12-01T20:30-05:00'))).to.include({
        allowed: false,
        reason: 'outside_state_hours',
        state: 'FL',
      }));

    it('reads the state code in any letter case', () =>
      expect(window.check(inState('ky'), at('2026-12-01T09:30-05:00'))).to.include({
        reason: 'outside_state_hours',
        state: 'KY',
      }));

    it('leaves a state without rules of its own to the federal hours', () =>
      expect(window.check(inState('NY'), at('2026-12-01T20:30-05:00')).allowed).to.equal(true));
  });

  describe('weekends', () => {
    for (const state of ['AL', 'LA', 'MS', 'RI', 'UT'])
      it(`${state}: no calls on Sundays; the window opens on Monday`, () => {
        const input = inState(state);
        expect(window.check(input, at('2026-12-06T12:00-05:00'))).to.include({
          allowed: false,
          reason: 'sunday',
          state,
        });
        expect(utc(window.nextOpening(input, at('2026-12-06T12:00-05:00')))).to.equal(
          utc(at(`2026-12-07T${state === 'RI' ? '09:00' : '08:00'}-05:00`)),
        );
      });

    it('TX: Sundays from noon', () => {
      expect(window.check(inState('TX'), at('2026-12-06T11:59-05:00'))).to.include({ reason: 'outside_state_hours' });
      expect(window.nextOpening(inState('TX'), at('2026-12-06T09:00-05:00'))).to.equal(at('2026-12-06T12:00-05:00'));
    });

    it('PA: Sundays from 13:30 to 20:00', () =>
      expect(window.nextWindow(inState('PA'), at('2026-12-06T09:00-05:00'))).to.deep.equal({
        opensAt: at('2026-12-06T13:30-05:00'),
        closesAt: at('2026-12-06T20:00-05:00'),
      }));

    it('RI: Saturdays from 10:00 to 17:00', () =>
      expect(window.nextWindow(inState('RI'), at('2026-12-05T08:00-05:00'))).to.deep.equal({
        opensAt: at('2026-12-05T10:00-05:00'),
        closesAt: at('2026-12-05T17:00-05:00'),
      }));

    it('a state with no weekend rule calls on Sunday', () =>
      expect(window.check(inState('FL'), at('2026-12-06T12:00-05:00')).allowed).to.equal(true));
  });

  describe('state holidays', () => {
    const christmas = windowWith({}, holidaysOf('AL:2026-12-25', 'NY:2026-12-25', 'PA:2026-12-25'));

    it('AL: none on its holidays; opens the next morning', () => {
      const alabaman = inState('AL', 'America/Chicago');
      expect(christmas.check(alabaman, at('2026-12-25T12:00-06:00'))).to.include({
        allowed: false,
        reason: 'state_holiday',
        state: 'AL',
      });
      expect(utc(christmas.nextOpening(alabaman, at('2026-12-25T12:00-06:00')))).to.equal('2026-12-26T14:00:00.000Z');
    });

    it('a holiday in a state without a holiday ban changes nothing', () =>
      expect(christmas.check(newYorker, at('2026-12-25T12:00-05:00')).allowed).to.equal(true));

    it('asks for the holiday by the contact’s local date, not the UTC date', () => {
      const alabaman = inState('AL', 'America/Chicago');
      expect(
        windowWith({}, holidaysOf('AL:2026-12-24')).check(alabaman, at('2026-12-24T19:30-06:00')).allowed,
      ).to.equal(false);
      expect(
        windowWith({}, holidaysOf('AL:2026-12-25')).check(alabaman, at('2026-12-24T19:30-06:00')).allowed,
      ).to.equal(true);
    });
  });

  describe('campaign slots, read in the contact’s local time', () => {
    const campaign: CallingWindowInput = { ...newYorker, slots: weekdaysOnly };

    it('refuses outside the slots and opens at the next slot', () => {
      expect(window.check(campaign, at('2026-12-05T12:00-05:00'))).to.include({
        allowed: false,
        reason: 'outside_campaign_slots',
      });
      expect(window.nextWindow(campaign, at('2026-12-05T12:00-05:00'))).to.deep.equal({
        opensAt: at('2026-12-07T09:00-05:00'),
        closesAt: at('2026-12-07T17:00-05:00'),
      });
    });

    it('a contact in Chicago is called on Chicago’s 09:00, an hour after New York’s', () =>
      expect(
        window.nextOpening({ contact: { timezone: 'America/Chicago' }, slots: weekdaysOnly }, at('2026-12-01T00:00Z')),
      ).to.equal(at('2026-12-01T09:00-06:00')));

    it('reads slots in a fixed zone when asked to', () =>
      expect(
        window.nextOpening({ ...campaign, slotsTimezone: 'America/Los_Angeles' }, at('2026-12-01T10:00Z')),
      ).to.equal(at('2026-12-01T09:00-08:00')));

    it('the law still wins over a slot that reaches outside it', () =>
      expect(
        window.nextWindow({ ...inState('KY'), slots: everyDay('08:00', '20:00') }, at('2026-12-01T00:00-05:00')),
      ).to.deep.equal({
        opensAt: at('2026-12-01T10:00-05:00'),
        closesAt: at('2026-12-01T20:00-05:00'),
      }));

    it('no slots at all: never open, and the search ends', () => {
      expect(window.check({ ...newYorker, slots: [] }, at('2026-12-01T12:00-05:00'))).to.include({
        reason: 'outside_campaign_slots',
      });
      expect(window.nextOpening({ ...newYorker, slots: [] }, at('2026-12-01T12:00-05:00'))).to.equal(undefined);
    });

    it('a slot only on Sundays in a state that bans Sundays: no opening within the horizon', () =>
      expect(
        window.nextOpening(
          { ...inState('UT', 'America/Denver'), slots: [{ days: ['sun'], start: '09:00', end: '17:00' }] },
          at('2026-12-01T00:00Z'),
        ),
      ).to.equal(undefined));
  });

  describe('area code and address disagree: only the overlap', () => {
    // Lives in Oregon, keeps a New York number.
    const mover: CallingWindowInput = {
      contact: {
        timezone: 'America/Los_Angeles',
        state: 'OR',
        areaCodeTimezones: ['America/New_York'],
        phone: '+12125550100',
      },
    };

    it('opens at 08:00 in Oregon and closes at 21:00 in New York', () =>
      expect(window.nextWindow(mover, at('2026-12-01T00:00-08:00'))).to.deep.equal({
        opensAt: at('2026-12-01T08:00-08:00'),
        closesAt: at('2026-12-01T21:00-05:00'),
      }));

    it('names the zone that refuses', () => {
      expect(window.check(mover, at('2026-12-01T08:30-05:00'))).to.include({
        reason: 'outside_federal_hours',
        zone: 'America/Los_Angeles',
      });
      expect(window.check(mover, at('2026-12-01T20:30-08:00'))).to.include({
        reason: 'outside_federal_hours',
        zone: 'America/New_York',
      });
    });

    it('FL presumes a Florida area code lives in Florida: its 20:00 close holds for a Georgia address', () => {
      const input: CallingWindowInput = {
        contact: { timezone: 'America/New_York', state: 'GA', phone: '+13055550100' },
      };
      expect(window.check(input, at('2026-12-01T20:30-05:00'))).to.include({
        reason: 'outside_state_hours',
        state: 'FL',
      });
      expect(window.check(input, at('2026-12-01T19:30-05:00')))
        .to.include({ allowed: true })
        .and.to.deep.include({ states: ['GA', 'FL'] });
    });

    it('OK presumes an Oklahoma area code lives in Oklahoma', () =>
      expect(
        window.check(
          { contact: { timezone: 'America/Chicago', state: 'KS', phone: '+19185550100' } },
          at('2026-12-01T20:30-06:00'),
        ),
      ).to.include({
        reason: 'outside_state_hours',
        state: 'OK',
      }));
  });

  describe('frequency caps', () => {
    const floridian = inState('FL');
    const calls = (...isos: string[]) => isos.map(at);

    it('FL: a fourth call within 24 hours is refused; it opens when the first of the three is 24 hours old', () => {
      const input = {
        ...floridian,
        recentCalls: calls('2026-12-01T10:00-05:00', '2026-12-01T12:00-05:00', '2026-12-01T14:00-05:00'),
      };
      expect(window.check(input, at('2026-12-02T09:00-05:00'))).to.include({
        allowed: false,
        reason: 'frequency_cap',
        state: 'FL',
      });
      expect(window.nextOpening(input, at('2026-12-02T09:00-05:00'))).to.equal(at('2026-12-02T10:00-05:00'));
    });

    it('FL: two calls within 24 hours leave room for a third', () =>
      expect(
        window.check(
          { ...floridian, recentCalls: calls('2026-12-01T10:00-05:00', '2026-12-01T12:00-05:00') },
          at('2026-12-01T13:00-05:00'),
        ).allowed,
      ).to.equal(true));

    it('MD and OK cap at three per 24 hours too', () => {
      for (const state of ['MD', 'OK']) {
        const input = {
          ...inState(state),
          recentCalls: calls('2026-12-01T09:00-05:00', '2026-12-01T09:10-05:00', '2026-12-01T09:20-05:00'),
        };
        expect(window.check(input, at('2026-12-01T15:00-05:00'))).to.include({ reason: 'frequency_cap', state });
      }
    });

    it('a state without a cap takes any number of calls', () =>
      expect(
        window.check(
          {
            ...newYorker,
            recentCalls: calls(
              '2026-12-01T09:00-05:00',
              '2026-12-01T09:10-05:00',
              '2026-12-01T09:20-05:00',
              '2026-12-01T09:30-05:00',
            ),
          },
          at('2026-12-01T10:00-05:00'),
        ).allowed,
      ).to.equal(true));

    it('a capped call that expires outside the hours waits for the hours', () => {
      const input = {
        ...floridian,
        recentCalls: calls('2026-12-01T19:00-05:00', '2026-12-01T19:10-05:00', '2026-12-01T19:20-05:00'),
      };
      expect(window.nextOpening(input, at('2026-12-02T08:00-05:00'))).to.equal(at('2026-12-02T19:00-05:00'));
    });
  });
});
