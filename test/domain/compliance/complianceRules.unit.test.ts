import { expect } from 'chai';
import { complianceRules } from '../../../domain/compliance/complianceRules.ts';
import { defaultSmsKeywords } from '../../../domain/consent/smsKeywords.ts';
import { defaultConsentRules } from '../../../domain/consent/consentRules.ts';
import { callingHoursRules } from '../../../domain/outreach/callingHoursRules.ts';
import { callingWindow } from '../../../domain/outreach/callingWindow.ts';

const noHolidays = () => false;

describe('compliance rules with configuration overrides', () => {
  it('are the shipped tables when nothing is overridden', () => {
    expect(complianceRules()).to.deep.equal({
      callingHours: callingHoursRules(),
      smsKeywords: defaultSmsKeywords,
      consent: defaultConsentRules,
    });
  });

  it('add configured opt-out keywords to the shipped ones, never removing one, and name the configured first', () => {
    const { smsKeywords } = complianceRules({ smsKeywords: { optOut: ['Arret', 'stop'] } });
    expect(smsKeywords.optOut).to.deep.equal([
      'ARRET',
      'STOP',
      ...defaultSmsKeywords.optOut.filter((k) => k !== 'STOP'),
    ]);
    expect(smsKeywords.optOut).to.include.members(defaultSmsKeywords.optOut);
  });

  it('replace the opt-in and help lists and the answer word whole, upper-cased, and add revocation phrases', () => {
    const { smsKeywords } = complianceRules({
      smsKeywords: {
        optIn: ['reprise'],
        help: ['Aide'],
        optInAnswer: 'oui',
        optInAnswerHours: 48,
        revocationPhrases: ['laissez-moi tranquille'],
      },
    });
    expect(smsKeywords).to.deep.equal({
      optOut: defaultSmsKeywords.optOut,
      optIn: ['REPRISE'],
      help: ['AIDE'],
      optInAnswer: 'OUI',
      optInAnswerHours: 48,
      revocationPhrases: ['laissez-moi tranquille'],
    });
  });

  it('let an area code presume residence in a state the table did not have, or end a presumption', () => {
    const { callingHours } = complianceRules({
      callingHours: {
        presumedResidence: { GA: ['404'], ok: [] },
        states: { GA: { hours: { start: '10:00', end: '18:00' } } },
      },
    });
    expect(callingHours.presumedResidence['GA']).to.deep.equal(['404']);
    expect(callingHours.presumedResidence['OK']).to.deep.equal([]);
    const window = callingWindow({ rules: callingHours, holidays: noHolidays });
    // Tuesday 2026-12-01 09:30 in New York: the federal window is open, Georgia's configured one is not.
    const at = Date.parse('2026-12-01T14:30:00Z');
    const georgian = window.check({ contact: { timezone: 'America/New_York', phone: '+14045550100' } }, at);
    expect(georgian).to.include({ allowed: false, reason: 'outside_state_hours', state: 'GA' });
    const oklahoman = window.check({ contact: { timezone: 'America/New_York', phone: '+14055550100' } }, at);
    expect(oklahoman.allowed).to.equal(true);
  });
});
