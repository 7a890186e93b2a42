import { expect } from 'chai';
import type { CallingWindowInput } from '../../../domain/outreach/callingWindow.ts';
import { textingWindowOf } from '../../../domain/workflow/textingWindow.ts';
import { at, holidaysOf, windowWith } from './callingWindowSupport.ts';

// 2026-12-01 is a Tuesday, 2026-12-05 a Saturday, 2026-12-06 a Sunday; standard time everywhere.
const voice = (state: string, timezone: string): CallingWindowInput => ({ contact: { timezone, state } });
const text = (state: string, timezone: string): CallingWindowInput => ({
  contact: { timezone, state },
  channel: 'sms',
});

describe('artificial-voice rows: every engine call is an artificial voice', () => {
  const window = windowWith();

  describe('CA (Cal. Pub. Util. Code §2872(c)): automated calls 09:00-21:00, whatever their purpose', () => {
    const californian = voice('CA', 'America/Los_Angeles');

    it('refuses a call at 08:30 and allows one at 09:00', () => {
      expect(window.check(californian, at('2026-12-01T08:30-08:00'))).to.include({
        allowed: false,
        reason: 'outside_artificial_voice_hours',
        state: 'CA',
      });
      expect(window.check(californian, at('2026-12-01T09:00-08:00')).allowed).to.equal(true);
      expect(window.nextOpening(californian, at('2026-12-01T08:30-08:00'))).to.equal(at('2026-12-01T09:00-08:00'));
    });

    it('lets a text go at 08:30: the row is about calls only', () =>
      expect(window.check(text('CA', 'America/Los_Angeles'), at('2026-12-01T08:30-08:00')).allowed).to.equal(true));

    it('the workflow runner’s texting window sends it at once', () => {
      const texting = textingWindowOf(window);
      const contact = {
        caseId: 'c',
        contactId: 'p',
        externalId: 'X',
        phone: '+12135550100',
        state: 'CA',
        timezone: 'America/Los_Angeles',
        timezoneSource: 'state' as const,
      };
      expect(texting(contact, at('2026-12-01T08:30-08:00'), { calls: [], texts: [] })).to.equal(
        at('2026-12-01T08:30-08:00'),
      );
    });

    it('still binds when campaigns are configured as informational', () =>
      expect(windowWith({ purpose: 'informational' }).check(californian, at('2026-12-01T08:30-08:00'))).to.include({
        reason: 'outside_artificial_voice_hours',
      }));
  });

  describe('OK: solicitation 08:00-20:00 (15 O.S. §775C.4) and automated voice 09:00-21:00 (15 O.S. §755.1)', () => {
    const oklahoman = voice('OK', 'America/Chicago');

    it('calls only in the overlap, 09:00-20:00', () => {
      expect(window.nextWindow(oklahoman, at('2026-12-01T00:00-06:00'))).to.deep.equal({
        opensAt: at('2026-12-01T09:00-06:00'),
        closesAt: at('2026-12-01T20:00-06:00'),
      });
      expect(window.check(oklahoman, at('2026-12-01T08:30-06:00'))).to.include({
        reason: 'outside_artificial_voice_hours',
        state: 'OK',
      });
      expect(window.check(oklahoman, at('2026-12-01T20:30-06:00'))).to.include({
        reason: 'outside_state_hours',
        state: 'OK',
      });
    });

    it('texts by the solicitation row alone: from 08:00', () =>
      expect(window.check(text('OK', 'America/Chicago'), at('2026-12-01T08:30-06:00')).allowed).to.equal(true));

    it('informational campaigns keep the automated-voice hours, 09:00-21:00', () =>
      expect(
        windowWith({ purpose: 'informational' }).nextWindow(oklahoman, at('2026-12-01T00:00-06:00')),
      ).to.deep.equal({
        opensAt: at('2026-12-01T09:00-06:00'),
        closesAt: at('2026-12-01T21:00-06:00'),
      }));
  });

  describe('ME (10 MRSA §1498(3)): automated solicitations on weekdays 09:00-17:00, one per 8 hours', () => {
    const mainer = voice('ME', 'America/New_York');

    it('calls on weekdays from 09:00 to 17:00', () =>
      expect(window.nextWindow(mainer, at('2026-12-01T00:00-05:00'))).to.deep.equal({
        opensAt: at('2026-12-01T09:00-05:00'),
        closesAt: at('2026-12-01T17:00-05:00'),
      }));

    it('no calls on Saturday or Sunday; the window opens on Monday', () => {
      expect(window.check(mainer, at('2026-12-05T12:00-05:00'))).to.include({ reason: 'closed_weekday', state: 'ME' });
      expect(window.check(mainer, at('2026-12-06T12:00-05:00'))).to.include({ reason: 'sunday', state: 'ME' });
      expect(window.nextOpening(mainer, at('2026-12-05T12:00-05:00'))).to.equal(at('2026-12-07T09:00-05:00'));
    });

    it('one call per 8 hours: a call at 09:00 holds the next one to the next weekday', () => {
      const called = { ...mainer, recentCalls: [at('2026-12-01T09:00-05:00')] };
      expect(window.check(called, at('2026-12-01T16:59-05:00'))).to.include({ reason: 'frequency_cap', state: 'ME' });
      expect(window.nextOpening(called, at('2026-12-01T12:00-05:00'))).to.equal(at('2026-12-02T09:00-05:00'));
    });

    it('a text on Saturday, or after a call, is not held by the row', () => {
      expect(window.check(text('ME', 'America/New_York'), at('2026-12-05T12:00-05:00')).allowed).to.equal(true);
      expect(
        window.check(
          { ...text('ME', 'America/New_York'), recentCalls: [at('2026-12-01T09:00-05:00')] },
          at('2026-12-01T10:00-05:00'),
        ).allowed,
      ).to.equal(true);
    });

    it('binds solicitations only: informational campaigns call on Saturday', () =>
      expect(windowWith({ purpose: 'informational' }).check(mainer, at('2026-12-05T12:00-05:00')).allowed).to.equal(
        true,
      ));
  });

  describe('NE (291 NAC 11 §003.01): automated solicitations on Sundays and holidays only 13:00-21:00', () => {
    const nebraskan = voice('NE', 'America/Chicago');

    it('refuses Sunday 12:00 and allows 13:00', () => {
      expect(window.check(nebraskan, at('2026-12-06T12:00-06:00'))).to.include({
        reason: 'outside_artificial_voice_hours',
        state: 'NE',
      });
      expect(window.check(nebraskan, at('2026-12-06T13:00-06:00')).allowed).to.equal(true);
    });

    it('keeps the federal hours on other days', () =>
      expect(window.check(nebraskan, at('2026-12-01T08:00-06:00')).allowed).to.equal(true));

    it('holds a weekday holiday to 13:00-21:00', () => {
      const christmas = windowWith({}, holidaysOf('NE:2026-12-25'));
      expect(christmas.check(nebraskan, at('2026-12-25T10:00-06:00'))).to.include({
        reason: 'state_holiday',
        state: 'NE',
      });
      expect(christmas.nextOpening(nebraskan, at('2026-12-25T10:00-06:00'))).to.equal(at('2026-12-25T13:00-06:00'));
    });

    it('a text on Sunday morning is not held by the row', () =>
      expect(window.check(text('NE', 'America/Chicago'), at('2026-12-06T09:00-06:00')).allowed).to.equal(true));
  });

  it('an informational purpose skips telephone-solicitation rows: an Alabama contact is called on Sunday', () => {
    const alabaman = voice('AL', 'America/Chicago');
    expect(window.check(alabaman, at('2026-12-06T12:00-06:00'))).to.include({ reason: 'sunday' });
    expect(windowWith({ purpose: 'informational' }).check(alabaman, at('2026-12-06T12:00-06:00')).allowed).to.equal(
      true,
    );
  });
});
