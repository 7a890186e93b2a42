import { expect } from 'chai';
import { normaliseCase } from '../../../commands/lists/caseNormalisation.ts';

const deps = () => {
  let n = 0;
  return { companyZone: 'America/New_York', newId: () => `id-${++n}` };
};

describe('a JSON case, normalised', () => {
  it('reads phones, states and zones, dropping blanks and nulls', () => {
    const answer = normaliseCase(
      {
        externalId: ' A1 ',
        caseType: 'personal injury',
        contacts: [{ name: 'Jane', phone: '415.555.0100', email: null, state: '', timezone: 'America/Chicago' }],
      },
      deps(),
    );
    expect(answer).to.deep.equal({
      ok: true,
      value: {
        caseId: 'id-2',
        externalId: 'A1',
        caseType: 'personal injury',
        contacts: [
          {
            contactId: 'id-1',
            name: 'Jane',
            phone: '+14155550100',
            timezone: 'America/Chicago',
            timezoneSource: 'contact',
            areaCodeTimezones: ['America/Los_Angeles'],
          },
        ],
      },
    });
  });

  it('names every problem of the case with its path', () => {
    const answer = normaliseCase(
      {
        externalId: 'A1',
        caseType: 'pi',
        contacts: [
          { name: 'Jane', phone: '2125550100' },
          { name: 'Jim', phone: 'nope', state: 'ZZ' },
        ],
      },
      deps(),
    );
    expect(answer).to.deep.equal({
      ok: false,
      problems: [
        { path: 'contacts.1.phone', message: "'nope' is not a phone number" },
        { path: 'contacts.1.state', message: "'ZZ' is not a US state or territory" },
      ],
    });
  });

  it('refuses a contact without a phone, and a case without an external id', () => {
    const answer = normaliseCase({ caseType: 'pi', contacts: [{ name: 'Jane' }] }, deps());
    expect(answer.ok).to.equal(false);
    expect(!answer.ok && answer.problems.map((p) => p.path)).to.deep.equal(['externalId', 'contacts.0.phone']);
  });

  it('reads a US zone name as the IANA zone it means', () => {
    const answer = normaliseCase(
      { externalId: 'A1', caseType: 'pi', contacts: [{ name: 'Jane', phone: '2125550100', timezone: 'Central' }] },
      deps(),
    );
    expect(answer.ok && answer.value.contacts[0]).to.include({
      timezone: 'America/Chicago',
      timezoneSource: 'contact',
    });
  });

  it('refuses what is not a case at all', () => expect(normaliseCase('A1', deps()).ok).to.equal(false));
});
