import { expect } from 'chai';
import { normalisePhone } from '../../../commands/lists/phoneNumbers.ts';

describe('phone normalisation', () => {
  for (const given of [
    '(212) 555-0100',
    '212.555.0100',
    '212-555-0100',
    '2125550100',
    '1 212 555 0100',
    '+1 (212) 555-0100',
    '+12125550100',
    ' 212 555 0100 ',
  ])
    it(`reads ${JSON.stringify(given)} as a US number in E.164`, () =>
      expect(normalisePhone(given)).to.deep.equal({ phone: '+12125550100' }));

  it('keeps the country of a number that gives one', () =>
    expect(normalisePhone('+44 20 7946 0958')).to.deep.equal({ phone: '+442079460958' }));

  it('refuses text that is no number', () =>
    expect(normalisePhone('call me'))
      .to.have.property('problem')
      .that.matches(/is not a phone number/));

  it('refuses a number a digit short', () =>
    expect(normalisePhone('212 555 010'))
      .to.have.property('problem')
      .that.matches(/not a valid phone number/));

  it('refuses a number the numbering plan does not allow (no area code starts with 0 or 1)', () =>
    expect(normalisePhone('(112) 555-0100'))
      .to.have.property('problem')
      .that.matches(/not a valid phone number/));

  it('refuses a seven-digit local number: without an area code there is no one to call', () =>
    expect(normalisePhone('555-1234')).to.have.property('problem'));

  it('refuses a number with an extension, which a dialler cannot reach', () =>
    expect(normalisePhone('212-555-0100 ext. 12'))
      .to.have.property('problem')
      .that.matches(/extension/));
});
