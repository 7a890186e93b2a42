import { expect } from 'chai';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { safeCsvStringifier, spreadsheetSafe, stringifySafeCsv } from '../../../projections/reports/safeCsv.ts';

const parsed = (text: string): string[][] => parse(text, { relax_column_count: true }) as string[][];

describe('safe CSV cells', () => {
  const dangerous = ['=1+1', '+15551234567', '-2+3', '@SUM(A1:A2)', '\t=cmd', '\r=cmd', '=HYPERLINK("http://x","y")'];

  for (const cell of dangerous)
    it(`given a cell starting ${JSON.stringify(cell[0])}, writes it quoted behind a single quote`, () => {
      const text = stringifySafeCsv([[cell, 'ok']]);
      expect(text.startsWith(`"'${cell.replaceAll('"', '""')}"`), text).to.equal(true);
      expect(parsed(text)).to.deep.equal([[`'${cell}`, 'ok']]);
    });

  it('leaves safe cells and numbers (negative ones too) as they are', () => {
    const text = stringifySafeCsv([['Jane Doe', 'a=b', ' =x', 'PI-00001', "'=already", -3, 0, 2.5]]);
    expect(text).to.equal(`Jane Doe,a=b, =x,PI-00001,'=already,-3,0,2.5\n`);
  });

  it("escapes what the caller's own casts write, and keeps them", () => {
    const text = stringifySafeCsv([[true, false, new Date(0)]], {
      cast: { boolean: (value) => (value ? '=yes' : 'no'), date: (value) => `-${value.getTime()}` },
    });
    expect(parsed(text)).to.deep.equal([["'=yes", 'no', "'-0"]]);
  });

  it('round-trips any string through a CSV parser as the escaped text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.constantFrom('=', '+', '-', '@', '\t', '\r').chain((c) => fc.string().map((s) => c + s)),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        (row) => {
          const [back] = parsed(stringifySafeCsv([row]));
          expect(back).to.deep.equal(row.map(spreadsheetSafe));
          for (const cell of back!) expect(cell).not.to.match(/^[=+\-@\t\r]/);
        },
      ),
    );
  });

  it('streams rows with the same escape', async () => {
    const writer = safeCsvStringifier({ header: true, columns: ['name', 'phone'] });
    const chunks: string[] = [];
    writer.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    const done = new Promise((resolve) => writer.on('end', resolve));
    writer.write({ name: '=evil()', phone: '+15551234567' });
    writer.end();
    await done;
    expect(chunks.join('')).to.equal(`name,phone\n"'=evil()","'+15551234567"\n`);
  });
});
