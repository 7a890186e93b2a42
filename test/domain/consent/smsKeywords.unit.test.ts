import { expect } from 'chai';
import fc from 'fast-check';
import { classifySms, defaultSmsKeywords } from '../../../domain/consent/smsKeywords.ts';

const { optOut: optOutKeywords, optIn: optInKeywords } = defaultSmsKeywords;

const kindOf = (body: string) => classifySms(body).kind;

describe('SMS keywords', () => {
  it('reads every opt-out keyword as the whole message, in any case, trimmed, with a trailing . or !', () => {
    for (const keyword of optOutKeywords)
      for (const body of [keyword, keyword.toLowerCase(), `  ${keyword[0]}${keyword.slice(1).toLowerCase()} \n`, `${keyword}!`, `${keyword}.`])
        expect(classifySms(body), body).to.deep.equal({ kind: 'opt_out', keyword });
  });

  it('reads START, UNSTOP and YES as opt-in, HELP and INFO as a help request', () => {
    for (const keyword of optInKeywords) expect(classifySms(` ${keyword.toLowerCase()} `)).to.deep.equal({ kind: 'opt_in', keyword });
    expect(classifySms('help')).to.deep.equal({ kind: 'help', keyword: 'HELP' });
    expect(classifySms('Info')).to.deep.equal({ kind: 'help', keyword: 'INFO' });
  });

  it('reads the keyword lists configuration gives instead of the defaults', () => {
    const keywords = { optOut: ['ARRET', 'STOP'], optIn: ['REPRISE'], help: ['AIDE'] };
    expect(classifySms(' arret ', keywords)).to.deep.equal({ kind: 'opt_out', keyword: 'ARRET' });
    expect(classifySms('Reprise!', keywords)).to.deep.equal({ kind: 'opt_in', keyword: 'REPRISE' });
    expect(classifySms('aide', keywords)).to.deep.equal({ kind: 'help', keyword: 'AIDE' });
    expect(classifySms('arret please', keywords).kind).to.equal('opt_out_request');
    // Words the defaults hold and the configured lists do not are ordinary messages.
    expect(classifySms('UNSTOP', keywords)).to.deep.equal({ kind: 'message' });
    expect(classifySms('info', keywords)).to.deep.equal({ kind: 'message' });
  });

  const optOutRequests = [
    'please stop texting me',
    'Please STOP calling me!!',
    'stop calling',
    'When will you stop calling me?',
    "don't call me again",
    'Don’t text me anymore',
    'do not contact me',
    'Never call this number again.',
    'remove me from your list',
    'Take me off your mailing list please',
    'please delete my number',
    'lose my number',
    'I want to opt out',
    'opt me out',
    'How do I unsubscribe?',
    'unsubscribe me please',
    "I don't want any more texts",
    "I don't want you to call me",
    'no more calls please',
    'leave me alone',
    'wrong number',
    'STOP please',
    'stop it now',
    'Quit it!',
  ];

  const ordinaryMessages = [
    "don't stop",
    'stop by the office',
    "I can't stop thinking about it",
    'Please don’t stop texting me, this helps',
    'Did they stop calling you?',
    "Don't call me before noon",
    'cancel my appointment',
    'I will stop by tomorrow at 3',
    'the end of the month works',
    'yes please',
    'Thanks! Can you call me back?',
    "Don't stop calling me until it is sorted",
    'ok',
    'I quit my job last week, does that matter?',
    'help me understand the settlement',
  ];

  for (const body of optOutRequests)
    it(`reads "${body}" as a request to stop`, () => {
      expect(kindOf(body)).to.equal('opt_out_request');
    });

  for (const body of ordinaryMessages)
    it(`reads "${body}" as an ordinary message`, () => {
      expect(kindOf(body)).to.equal('message');
    });

  it('names the phrase that asked, for the opt-out record', () => {
    expect(classifySms('Hi, please stop texting me. Thanks')).to.deep.equal({ kind: 'opt_out_request', phrase: 'stop texting me' });
  });

  it('never reads a message with a negated stop ("don\'t stop ...") as an opt-out', () => {
    const verbs = ['texting', 'calling', 'messaging', 'emailing', 'contacting'];
    const negations = ["don't", 'do not', 'never', "can't", "won't"];
    fc.assert(
      fc.property(fc.constantFrom(...negations), fc.constantFrom(...verbs), fc.constantFrom('me', 'us', ''), fc.constantFrom('', ' please', ', thanks'), (no, verb, who, tail) => {
        const body = `Please ${no} stop ${verb} ${who}${tail}`.replace(/\s+/g, ' ');
        expect(kindOf(body), body).to.equal('message');
      }),
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
