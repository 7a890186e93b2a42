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
      callingHours: { states: { TX: { hours: { start: '10:00', end: '20:00' }, days: { sun: null } } }, presumedResidence: { GA: ['404', '470'] } },
      smsKeywords: { optOut: ['STOP', 'ARRET'] },
    };
    writeFileSync(file, JSON.stringify(rules));
    expect(loadConfig({ COMPLIANCE_RULES: file }, []).compliance).to.deep.equal(rules);
    expect(loadConfig({}, ['--compliance-rules', file]).compliance).to.deep.equal(rules);
  });

  it('names a file it cannot read', () => {
    expect(refusal(join(dir, 'missing.json'))).to.match(/^COMPLIANCE_RULES: expected a readable JSON file or inline JSON, could not read ".*missing\.json": ENOENT$/);
  });

  it('names JSON it cannot parse', () => {
    expect(refusal('{"smsKeywords": ')).to.contain('COMPLIANCE_RULES: expected JSON in the inline JSON');
  });

  it('names each wrong value by its path in the rules', () => {
    const hours = refusal(JSON.stringify({ callingHours: { states: { TX: { hours: { start: '10', end: '20:00' } } } } }));
    expect(hours).to.contain('callingHours.states.TX.hours.start: expected a time of day HH:mm');
    const state = refusal(JSON.stringify({ callingHours: { states: { ZZ: { noHolidays: true } }, presumedResidence: { TX: ['12'] } } }));
    expect(state).to.contain('callingHours.states.ZZ: expected a US state code such as TX, got "ZZ"');
    expect(refusal(JSON.stringify({ callingHours: { presumedResidence: { TX: ['12'] } } }))).to.contain('callingHours.presumedResidence.TX.0: expected a three-digit area code');
  });

  it('refuses hours that end before they start and frequency caps that are not whole numbers above 0', () => {
    expect(refusal('{"callingHours": {"federal": {"start": "21:00", "end": "08:00"}}}')).to.contain('callingHours.federal: expected hours whose start comes before their end');
    expect(refusal('{"callingHours": {"states": {"FL": {"frequencyCaps": [{"calls": 0, "withinHours": 24}]}}}}')).to.contain(
      'callingHours.states.FL.frequencyCaps.0.calls: expected a whole number above 0',
    );
  });

  it('refuses a field it does not know, so a misspelt rule is never silently ignored', () => {
    expect(refusal('{"callingHours": {"states": {"TX": {"noHoliday": true}}}}')).to.contain('callingHours.states.TX.noHoliday: noHoliday is not a known field');
    expect(refusal('{"smsKeyword": {}}')).to.contain('smsKeyword: smsKeyword is not a known field');
  });

  it('refuses a keyword that would mean two things, against the lists it does not replace', () => {
    expect(refusal('{"smsKeywords": {"optIn": ["START", "STOP"]}}')).to.contain('smsKeywords: STOP is in both optOut and optIn');
    expect(refusal('{"smsKeywords": {"help": []}}')).to.contain('smsKeywords.help: expected a list of at least one keyword');
  });

  it('refuses the opt-in answer word in a keyword list, as any keyword meaning two things', () => {
    expect(refusal('{"smsKeywords": {"optIn": ["START", "YES"]}}')).to.contain('smsKeywords: YES is in both optIn and optInAnswer');
    expect(refusal('{"smsKeywords": {"optInAnswer": "END"}}')).to.contain('smsKeywords: END is in both optOut and optInAnswer');
  });

  it('refuses an answer window outside 1 to 168 hours and a revocation phrase without a letter', () => {
    expect(refusal('{"smsKeywords": {"optInAnswerHours": 0}}')).to.contain('smsKeywords.optInAnswerHours: expected a whole number of hours from 1 to 168');
    expect(refusal('{"smsKeywords": {"optInAnswerHours": 2.5}}')).to.contain('smsKeywords.optInAnswerHours');
    expect(refusal('{"smsKeywords": {"revocationPhrases": ["laissez-moi", "!!"]}}')).to.contain(
      'smsKeywords.revocationPhrases.1: expected a phrase of 1 to 80 characters with at least one letter',
    );
  });

  it('accepts added opt-out keywords and phrases, an answer word and its window', () => {
    const rules = { smsKeywords: { optOut: ['ARRET'], revocationPhrases: ['laissez-moi tranquille'], optInAnswer: 'OUI', optInAnswerHours: 12 } };
    expect(loadConfig({ COMPLIANCE_RULES: JSON.stringify(rules) }, []).compliance).to.deep.equal(rules);
  });
});
