import { expect } from 'chai';
import { withoutBlanks } from '../../../commands/lists/contactNormalisation.ts';

describe('fields without blanks', () => {
  it('trims strings and drops blank strings and nulls, keeping other values and the order of fields', () => {
    const tidied = withoutBlanks({
      name: ' Jane ',
      email: '',
      state: '  ',
      timezone: null,
      phone: '2125550100',
      contacts: [],
      count: 0,
      flag: false,
    });
    expect(tidied).to.deep.equal({ name: 'Jane', phone: '2125550100', contacts: [], count: 0, flag: false });
    expect(Object.keys(tidied as object)).to.deep.equal(['name', 'phone', 'contacts', 'count', 'flag']);
  });

  it('keeps a "__proto__" field as a field, never as the prototype', () => {
    const tidied = withoutBlanks(JSON.parse('{"__proto__": {"polluted": true}, "name": "Jane"}')) as Record<
      string,
      unknown
    >;
    expect(Object.getPrototypeOf(tidied)).to.equal(Object.prototype);
    expect(Object.keys(tidied)).to.deep.equal(['__proto__', 'name']);
    expect(tidied['polluted']).to.equal(undefined);
  });

  it('trims a lone string and passes other values through', () => {
    expect(withoutBlanks(' A1 ')).to.equal('A1');
    expect(withoutBlanks(null)).to.equal(null);
    expect(withoutBlanks([' a '])).to.deep.equal([' a ']);
  });
});
