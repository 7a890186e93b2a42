import { expect } from 'chai';
import { isStateHoliday } from '../../../adapters/holidays/stateHolidays.ts';
import { callingHoursRules } from '../../../domain/outreach/callingHoursRules.ts';
import { callingWindow } from '../../../domain/outreach/callingWindow.ts';
import { at } from '../../domain/outreach/callingWindowSupport.ts';

describe('state holidays (date-holidays)', () => {
  it('knows fixed and moving state holidays', () => {
    expect(isStateHoliday('AL', '2026-12-25')).to.equal(true);
    expect(isStateHoliday('LA', '2026-02-17')).to.equal(true); // Mardi Gras
    expect(isStateHoliday('UT', '2026-07-24')).to.equal(true); // Pioneer Day
    expect(isStateHoliday('RI', '2026-08-10')).to.equal(true); // Victory Day
  });

  it('includes the observed day of a holiday that falls on a weekend', () =>
    expect(isStateHoliday('AL', '2026-07-03')).to.equal(true));

  it('adds Good Friday and Election Day for Pennsylvania', () => {
    expect(isStateHoliday('PA', '2026-04-03')).to.equal(true);
    expect(isStateHoliday('PA', '2026-11-03')).to.equal(true);
  });

  it('adds the Louisiana holidays of La. R.S. 1:55 the library lacks', () => {
    for (const day of ['2026-01-08', '2026-06-03', '2026-08-30', '2026-11-01'])
      expect(isStateHoliday('LA', day), day).to.equal(true);
    expect(isStateHoliday('AL', '2026-01-08')).to.equal(false);
  });

  it('closes the calling window in Louisiana on Mardi Gras, and opens it the next morning', () => {
    const window = callingWindow({ rules: callingHoursRules(), holidays: isStateHoliday });
    const louisianan = { contact: { timezone: 'America/Chicago', state: 'LA' } };
    expect(window.check(louisianan, at('2026-02-17T12:00-06:00'))).to.include({ reason: 'state_holiday', state: 'LA' });
    expect(window.nextOpening(louisianan, at('2026-02-17T12:00-06:00'))).to.equal(at('2026-02-18T08:00-06:00'));
  });

  it('an ordinary day is not a holiday, nor is a malformed date', () => {
    expect(isStateHoliday('AL', '2026-12-01')).to.equal(false);
    expect(isStateHoliday('AL', '2026-12-25T00:00')).to.equal(false);
  });

  it('reads the code in any case', () => expect(isStateHoliday('ut', '2026-07-24')).to.equal(true));

  it('closes the calling window on a Utah holiday, and opens it the next morning', () => {
    const window = callingWindow({ rules: callingHoursRules(), holidays: isStateHoliday });
    const utahn = { contact: { timezone: 'America/Denver', state: 'UT' } };
    expect(window.check(utahn, at('2026-07-24T12:00-06:00'))).to.include({ reason: 'state_holiday', state: 'UT' });
    expect(window.nextOpening(utahn, at('2026-07-24T12:00-06:00'))).to.equal(at('2026-07-25T08:00-06:00'));
  });
});
