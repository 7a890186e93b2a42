import { expect } from 'chai';
import type { CallingHoursOverrides } from '../../../domain/outreach/callingHoursRules.ts';
import type { CallingWindowInput } from '../../../domain/outreach/callingWindow.ts';
import { at, windowWith } from './callingWindowSupport.ts';

const louisianan: CallingWindowInput = { contact: { timezone: 'America/Chicago', state: 'LA' } };
const emergency = (
  binds: 'solicitations' | 'every_automated_call',
  from = '2026-08-28',
  until = '2026-09-10',
): CallingHoursOverrides => ({
  blackouts: [{ states: ['LA'], from, until, reason: 'Governor’s emergency proclamation', binds }],
});

describe('blackouts and holidays from configuration', () => {
  describe('a dated blackout (LPSC General Order R-29617: no solicitation during a declared emergency)', () => {
    const window = windowWith(emergency('solicitations'));

    it('closes every day from its first to its last, in the contact’s local time', () => {
      expect(window.check(louisianan, at('2026-08-28T08:00-05:00'))).to.include({
        allowed: false,
        reason: 'blackout',
        state: 'LA',
      });
      expect(window.check(louisianan, at('2026-09-10T19:59-05:00'))).to.include({ reason: 'blackout' });
      expect(window.check(louisianan, at('2026-08-27T12:00-05:00')).allowed).to.equal(true);
    });

    it('opens the morning after its last day', () =>
      expect(window.nextOpening(louisianan, at('2026-08-28T12:00-05:00'))).to.equal(at('2026-09-11T08:00-05:00')));

    it('texts are held too', () =>
      expect(window.check({ ...louisianan, channel: 'sms' }, at('2026-09-01T12:00-05:00'))).to.include({
        reason: 'blackout',
      }));

    it('leaves contacts in other states alone', () =>
      expect(
        window.check({ contact: { timezone: 'America/Chicago', state: 'TX' } }, at('2026-09-01T12:00-05:00')).allowed,
      ).to.equal(true));

    it('binding solicitations only, it does not hold informational campaigns; binding every automated call, it does', () => {
      expect(
        windowWith({ ...emergency('solicitations'), purpose: 'informational' }).check(
          louisianan,
          at('2026-09-01T12:00-05:00'),
        ).allowed,
      ).to.equal(true);
      expect(
        windowWith({ ...emergency('every_automated_call'), purpose: 'informational' }).check(
          louisianan,
          at('2026-09-01T12:00-05:00'),
        ),
      ).to.include({ reason: 'blackout' });
    });

    it('a blackout longer than the search horizon delays the calls instead of ending them', () =>
      expect(
        windowWith(emergency('solicitations', '2026-08-28', '2026-10-15')).nextOpening(
          louisianan,
          at('2026-08-28T12:00-05:00'),
        ),
      ).to.equal(at('2026-10-16T08:00-05:00')));
  });

  describe('a configured holiday (a governor’s proclamation)', () => {
    const window = windowWith({ holidays: { LA: ['2026-12-24'], NY: ['2026-12-24'] } });

    it('closes a state whose row bans holidays, and opens the next morning', () => {
      expect(window.check(louisianan, at('2026-12-24T12:00-06:00'))).to.include({
        allowed: false,
        reason: 'state_holiday',
        state: 'LA',
      });
      expect(window.nextOpening(louisianan, at('2026-12-24T12:00-06:00'))).to.equal(at('2026-12-25T08:00-06:00'));
    });

    it('changes nothing for a state without a holiday rule', () =>
      expect(
        window.check({ contact: { timezone: 'America/New_York', state: 'NY' } }, at('2026-12-24T12:00-05:00')).allowed,
      ).to.equal(true));

    it('holds a state with holiday hours to them', () =>
      expect(
        windowWith({ holidays: { NE: ['2026-12-24'] } }).check(
          { contact: { timezone: 'America/Chicago', state: 'NE' } },
          at('2026-12-24T10:00-06:00'),
        ),
      ).to.include({ reason: 'state_holiday' }));
  });
});
