import { expect } from 'chai';
import { IANAZone } from 'luxon';
import { contactTimeZone } from '../../../domain/list/contactTimeZone.ts';
import { phonePrefixTimeZones } from '../../../domain/list/phonePrefixTimeZones.ts';
import { stateTimeZone, usStateCode, usStateCodes } from '../../../domain/list/stateTimeZones.ts';

const company = 'America/Denver';

describe('contact time zones', () => {
  describe('derivation order and source', () => {
    it('keeps a zone the contact gives, over its state and phone', () =>
      expect(
        contactTimeZone({ phone: '+12125550100', state: 'CA', timezone: 'America/Phoenix' }, company),
      ).to.deep.equal({
        timezone: 'America/Phoenix',
        timezoneSource: 'contact',
        areaCodeTimezones: ['America/New_York'],
      }));

    it("takes the state's zone before the phone's, and keeps the phone's zones beside it when they disagree", () =>
      expect(contactTimeZone({ phone: '+12125550100', state: 'CA' }, company)).to.deep.equal({
        timezone: 'America/Los_Angeles',
        timezoneSource: 'state',
        areaCodeTimezones: ['America/New_York'],
      }));

    it("takes the phone prefix's zone when there is no state", () =>
      expect(contactTimeZone({ phone: '+13125550100' }, company)).to.deep.equal({
        timezone: 'America/Chicago',
        timezoneSource: 'area_code',
        areaCodeTimezones: ['America/Chicago'],
      }));

    it('falls back to the company zone when the prefix spans zones, keeping them all', () =>
      expect(contactTimeZone({ phone: '+19075550100' }, company)).to.deep.equal({
        timezone: company,
        timezoneSource: 'company',
        areaCodeTimezones: ['America/Adak', 'America/Anchorage'],
      }));

    it("takes the area code's state zone when the prefix data does not know the code yet (Peoria's 861)", () =>
      expect(contactTimeZone({ phone: '+18615550100' }, company)).to.deep.equal({
        timezone: 'America/Chicago',
        timezoneSource: 'area_code',
        areaCodeTimezones: ['America/Chicago'],
      }));

    it('falls back to the company zone when the prefix is unknown, with no prefix zones kept', () =>
      expect(contactTimeZone({ phone: '+999123456789' }, company)).to.deep.equal({
        timezone: company,
        timezoneSource: 'company',
      }));
  });

  describe('phone prefixes', () => {
    it('find the longest matching prefix', () => {
      expect(phonePrefixTimeZones('+12195550100')).to.deep.equal(['America/New_York']);
      expect(phonePrefixTimeZones('+12192265555')).to.deep.equal(['America/Chicago']);
    });

    it('know numbers outside North America too', () =>
      expect(phonePrefixTimeZones('+33142685300')).to.deep.equal(['Europe/Paris']));

    it('say nothing for +1 as a whole', () => expect(phonePrefixTimeZones('+1')).to.deep.equal([]));

    it('answer only zones this runtime knows', () => {
      for (const phone of ['+12125550100', '+19075550100', '+442079460958', '+74951234567', '+61291234567'])
        for (const zone of phonePrefixTimeZones(phone)) expect(IANAZone.isValidZone(zone), zone).to.equal(true);
    });
  });

  describe('states', () => {
    it('cover the 50 states, DC and the five inhabited territories, each with a valid zone', () => {
      expect(usStateCodes).to.have.length(56);
      for (const code of usStateCodes) expect(IANAZone.isValidZone(stateTimeZone(code)!), code).to.equal(true);
    });

    it('take the zone most people of a split state live in', () => {
      expect(stateTimeZone('TN')).to.equal('America/Chicago');
      expect(stateTimeZone('FL')).to.equal('America/New_York');
      expect(stateTimeZone('ID')).to.equal('America/Boise');
      expect(stateTimeZone('PR')).to.equal('America/Puerto_Rico');
    });

    it('read a code or a full name in any case', () => {
      expect(usStateCode('tx')).to.equal('TX');
      expect(usStateCode(' New  York ')).to.equal('NY');
      expect(usStateCode('district of columbia')).to.equal('DC');
      expect(usStateCode('Ontario')).to.equal(undefined);
    });
  });
});
