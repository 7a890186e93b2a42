import { expect } from 'chai';
import { MAX_IMPORT_ROWS, parseCaseRows, readCaseRows, type CsvRow } from '../../../commands/lists/csvRows.ts';
import { ValidationError } from '../../../domain/errors.ts';
import { problemMessageFaults } from '../../support/problemMessages.ts';

const header = 'externalId,caseType,name,phone,email,timezone,state,mobileAppStatus';

const refusal = (text: string): ValidationError => {
  try {
    parseCaseRows(text);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('the CSV should be refused');
};

describe('CSV rows of a cases import', () => {
  it('reads a file with a BOM, CRLF line ends, blank lines and quoted commas, numbering rows by line', () => {
    const text = `\uFEFF${header}\r\nA1,personal injury,"Doe, Jane",(212) 555-0100,,,NY,\r\n\r\n   \r\nA2,personal injury,"Roe, ""Rick""",312-555-0100,rick@example.com,,,installed\r\n`;
    const { rows, rejected } = parseCaseRows(text);
    expect(rejected).to.deep.equal([]);
    expect(rows).to.deep.equal([
      {
        row: 2,
        fields: {
          externalId: 'A1',
          caseType: 'personal injury',
          name: 'Doe, Jane',
          phone: '(212) 555-0100',
          email: '',
          timezone: '',
          state: 'NY',
          mobileAppStatus: '',
        },
      },
      {
        row: 5,
        fields: {
          externalId: 'A2',
          caseType: 'personal injury',
          name: 'Roe, "Rick"',
          phone: '312-555-0100',
          email: 'rick@example.com',
          timezone: '',
          state: '',
          mobileAppStatus: 'installed',
        },
      },
    ]);
  });

  it('reads LF files and columns in any order and letter case, ignoring unknown columns', () => {
    const { rows } = parseCaseRows('Phone,NAME,notes,externalid,casetype\n2125550100,Jane,called twice,A1,pi\n');
    expect(rows).to.deep.equal([
      { row: 2, fields: { phone: '2125550100', name: 'Jane', externalId: 'A1', caseType: 'pi' } },
    ]);
  });

  it('numbers a row that spans lines inside quotes by the line it starts on', () => {
    const { rows } = parseCaseRows(`${header}\nA1,pi,"Jane\nDoe",2125550100,,,,\nA2,pi,Bob,3125550100,,,,\n`);
    expect(rows.map((r) => r.row)).to.deep.equal([2, 4]);
  });

  it('rejects rows with too many or too few fields, or broken quotes, and keeps the good rows', () => {
    const text = [
      header,
      'A1,pi,Jane,2125550100,,,,',
      'A2,pi,Bob,3125550100,,,,,extra',
      'A3,pi,"Bad "quote",2125550101,,,,',
      'A4,pi,Short',
      'A5,pi,Ann,2125550102,,,,',
    ].join('\r\n');
    const { rows, rejected } = parseCaseRows(text);
    expect(rows.map((r) => r.row)).to.deep.equal([2, 6]);
    expect(rejected.map((r) => r.row)).to.deep.equal([3, 4, 5]);
    expect(rejected[0]!.reason).to.equal('the row has 9 fields, the header 8');
    expect(rejected[1]!.reason).to.match(/quote/);
    expect(rejected[2]!.reason).to.equal('the row has 3 fields, the header 8');
  });

  it('rejects a row whose quote never closes, and keeps the rows before it', () => {
    const { rows, rejected } = parseCaseRows(
      `${header}\nA1,pi,Jane,2125550100,,,,\nA2,pi,"Bob,3125550100,,,,\nA3,pi,Ann,2125550102,,,,\n`,
    );
    expect(rows.map((r) => r.row)).to.deep.equal([2]);
    expect(rejected).to.deep.equal([
      { row: 3, reason: 'a quoted field is never closed, so the rest of the file could not be read' },
    ]);
  });

  it('answers nothing for a header alone', () =>
    expect(parseCaseRows(`${header}\r\n`)).to.deep.equal({ rows: [], rejected: [] }));

  it('refuses a header without the required columns, naming each missing one', () => {
    const error = refusal('extrnalId,caseType,name\nA1,pi,Jane\n');
    expect(error.code).to.equal('IMPORT.INVALID_HEADER');
    expect(error.errors).to.deep.equal([
      { path: 'header.externalId', message: 'the header has no column externalId' },
      { path: 'header.phone', message: 'the header has no column phone' },
    ]);
    expect(error.message).to.include('Columns not recognised: "extrnalId".');
  });

  it('names the columns it does not recognise as the literal text they are, whatever it reads like', () => {
    const error = refusal('externalId,caseType,NaN,,name\nA1,pi,x,,Jane\n');
    expect(error.message).to.include('Columns not recognised: "NaN", one with no name.');
    expect(
      problemMessageFaults({ title: 'Invalid request', detail: error.message, errors: error.errors }),
    ).to.deep.equal([]);
  });

  it('refuses a header that names a column twice', () =>
    expect(refusal('externalId,caseType,name,phone,Phone\n').errors[0]!.path).to.equal('header.phone'));

  it('refuses an empty file, blank lines only', () => expect(refusal('\r\n\r\n').code).to.equal('IMPORT.NO_HEADER'));

  it(`refuses more than ${MAX_IMPORT_ROWS} rows`, () => {
    const text = `externalId,caseType,name,phone\n${'A,b,c,d\n'.repeat(MAX_IMPORT_ROWS + 1)}`;
    expect(refusal(text).code).to.equal('IMPORT.TOO_MANY_ROWS');
  });

  describe('read one row at a time', () => {
    const taken = (text: string): { rows: CsvRow[]; error?: ValidationError } => {
      const rows: CsvRow[] = [];
      try {
        readCaseRows(text, (row) => rows.push(row));
        return { rows };
      } catch (error) {
        if (error instanceof ValidationError) return { rows, error };
        throw error;
      }
    };

    it('hands over the rows in file order, as a whole read answers them', () => {
      const text = [
        header,
        'A1,pi,Jane,2125550100,,,,',
        'A2,pi,Bob,3125550100,,,,,extra',
        '',
        'A3,pi,Ann,2125550102,,,,',
      ].join('\n');
      expect(taken(text).rows).to.deep.equal(parseCaseRows(text).rows);
      expect(taken(text).rows.map((r) => r.row)).to.deep.equal([2, 5]);
    });

    it('answers the rows it refuses, and hands them to no one', () => {
      const rows: CsvRow[] = [];
      const rejected = readCaseRows(`${header}\nA1,pi,Short\nA2,pi,Ann,2125550102,,,,\n`, (row) => rows.push(row));
      expect(rejected).to.deep.equal([{ row: 2, reason: 'the row has 3 fields, the header 8' }]);
      expect(rows.map((r) => r.row)).to.deep.equal([3]);
    });

    it('hands over nothing under a header that lacks a column, and then refuses the header', () => {
      const { rows, error } = taken('externalId,caseType,name\nA1,pi,Jane\n');
      expect(rows).to.deep.equal([]);
      expect(error?.code).to.equal('IMPORT.INVALID_HEADER');
    });

    it(`hands over no row past the ${MAX_IMPORT_ROWS}th, and then refuses the file`, () => {
      const { rows, error } = taken(`externalId,caseType,name,phone\n${'A,b,c,d\n'.repeat(MAX_IMPORT_ROWS + 2)}`);
      expect(rows.length).to.equal(MAX_IMPORT_ROWS);
      expect(error?.code).to.equal('IMPORT.TOO_MANY_ROWS');
      expect(error?.message).to.match(new RegExp(`this one has ${MAX_IMPORT_ROWS + 2}`));
    });
  });
});
