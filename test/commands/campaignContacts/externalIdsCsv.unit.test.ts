import { expect } from 'chai';
import { externalIdsOf, MAX_EXTERNAL_IDS } from '../../../commands/campaignContacts/externalIdsCsv.ts';
import { ValidationError } from '../../../domain/errors.ts';

describe('external ids from a CSV, one a line', () => {
  it('skips a header naming the column, blank lines and spaces; reads the first column of wider lines', () => {
    expect(externalIdsOf('\uFEFFExternalId\r\n PI-1 \r\n\r\n"PI,2",x\nPI-3')).to.deep.equal(['PI-1', 'PI,2', 'PI-3']);
    expect(externalIdsOf('PI-1\nPI-2\n')).to.deep.equal(['PI-1', 'PI-2']);
    expect(externalIdsOf('')).to.deep.equal([]);
  });

  it('refuses unreadable files and more ids than an import holds', () => {
    expect(() => externalIdsOf('"PI-1\nPI-2')).to.throw(ValidationError);
    expect(() => externalIdsOf(Array.from({ length: MAX_EXTERNAL_IDS + 1 }, (_, i) => `id-${i}`).join('\n'))).to.throw(
      ValidationError,
      'at most',
    );
  });
});
