import { expect } from 'chai';
import type { CallingWindowInput } from '../../../domain/outreach/callingWindow.ts';
import { at, everyDay, utc, windowWith } from './callingWindowSupport.ts';

// New York in 2026: clocks spring forward on Sunday 8 March at 02:00 (-05:00 to -04:00) and fall back on
// Sunday 1 November at 02:00 (-04:00 to -05:00).
const newYorker = { contact: { timezone: 'America/New_York' } };
const windowOf = (w: ReturnType<typeof windowWith>, input: CallingWindowInput, from: string) => {
  const found = w.nextWindow(input, at(from));
  return found && { opensAt: utc(found.opensAt), closesAt: utc(found.closesAt) };
};

describe('calling window across daylight saving changes', () => {
  const lawful = windowWith();

  it('08:00 is 13:00 UTC the day before spring-forward and 12:00 UTC on it', () => {
    expect(windowOf(lawful, newYorker, '2026-03-07T00:00-05:00')).to.deep.equal({
      opensAt: '2026-03-07T13:00:00.000Z',
      closesAt: '2026-03-08T02:00:00.000Z',
    });
    expect(windowOf(lawful, newYorker, '2026-03-08T00:00-05:00')).to.deep.equal({
      opensAt: '2026-03-08T12:00:00.000Z',
      closesAt: '2026-03-09T01:00:00.000Z',
    });
  });

  it('on the fall-back day the window opens at 08:00 standard time, 13:00 UTC', () =>
    expect(windowOf(lawful, newYorker, '2026-11-01T00:00-04:00')).to.deep.equal({
      opensAt: '2026-11-01T13:00:00.000Z',
      closesAt: '2026-11-02T02:00:00.000Z',
    }));

  describe('slots in the small hours (federal hours lifted, to see the slot arithmetic alone)', () => {
    const anyHour = windowWith({ federal: { start: '00:00', end: '24:00' } });
    const slot = (start: string, end: string): CallingWindowInput => ({ ...newYorker, slots: everyDay(start, end) });

    it('spring-forward, 01:30-03:00: open 01:30 to the jump (02:00 becomes 03:00), 30 minutes', () =>
      expect(windowOf(anyHour, slot('01:30', '03:00'), '2026-03-08T00:00-05:00')).to.deep.equal({
        opensAt: '2026-03-08T06:30:00.000Z',
        closesAt: '2026-03-08T07:00:00.000Z',
      }));

    it('spring-forward, 01:30-03:00: from the jump on, the next opening is 01:30 the next night', () =>
      expect(utc(anyHour.nextOpening(slot('01:30', '03:00'), at('2026-03-08T03:00-04:00')))).to.equal(
        '2026-03-09T05:30:00.000Z',
      ));

    it('spring-forward, 02:30-04:00: 02:30 never happens, so the slot opens at the jump itself (03:00)', () =>
      expect(windowOf(anyHour, slot('02:30', '04:00'), '2026-03-08T00:00-05:00')).to.deep.equal({
        opensAt: '2026-03-08T07:00:00.000Z',
        closesAt: '2026-03-08T08:00:00.000Z',
      }));

    it('fall-back, 01:30-03:00: open twice, 01:30-02:00 daylight time, then 01:30-03:00 standard time', () => {
      expect(windowOf(anyHour, slot('01:30', '03:00'), '2026-11-01T00:00-04:00')).to.deep.equal({
        opensAt: '2026-11-01T05:30:00.000Z',
        closesAt: '2026-11-01T06:00:00.000Z',
      });
      expect(windowOf(anyHour, slot('01:30', '03:00'), '2026-11-01T06:00Z')).to.deep.equal({
        opensAt: '2026-11-01T06:30:00.000Z',
        closesAt: '2026-11-01T08:00:00.000Z',
      });
    });

    it('fall-back, 01:00-01:30 happens twice too', () => {
      expect(anyHour.check(slot('01:00', '01:30'), at('2026-11-01T01:15-04:00')).allowed).to.equal(true);
      expect(anyHour.check(slot('01:00', '01:30'), at('2026-11-01T01:15-05:00')).allowed).to.equal(true);
      expect(anyHour.check(slot('01:00', '01:30'), at('2026-11-01T01:45-04:00')).allowed).to.equal(false);
    });
  });

  it('a zone whose clocks change at midnight (Havana, 00:00 becomes 01:00) still opens at 08:00 local', () =>
    expect(windowOf(lawful, { contact: { timezone: 'America/Havana' } }, '2026-03-07T22:00-05:00')).to.deep.include({
      opensAt: '2026-03-08T12:00:00.000Z',
    }));
});
