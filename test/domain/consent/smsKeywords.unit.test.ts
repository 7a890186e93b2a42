import { expect } from 'chai';
import fc from 'fast-check';
import { complianceRules } from '../../../domain/compliance/complianceRules.ts';
import { classifySms, defaultSmsKeywords } from '../../../domain/consent/smsKeywords.ts';

const { optOut: optOutKeywords, optIn: optInKeywords } = defaultSmsKeywords;

const kindOf = (body: string) => classifySms(body).kind;
const revokes = (body: string) => ['opt_out', 'opt_out_request'].includes(kindOf(body));

describe('SMS keywords', () => {
  it('reads every opt-out keyword alone, in any case, trimmed, with any punctuation or repeats, as a bare keyword', () => {
    for (const keyword of optOutKeywords)
      for (const body of [
        keyword,
        keyword.toLowerCase(),
        `  ${keyword[0]}${keyword.slice(1).toLowerCase()} \n`,
        `${keyword}!!!`,
        `${keyword}.`,
        `${keyword} ${keyword}`,
      ])
        expect(classifySms(body), body).to.deep.equal({
          kind: 'opt_out',
          keyword,
          alone: true,
          matched: `keyword: ${keyword}`,
        });
  });

  it('reads an opt-out keyword as a word anywhere in a longer text, and says it was not alone', () => {
    for (const body of ['pls stop', 'Stop. Wrong number', 'STOPPP', 'stop pls 🙏', 'stpo', 'Yeah stop', 'unsuscribe'])
      expect(classifySms(body), body).to.deep.include({ kind: 'opt_out', alone: false });
    expect(classifySms('I said STOP already')).to.deep.equal({
      kind: 'opt_out',
      keyword: 'STOP',
      alone: false,
      matched: 'keyword in a longer text: stop',
    });
  });

  it('reads the Spanish keywords the same way, accents or none', () => {
    for (const body of ['ALTO', 'baja', 'Parar', 'CANCELAR']) expect(kindOf(body), body).to.equal('opt_out');
    for (const body of ['no más', 'no mas', 'No me llamen', 'dejen de escribirme', 'No quiero mensajes'])
      expect(kindOf(body), body).to.equal('opt_out_request');
  });

  it('reads START and UNSTOP as opt-in, YES only as the answer to an opt-in question, HELP and INFO as a help request', () => {
    for (const keyword of optInKeywords)
      expect(classifySms(` ${keyword.toLowerCase()} `)).to.deep.equal({ kind: 'opt_in', keyword, answer: false });
    expect(classifySms('Yes!')).to.deep.equal({ kind: 'opt_in', keyword: 'YES', answer: true });
    expect(classifySms('yes please call me')).to.deep.equal({ kind: 'message' });
    expect(classifySms('help')).to.deep.equal({ kind: 'help', keyword: 'HELP' });
    expect(classifySms('Info')).to.deep.equal({ kind: 'help', keyword: 'INFO' });
  });

  it('keeps the shipped opt-out keywords when configuration adds its own, and reads its phrases in any case and accent', () => {
    const { smsKeywords: keywords } = complianceRules({
      smsKeywords: {
        optOut: ['ARRET'],
        optIn: ['REPRISE'],
        help: ['AIDE'],
        optInAnswer: 'OUI',
        revocationPhrases: ["Arrêtez de m'écrire"],
      },
    });
    expect(classifySms(' arrêt ', keywords)).to.deep.include({ kind: 'opt_out', keyword: 'ARRET', alone: true });
    expect(classifySms('STOP', keywords)).to.deep.include({ kind: 'opt_out', keyword: 'STOP' });
    expect(classifySms('Reprise!', keywords)).to.deep.equal({ kind: 'opt_in', keyword: 'REPRISE', answer: false });
    expect(classifySms('oui', keywords)).to.deep.equal({ kind: 'opt_in', keyword: 'OUI', answer: true });
    expect(classifySms('aide', keywords)).to.deep.equal({ kind: 'help', keyword: 'AIDE' });
    expect(classifySms('SVP, ARRÊTEZ de m’écrire!', keywords)).to.deep.equal({
      kind: 'opt_out_request',
      phrase: 'arretez de mecrire',
      matched: 'configured: arretez de mecrire',
    });
    // Words the defaults hold and the configured lists replace are ordinary messages.
    expect(classifySms('UNSTOP', keywords)).to.deep.equal({ kind: 'message' });
    expect(classifySms('yes', keywords)).to.deep.equal({ kind: 'message' });
  });

  it('names the rule and the words of a request in words, for the opt-out record', () => {
    expect(classifySms('Hi, please remove me from your list. Thanks')).to.deep.equal({
      kind: 'opt_out_request',
      phrase: 'remove me',
      matched: 'en.remove_me: remove me',
    });
    expect(classifySms('No más, por favor')).to.deep.equal({
      kind: 'opt_out_request',
      phrase: 'no mas',
      matched: 'es.no_mas: no mas',
    });
  });

  const revocations = [
    'stop stop',
    'STOP!!!',
    'revoke consent',
    'Quit texting me',
    'do not call',
    'remove me',
    'Please do not send any further messages',
    'I no longer want these messages',
    'cancel',
    'end',
    'Can you cancel?',
    'How do I unsubscribe?',
    "Don't call me again.",
    'wrong number',
    '🛑',
  ];

  const ordinaryMessages = [
    'yes please call me',
    'what time is my appointment',
    'can you call me after 5',
    'I need to cancel my appointment',
    "don't stop calling until you reach me",
    'stop by the office tomorrow',
    'end of the day works',
    "can't wait",
    "I can't stop thinking about it",
    'Did they stop calling you?',
    "Don't call me before noon",
    'I quit my job last week, does that matter?',
    'help me understand the settlement',
    'No más tarde de las 5',
    'Vivo en Baja California',
  ];

  for (const body of revocations)
    it(`reads "${body}" as a revocation`, () => {
      expect(revokes(body)).to.equal(true);
    });

  for (const body of ordinaryMessages)
    it(`reads "${body}" as an ordinary message`, () => {
      expect(kindOf(body)).to.equal('message');
    });

  it('never reads a negated stop ("don\'t stop ...") as an opt-out', () => {
    const verbs = ['texting', 'calling', 'messaging', 'emailing', 'contacting'];
    const negations = ["don't", 'do not', 'never', "can't", "won't"];
    fc.assert(
      fc.property(
        fc.constantFrom(...negations),
        fc.constantFrom(...verbs),
        fc.constantFrom('me', 'us', ''),
        fc.constantFrom('', ' please', ', thanks'),
        (no, verb, who, tail) => {
          const body = `Please ${no} stop ${verb} ${who}${tail}`.replace(/\s+/g, ' ');
          expect(kindOf(body), body).to.equal('message');
        },
      ),
    );
  });

  it('reads every shipped opt-out keyword as a revocation wherever it stands in a plain sentence', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...optOutKeywords),
        fc.constantFrom('', 'ok ', 'please ', 'I said '),
        fc.constantFrom('', ' now', ' thanks', '!!', ' 😡'),
        (keyword, before, after) => {
          const body = `${before}${keyword.toLowerCase()}${after}`;
          expect(revokes(body), body).to.equal(true);
        },
      ),
    );
  });

  it('classifies any text without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (body) => {
        expect(['opt_out', 'opt_out_request', 'opt_in', 'help', 'message']).to.include(kindOf(body));
      }),
    );
  });
});
