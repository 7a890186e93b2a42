import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { loadConfig } from '../../../adapters/config/loadConfig.ts';
import { ConfigurationError } from '../../../domain/errors.ts';

const refusal = (rules: string): string => {
  try {
    loadConfig({ COMPLIANCE_RULES: rules }, []);
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigurationError);
    expect((error as ConfigurationError).setting).to.equal('COMPLIANCE_RULES');
    return (error as ConfigurationError).message;
  }
  return expect.fail('expected a ConfigurationError');
};

describe('COMPLIANCE_RULES: rule-table overrides from configuration', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'compliance-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a JSON file of overrides, given by path as a variable or a flag', () => {
    const file = join(dir, 'rules.json');
    const rules = {
      callingHours: {
        states: { TX: { hours: { start: '10:00', end: '20:00' }, days: { sun: null } } },
        presumedResidence: { GA: ['404', '470'] },
      },
      smsKeywords: { optOut: ['STOP', 'ARRET'] },
    };
    writeFileSync(file, JSON.stringify(rules));
    expect(loadConfig({ COMPLIANCE_RULES: file }, []).compliance).to.deep.equal(rules);
    expect(loadConfig({}, ['--compliance-rules', file]).compliance).to.deep.equal(rules);
  });

  it('names a file it cannot read', () => {
    expect(refusal(join(dir, 'missing.json'))).to.match(
      /^COMPLIANCE_RULES: expected a readable JSON file or inline JSON, could not read ".*missing\.json": ENOENT$/,
    );
  });

  it('names JSON it cannot parse', () => {
    expect(refusal('{"smsKeywords": ')).to.contain('COMPLIANCE_RULES: expected JSON in the inline JSON');
  });

  it('names each wrong value by its path in the rules', () => {
    const hours = refusal(
      JSON.stringify({ callingHours: { states: { TX: { hours: { start: '10', end: '20:00' } } } } }),
    );
    expect(hours).to.contain('callingHours.states.TX.hours.start: expected a time of day HH:mm');
    const state = refusal(
      JSON.stringify({ callingHours: { states: { ZZ: { noHolidays: true } }, presumedResidence: { TX: ['12'] } } }),
    );
    expect(state).to.contain('callingHours.states.ZZ: expected a US state code such as TX, got "ZZ"');
    expect(refusal(JSON.stringify({ callingHours: { presumedResidence: { TX: ['12'] } } }))).to.contain(
      'callingHours.presumedResidence.TX.0: expected a three-digit area code',
    );
  });

  it('refuses hours that end before they start and frequency caps that are not whole numbers above 0', () => {
    expect(refusal('{"callingHours": {"federal": {"start": "21:00", "end": "08:00"}}}')).to.contain(
      'callingHours.federal: expected hours whose start comes before their end',
    );
    expect(
      refusal('{"callingHours": {"states": {"FL": {"frequencyCaps": [{"calls": 0, "withinHours": 24}]}}}}'),
    ).to.contain('callingHours.states.FL.frequencyCaps.0.calls: expected a whole number above 0');
  });

  it('refuses a field it does not know, so a misspelt rule is never silently ignored', () => {
    expect(refusal('{"callingHours": {"states": {"TX": {"noHoliday": true}}}}')).to.contain(
      'callingHours.states.TX.noHoliday: noHoliday is not a known field',
    );
    expect(refusal('{"smsKeyword": {}}')).to.contain('smsKeyword: smsKeyword is not a known field');
  });

  it('refuses a keyword that would mean two things, against the lists it does not replace', () => {
    expect(refusal('{"smsKeywords": {"optIn": ["START", "STOP"]}}')).to.contain(
      'smsKeywords: STOP is in both optOut and optIn',
    );
    expect(refusal('{"smsKeywords": {"help": []}}')).to.contain(
      'smsKeywords.help: expected a list of at least one keyword',
    );
  });

  it('refuses the opt-in answer word in a keyword list, as any keyword meaning two things', () => {
    expect(refusal('{"smsKeywords": {"optIn": ["START", "YES"]}}')).to.contain(
      'smsKeywords: YES is in both optIn and optInAnswer',
    );
    expect(refusal('{"smsKeywords": {"optInAnswer": "END"}}')).to.contain(
      'smsKeywords: END is in both optOut and optInAnswer',
    );
  });

  it('refuses an answer window outside 1 to 168 hours and a revocation phrase without a letter', () => {
    expect(refusal('{"smsKeywords": {"optInAnswerHours": 0}}')).to.contain(
      'smsKeywords.optInAnswerHours: expected a whole number of hours from 1 to 168',
    );
    expect(refusal('{"smsKeywords": {"optInAnswerHours": 2.5}}')).to.contain('smsKeywords.optInAnswerHours');
    expect(refusal('{"smsKeywords": {"revocationPhrases": ["laissez-moi", "!!"]}}')).to.contain(
      'smsKeywords.revocationPhrases.1: expected a phrase of 1 to 80 characters with at least one letter',
    );
  });

  it('accepts added opt-out keywords and phrases, an answer word and its window', () => {
    const rules = {
      smsKeywords: {
        optOut: ['ARRET'],
        revocationPhrases: ['laissez-moi tranquille'],
        optInAnswer: 'OUI',
        optInAnswerHours: 12,
      },
    };
    expect(loadConfig({ COMPLIANCE_RULES: JSON.stringify(rules) }, []).compliance).to.deep.equal(rules);
  });

  describe('the legal floor: overrides narrow freely, widen only when acknowledged, never the federal hours', () => {
    it('refuses a wider federal window, naming the path', () =>
      expect(
        refusal('{"callingHours": {"federal": {"start": "06:00", "end": "23:00"}, "acknowledgeWider": "please"}}'),
      ).to.equal(
        'COMPLIANCE_RULES: invalid rules in the inline JSON: callingHours.federal: starts at 06:00 and ends at 23:00, wider than the federal 08:00-21:00 (47 CFR 64.1200(c)(1)), which configuration may narrow but never widen',
      ));

    it('refuses an unacknowledged widening in a file, naming the path, what is wider and how to acknowledge it', () => {
      const file = join(dir, 'rules.json');
      writeFileSync(
        file,
        JSON.stringify({ callingHours: { states: { TX: { days: { sun: { start: '07:00', end: '21:00' } } } } } }),
      );
      expect(refusal(file)).to.equal(
        `COMPLIANCE_RULES: invalid rules in ${JSON.stringify(file)}: callingHours.states.TX.days.sun: starts at 07:00 instead of 12:00 on sun, wider than the shipped rules; to allow it, add "acknowledgeWider": "<why>" to callingHours.states.TX`,
      );
    });

    it('accepts the widening once acknowledged', () => {
      const rules = {
        callingHours: {
          states: {
            TX: { days: { sun: { start: '10:00', end: '21:00' } }, acknowledgeWider: 'counsel’s reading of §301.051' },
          },
        },
      };
      expect(loadConfig({ COMPLIANCE_RULES: JSON.stringify(rules) }, []).compliance).to.deep.equal(rules);
    });

    it('reads artificial-voice rows, purpose, blackouts and holidays', () => {
      const rules = {
        callingHours: {
          artificialVoice: { NE: { holidayHours: { start: '14:00', end: '20:00' } } },
          purpose: 'informational',
          acknowledgeWider: 'every campaign reminds clients of their own cases',
          blackouts: [
            { states: ['LA'], from: '2026-08-28', until: '2026-09-10', reason: 'JBE 2026-50', binds: 'solicitations' },
          ],
          holidays: { LA: ['2026-12-24'] },
        },
      };
      expect(loadConfig({ COMPLIANCE_RULES: JSON.stringify(rules) }, []).compliance).to.deep.equal(rules);
    });

    it('refuses a blackout that ends before it starts, or binds what it cannot', () => {
      const blackout = (fields: object) =>
        JSON.stringify({
          callingHours: {
            blackouts: [
              {
                states: ['LA'],
                from: '2026-09-10',
                until: '2026-09-10',
                reason: 'r',
                binds: 'solicitations',
                ...fields,
              },
            ],
          },
        });
      expect(refusal(blackout({ from: '2026-09-11' }))).to.contain(
        'callingHours.blackouts.0: expected a blackout whose from is not after its until',
      );
      expect(refusal(blackout({ binds: 'texts' }))).to.contain(
        'callingHours.blackouts.0.binds: expected solicitations or every_automated_call',
      );
      expect(refusal(JSON.stringify({ callingHours: { holidays: { LA: ['2026-02-30'] } } }))).to.contain(
        'callingHours.holidays.LA.0: expected a date yyyy-MM-dd',
      );
    });
  });
});
