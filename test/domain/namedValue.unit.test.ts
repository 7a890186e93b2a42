import { expect } from 'chai';
import { named } from '../../domain/namedValue.ts';

describe('a value the caller gave, as a message names it', () => {
  it('shows an id or a plain word as it is', () =>
    expect(`No campaign ${named('01a250ca-56d3-7061-9e0a-9eebe381d32c')}.`).to.equal(
      'No campaign 01a250ca-56d3-7061-9e0a-9eebe381d32c.',
    ));
  it('quotes a value with spaces or other signs, so its edges show', () =>
    expect(`No campaign ${named(' ')}.`).to.equal('No campaign " ".'));
  it('says an empty value in words, leaving no gap', () => {
    expect(`no agent ${named('')} in this company`).to.equal('no agent with an empty id in this company');
    expect(`the form has no field ${named('', 'key')}`).to.equal('the form has no field with an empty key');
  });
  it('quotes a word a reader would take for a value gone missing', () =>
    expect(`the form has no field ${named('undefined', 'key')}`).to.equal('the form has no field "undefined"'));
});
