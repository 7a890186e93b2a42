import { expect } from 'chai';
import { normalisedSms, readingsOf, squeezed, wordsOf } from '../../../domain/consent/smsText.ts';

describe('an inbound text as the revocation rules read it', () => {
  it('drops case, accents and apostrophes, and ends each clause with |', () => {
    expect(normalisedSms('No MÁS, por favor!!')).to.equal('no mas | por favor');
    expect(normalisedSms('Don’t call me again.')).to.equal('dont call me again');
    expect(normalisedSms('  ¿Quién es?  ')).to.equal('quien es');
  });

  it('reads stop-sign emoji as a word, other emoji and signs as spaces, and # as "number"', () => {
    expect(normalisedSms('🛑🛑')).to.equal('stopsign stopsign');
    expect(normalisedSms('ok 👍😊 thanks')).to.equal('ok thanks');
    expect(normalisedSms('wrong # sorry')).to.equal('wrong number sorry');
    expect(normalisedSms('case #123')).to.equal('case 123');
  });

  it('joins letters spelt out one by one', () => {
    expect(normalisedSms('S T O P')).to.equal('stop');
    expect(normalisedSms('s.t.o.p')).to.equal('stop');
    expect(normalisedSms('I m ok')).to.equal('i m ok');
  });

  it('squeezes repeated letters for keywords, and offers phrase rules each reading of stretched words', () => {
    expect(squeezed('stooppp')).to.equal('stop');
    expect(readingsOf('pleeease nooo moree')).to.deep.equal([
      'pleeease nooo moree',
      'please no moree',
      'pleease noo moree',
    ]);
    expect(wordsOf('no mas | por favor')).to.deep.equal(['no', 'mas', 'por', 'favor']);
  });
});
