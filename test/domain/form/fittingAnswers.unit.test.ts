import { expect } from 'chai';
import { fittingAnswers } from '../../../domain/form/answerRules.ts';
import type { FormField } from '../../../domain/form/events.ts';

const fields = [
  { key: 'reachedContact', label: 'Reached the client', type: 'boolean', required: true },
  { key: 'channel', label: 'Preferred channel', type: 'choice', required: false, options: ['Phone', 'SMS'] },
] as unknown as FormField[];

describe('the answers that fit a form', () => {
  it('given answers for fields the form has not, then only those of its fields are kept', () => {
    expect(fittingAnswers(fields, { reachedContact: true, preferredChannel: 'sms', interested: false })).to.deep.equal({
      reachedContact: true,
    });
  });

  it('given a value of the wrong type, then it is left out, and a choice is kept in its option spelling', () => {
    expect(fittingAnswers(fields, { reachedContact: 'yes', channel: 'sms' })).to.deep.equal({ channel: 'SMS' });
  });

  it('given a cleared answer, then it is kept as null', () => {
    expect(fittingAnswers(fields, { reachedContact: null })).to.deep.equal({ reachedContact: null });
  });
});
