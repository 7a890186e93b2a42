import { expect } from 'chai';
import fc from 'fast-check';
import { areaCodeStateOf, areaCodeStates, areaCodeTableWith } from '../../../domain/outreach/areaCodeStates.ts';
import { areaCodesByState } from '../../../domain/outreach/areaCodesByState.ts';
import { callingHoursRules } from '../../../domain/outreach/callingHoursRules.ts';
import {
  callingWindow,
  contactStates,
  contactZones,
  type CallingContact,
  type HolidayCalendar,
} from '../../../domain/outreach/callingWindow.ts';
import { contactTimeZone } from '../../../domain/list/contactTimeZone.ts';
import { usStateCodes } from '../../../domain/list/stateTimeZones.ts';
import { at, windowWith } from './callingWindowSupport.ts';

const fiftyStatesAndDc = usStateCodes.filter((code) => !['PR', 'VI', 'GU', 'MP', 'AS'].includes(code));
const everyCode = Object.values(areaCodeStates).flat();
/** Each area code of the shipped data with its state. */
const shipped = Object.entries(areaCodesByState).flatMap(([state, codes]) =>
  codes.split(' ').map((code) => ({ code, state })),
);

describe('area-code states', () => {
  describe('the table', () => {
    it('gives every state and DC its area codes', () => {
      expect(fiftyStatesAndDc).to.have.length(51);
      for (const state of fiftyStatesAndDc) expect(areaCodeStates[state], state).to.be.an('array').that.is.not.empty;
    });

    it('names each area code once, as three digits that can begin an area code', () => {
      expect(new Set(everyCode).size).to.equal(everyCode.length);
      for (const code of everyCode) expect(code).to.match(/^[2-9]\d\d$/);
    });

    it('keeps the Florida and Oklahoma codes NANPA lists, overlays up to 2025 included', () => {
      expect(areaCodeStates['FL']).to.have.members([
        '239',
        '305',
        '321',
        '324',
        '352',
        '386',
        '407',
        '448',
        '561',
        '645',
        '656',
        '689',
        '727',
        '728',
        '754',
        '772',
        '786',
        '813',
        '850',
        '863',
        '904',
        '941',
        '954',
      ]);
      expect(areaCodeStates['OK']).to.have.members(['405', '539', '572', '580', '918']);
    });
  });

  describe('the state of a number', () => {
    it('is its area code’s state, DC or territory', () => {
      expect(areaCodeStateOf('+15125550100')).to.equal('TX');
      expect(areaCodeStateOf('+12125550100')).to.equal('NY');
      expect(areaCodeStateOf('+12025550100')).to.equal('DC');
      expect(areaCodeStateOf('+17875550100')).to.equal('PR');
      expect(areaCodeStateOf('+13055550100')).to.equal('FL');
      expect(areaCodeStateOf('+14055550100')).to.equal('OK');
    });

    it('is none for Canada, the Caribbean, other countries, a malformed number or no phone', () => {
      for (const phone of [
        '+14165550100',
        '+16045550100',
        '+18765550100',
        '+18095550100',
        '+12425550100',
        '+443055550100',
        '+1512555010',
        undefined,
      ])
        expect(areaCodeStateOf(phone), phone).to.equal(undefined);
    });
  });

  describe('configuration’s presumedResidence', () => {
    it('replaces a state’s whole list: naming only 305 leaves 786 with no state', () => {
      const table = areaCodeTableWith({ fl: ['305'] });
      expect(areaCodeStateOf('+13055550100', table)).to.equal('FL');
      expect(areaCodeStateOf('+17865550100', table)).to.equal(undefined);
      expect(areaCodeStateOf('+15125550100', table)).to.equal('TX');
    });

    it('ends a state’s presumption with an empty list', () =>
      expect(areaCodeStateOf('+14055550100', areaCodeTableWith({ OK: [] }))).to.equal(undefined));

    it('moves a code it names from the state it was shipped under', () => {
      const table = areaCodeTableWith({ GA: ['305'] });
      expect(areaCodeStateOf('+13055550100', table)).to.equal('GA');
      expect(table['FL']).to.not.include('305');
    });

    it('reaches the calling window: with Texas codes ended, a 512 number is judged by federal hours only', () => {
      const sunday10 = at('2026-12-06T10:00-06:00');
      const contact = { timezone: 'America/Chicago', phone: '+15125550100' };
      expect(windowWith().check({ contact }, sunday10).allowed).to.equal(false);
      expect(windowWith({ presumedResidence: { TX: [] } }).check({ contact }, sunday10).allowed).to.equal(true);
    });
  });

  describe('calling windows', () => {
    const window = windowWith();
    const contactOf = (phone: string, given: { state?: string; timezone?: string } = {}): CallingContact => {
      const zone = contactTimeZone({ phone, ...given }, 'America/New_York');
      return {
        timezone: zone.timezone,
        phone,
        ...(given.state ? { state: given.state } : {}),
        ...(zone.areaCodeTimezones ? { areaCodeTimezones: zone.areaCodeTimezones } : {}),
      };
    };

    it('a Texas (512) number with no address waits for noon on Sunday', () => {
      const contact = contactOf('+15125550100');
      expect(window.check({ contact }, at('2026-12-06T10:00-06:00'))).to.include({
        allowed: false,
        reason: 'outside_state_hours',
        state: 'TX',
      });
      expect(window.check({ contact }, at('2026-12-06T12:30-06:00'))).to.deep.include({
        allowed: true,
        states: ['TX'],
      });
    });

    it('a Miami (305) number with a Florida address in the Central panhandle is judged in Central and Eastern time', () => {
      const contact = contactOf('+13055550100', { state: 'FL', timezone: 'America/Chicago' });
      expect(contactZones(contact)).to.have.members(['America/Chicago', 'America/New_York']);
      expect(window.check({ contact }, at('2026-12-01T18:59-06:00')).allowed).to.equal(true);
      expect(window.check({ contact }, at('2026-12-01T19:00-06:00'))).to.include({
        allowed: false,
        reason: 'outside_state_hours',
        zone: 'America/New_York',
        state: 'FL',
      });
      expect(window.check({ contact }, at('2026-12-01T07:30-06:00'))).to.include({
        allowed: false,
        reason: 'outside_federal_hours',
        zone: 'America/Chicago',
      });
    });

    it('a number whose area code is newer than the prefix zones still gets its state’s zone', () =>
      expect(contactOf('+18615550100')).to.deep.include({
        timezone: 'America/Chicago',
        areaCodeTimezones: ['America/Chicago'],
      }));

    describe('properties', () => {
      const holidays: HolidayCalendar = (_state, isoDate) => isoDate.endsWith('-01') || isoDate.endsWith('-15');
      const checked = callingWindow({ rules: callingHoursRules(), holidays });
      const allowedAt = (contact: CallingContact, t: number) => checked.check({ contact }, t).allowed;
      const shippedArb = fc.record({
        areaCode: fc.constantFrom(...shipped),
        line: fc.integer({ min: 2_000_000, max: 9_999_999 }),
      });
      const numberArb = shippedArb.map(({ areaCode, line }) => `+1${areaCode.code}${line}`);
      const contactArb = fc
        .record({ phone: numberArb, state: fc.option(fc.constantFrom(...usStateCodes), { nil: undefined }) })
        .map(({ phone, state }) => contactOf(phone, state ? { state } : {}));
      const instantArb = fc.integer({ min: Date.parse('2026-01-01T00:00Z'), max: Date.parse('2027-12-31T00:00Z') });

      it('allows a contact only in the overlap of its address state’s and its area-code state’s windows, in every zone', () =>
        fc.assert(
          fc.property(contactArb, instantArb, (contact, t) => {
            const states = contactStates(contact);
            const single = (timezone: string, state: string | undefined): CallingContact => ({
              timezone,
              ...(state ? { state } : {}),
            });
            const overlap = contactZones(contact).every((zone) =>
              (states.length > 0 ? states : [undefined]).every((state) => allowedAt(single(zone, state), t)),
            );
            expect(allowedAt(contact, t), JSON.stringify(contact)).to.equal(overlap);
            const { state: _address, ...byAreaCode } = contact;
            const { phone: _phone, ...byAddress } = contact;
            expect(allowedAt(contact, t)).to.equal(allowedAt(byAreaCode, t) && allowedAt(byAddress, t));
          }),
          { numRuns: 300 },
        ));

      it('judges a number with no address as if its area code’s state were its address', () =>
        fc.assert(
          fc.property(shippedArb, instantArb, ({ areaCode, line }, t) => {
            const phone = `+1${areaCode.code}${line}`;
            const byAreaCode = contactOf(phone);
            const { phone: _phone, ...zones } = byAreaCode;
            expect(allowedAt(byAreaCode, t), phone).to.equal(allowedAt({ ...zones, state: areaCode.state }, t));
          }),
          { numRuns: 300 },
        ));
    });
  });
});
