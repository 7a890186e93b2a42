import { expect } from 'chai';
import { isRight } from 'fp-ts/lib/Either.js';
import {
  artificialVoiceRules,
  CallingHoursOverrides,
  callingHoursRules,
  stateCallingRules,
} from '../../../domain/outreach/callingHoursRules.ts';
import { at, windowWith } from './callingWindowSupport.ts';

describe('calling hours rules', () => {
  it('federal hours are 08:00-21:00 with their source', () =>
    expect(callingHoursRules()).to.deep.include({
      federal: { start: '08:00', end: '21:00' },
      federalSource: '47 CFR 64.1200(c)(1)',
    }));

  const everyRow = () => [...Object.entries(stateCallingRules), ...Object.entries(artificialVoiceRules)];

  it('every row names its source', () => {
    for (const [state, rule] of everyRow()) expect(rule.source, state).to.be.a('string').and.not.equal('');
  });

  it('every row the sources disagree on says which reading it took', () => {
    for (const state of ['IL', 'PA', 'RI', 'TX', 'UT', 'MS', 'FL', 'MD'])
      expect(stateCallingRules[state]?.reading, state).to.be.a('string');
    for (const state of ['ME', 'NE']) expect(artificialVoiceRules[state]?.reading, state).to.be.a('string');
  });

  it('never allows a state more than the federal hours', () => {
    for (const [state, rule] of everyRow()) {
      for (const hours of [rule.hours, ...Object.values(rule.days ?? {})].filter((h) => h !== null)) {
        expect(hours!.start >= '08:00' && hours!.end <= '21:00', state).to.equal(true);
      }
    }
  });

  describe('overrides from configuration', () => {
    const noon = at('2026-12-01T12:00-05:00');

    it('changes one state’s hours and keeps the rest of its row', () => {
      const rules = callingHoursRules({ states: { ky: { hours: { start: '13:00', end: '20:00' } } } });
      expect(rules.states.KY).to.deep.include({ hours: { start: '13:00', end: '20:00' } });
      expect(rules.states.KY?.source).to.match(/overridden by configuration/);
      expect(
        windowWith({ states: { KY: { hours: { start: '13:00', end: '20:00' } } } }).check(
          { contact: { timezone: 'America/New_York', state: 'KY' } },
          noon,
        ),
      ).to.include({
        reason: 'outside_state_hours',
      });
    });

    it('adds a state the table lacks', () =>
      expect(
        windowWith({ states: { NY: { hours: { start: '13:00', end: '20:00' } } } }).check(
          { contact: { timezone: 'America/New_York', state: 'NY' } },
          noon,
        ),
      ).to.include({
        reason: 'outside_state_hours',
      }));

    it('lifts a Sunday ban and a holiday ban', () => {
      const sunday = at('2026-12-06T12:00-06:00');
      const alabaman = { contact: { timezone: 'America/Chicago', state: 'AL' } };
      expect(windowWith().check(alabaman, sunday).allowed).to.equal(false);
      expect(windowWith({ states: { AL: { days: {}, noHolidays: false } } }).check(alabaman, sunday).allowed).to.equal(
        true,
      );
    });

    it('adds a Sunday ban and a frequency cap', () => {
      const w = windowWith({ states: { NY: { days: { sun: null }, frequencyCaps: [{ calls: 1, withinHours: 48 }] } } });
      const newYorker = { contact: { timezone: 'America/New_York', state: 'NY' } };
      expect(w.check(newYorker, at('2026-12-06T12:00-05:00'))).to.include({ reason: 'sunday' });
      expect(w.check({ ...newYorker, recentCalls: [at('2026-11-30T12:00-05:00')] }, noon)).to.include({
        reason: 'frequency_cap',
      });
    });

    it('decodes from configuration JSON and refuses a malformed time', () => {
      expect(
        isRight(
          CallingHoursOverrides.decode({
            states: { TX: { hours: { start: '10:00', end: '20:00' }, days: { sun: null } } },
          }),
        ),
      ).to.equal(true);
      expect(
        isRight(CallingHoursOverrides.decode({ states: { TX: { hours: { start: '10', end: '20:00' } } } })),
      ).to.equal(false);
    });
  });
});
