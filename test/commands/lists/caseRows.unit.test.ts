import { expect } from 'chai';
import { casesFromRows } from '../../../commands/lists/caseRows.ts';
import type { CsvRow } from '../../../commands/lists/csvRows.ts';

const ids = () => {
  let n = 0;
  return () => `id-${++n}`;
};

const row = (line: number, fields: CsvRow['fields']): CsvRow => ({
  row: line,
  fields: { caseType: 'personal injury', ...fields },
});

describe('cases from CSV rows', () => {
  it('gathers rows with one external id into one case, in order of first appearance', () => {
    const { cases, rejected } = casesFromRows(
      [
        row(2, { externalId: 'A1', name: 'Jane Doe', phone: '(212) 555-0100', state: 'ny' }),
        row(3, { externalId: 'B7', name: 'Bob Roe', phone: '312 555 0100' }),
        row(4, {
          externalId: 'A1',
          name: 'John Doe',
          phone: '212-555-0101',
          email: ' john@example.com ',
          mobileAppStatus: 'installed',
        }),
      ],
      { companyZone: 'America/Denver', newId: ids() },
    );
    expect(rejected).to.deep.equal([]);
    expect(cases.map((c) => [c.case.externalId, c.rows])).to.deep.equal([
      ['A1', [2, 4]],
      ['B7', [3]],
    ]);
    expect(cases[0]!.case).to.deep.equal({
      caseId: 'id-2',
      externalId: 'A1',
      caseType: 'personal injury',
      contacts: [
        {
          contactId: 'id-1',
          name: 'Jane Doe',
          phone: '+12125550100',
          state: 'NY',
          timezone: 'America/New_York',
          timezoneSource: 'state',
          areaCodeTimezones: ['America/New_York'],
        },
        {
          contactId: 'id-5',
          name: 'John Doe',
          phone: '+12125550101',
          email: 'john@example.com',
          mobileAppStatus: 'installed',
          timezone: 'America/New_York',
          timezoneSource: 'area_code',
          areaCodeTimezones: ['America/New_York'],
        },
      ],
    });
  });

  it('rejects a row alone: a phone that cannot be parsed, a missing phone or name, a bad zone, email or state', () => {
    const { cases, rejected } = casesFromRows(
      [
        row(2, { externalId: 'A1', name: 'Jane', phone: 'not a number' }),
        row(3, { externalId: 'A1', name: 'Jim', phone: '' }),
        row(4, { externalId: 'A1', name: '', phone: '2125550100' }),
        row(5, { externalId: 'A1', name: 'Ann', phone: '2125550101', timezone: 'Mars/Olympus' }),
        row(6, { externalId: 'A1', name: 'Al', phone: '2125550102', email: 'al-at-example' }),
        row(7, { externalId: 'A1', name: 'Bo', phone: '2125550103', state: 'Ontario' }),
        row(8, { externalId: 'A1', name: 'Cy', phone: '2125550104' }),
      ],
      { companyZone: 'America/Denver', newId: ids() },
    );
    expect(rejected.map((r) => r.row)).to.deep.equal([2, 3, 4, 5, 6, 7]);
    expect(rejected[0]!.reason).to.equal("phone: 'not a number' is not a phone number");
    expect(rejected[1]!.reason).to.match(/^phone: /);
    expect(rejected[2]!.reason).to.match(/^name: /);
    expect(rejected[3]!.reason).to.match(/^timezone: .*IANA/);
    expect(rejected[4]!.reason).to.match(/^email: /);
    expect(rejected[5]!.reason).to.equal("state: 'Ontario' is not a US state or territory");
    expect(cases.map((c) => c.rows)).to.deep.equal([[8]]);
  });

  it('rejects a row repeating a phone already on its case, naming the earlier row', () => {
    const { cases, rejected } = casesFromRows(
      [
        row(2, { externalId: 'A1', name: 'Jane', phone: '2125550100' }),
        row(3, { externalId: 'A1', name: 'Jane again', phone: '+1 212 555 0100' }),
      ],
      { companyZone: 'America/Denver', newId: ids() },
    );
    expect(rejected).to.deep.equal([
      { row: 3, reason: "phone: +12125550100 is already a contact of case 'A1' (row 2)" },
    ]);
    expect(cases[0]!.case.contacts).to.have.length(1);
  });

  it('rejects a row whose case type differs from its case', () => {
    const { rejected } = casesFromRows(
      [
        row(2, { externalId: 'A1', name: 'Jane', phone: '2125550100' }),
        row(3, { externalId: 'A1', caseType: 'probate', name: 'Jim', phone: '2125550101' }),
      ],
      { companyZone: 'America/Denver', newId: ids() },
    );
    expect(rejected).to.deep.equal([
      { row: 3, reason: "caseType: 'probate' differs from 'personal injury' given for case 'A1' in row 2" },
    ]);
  });

  it("uses the company's zone when nothing else tells", () => {
    const { cases } = casesFromRows([row(2, { externalId: 'A1', name: 'Jane', phone: '+1 907 555 0100' })], {
      companyZone: 'America/Denver',
      newId: ids(),
    });
    expect(cases[0]!.case.contacts[0]).to.include({ timezone: 'America/Denver', timezoneSource: 'company' });
  });
});
