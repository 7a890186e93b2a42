import { expect } from 'chai';
import type { CallingWindowInput } from '../../../domain/outreach/callingWindow.ts';
import { at, windowWith } from './callingWindowSupport.ts';

// Tuesday 2026-12-01 in New York (-05:00).
const sent = (...isos: string[]) => isos.map(at);
const person = (state: string): CallingWindowInput['contact'] => ({ timezone: 'America/New_York', state });

describe('frequency caps count texts where the law does', () => {
  const window = windowWith();
  const noon = at('2026-12-01T12:00-05:00');

  for (const [state, law] of <[string, string][]>[
    ['MD', 'Com. Law §14-4502: 3 calls or texts'],
    ['OK', '15 O.S. §775C.2: a text is a telephonic sales call'],
    ['FL', 'FTSA §501.059, the stricter reading'],
  ])
    describe(`${state} (${law})`, () => {
      const history = {
        recentCalls: sent('2026-12-01T09:00-05:00', '2026-12-01T10:00-05:00'),
        recentTexts: sent('2026-12-01T11:00-05:00'),
      };

      it('two calls and a text leave no room for a third call', () =>
        expect(window.check({ contact: person(state), ...history }, noon)).to.include({
          allowed: false,
          reason: 'frequency_cap',
          state,
        }));

      it('nor for another text', () =>
        expect(window.check({ contact: person(state), channel: 'sms', ...history }, noon)).to.include({
          allowed: false,
          reason: 'frequency_cap',
          state,
        }));

      it('two calls and no text leave room for either', () => {
        expect(window.check({ contact: person(state), recentCalls: history.recentCalls }, noon).allowed).to.equal(true);
        expect(
          window.check({ contact: person(state), channel: 'sms', recentCalls: history.recentCalls }, noon).allowed,
        ).to.equal(true);
      });
    });

  it('the next opening waits for the oldest text to age out', () =>
    expect(
      window.nextOpening(
        {
          contact: person('MD'),
          recentCalls: sent('2026-12-01T10:00-05:00', '2026-12-01T11:00-05:00'),
          recentTexts: sent('2026-12-01T09:30-05:00'),
        },
        noon,
      ),
    ).to.equal(at('2026-12-02T09:30-05:00')));

  it('a cap that counts calls only does not bind texts, and texts do not count toward it', () => {
    const calls = windowWith({ states: { NY: { frequencyCaps: [{ calls: 1, withinHours: 24, counts: 'calls' }] } } });
    const newYorker = person('NY');
    expect(calls.check({ contact: newYorker, recentCalls: sent('2026-12-01T09:00-05:00') }, noon)).to.include({
      reason: 'frequency_cap',
    });
    expect(
      calls.check(
        {
          contact: newYorker,
          channel: 'sms',
          recentCalls: sent('2026-12-01T09:00-05:00'),
          recentTexts: sent('2026-12-01T10:00-05:00'),
        },
        noon,
      ).allowed,
    ).to.equal(true);
    expect(
      calls.check({ contact: newYorker, recentTexts: sent('2026-12-01T09:00-05:00', '2026-12-01T10:00-05:00') }, noon)
        .allowed,
    ).to.equal(true);
  });

  it('a configured cap that does not say what it counts counts texts too', () =>
    expect(
      windowWith({ states: { NY: { frequencyCaps: [{ calls: 1, withinHours: 24 }] } } }).check(
        { contact: person('NY'), channel: 'sms', recentTexts: sent('2026-12-01T09:00-05:00') },
        noon,
      ),
    ).to.include({
      reason: 'frequency_cap',
    }));

  it('a state without a cap takes any number of calls and texts', () =>
    expect(
      window.check(
        {
          contact: person('NY'),
          recentCalls: sent('2026-12-01T09:00-05:00', '2026-12-01T09:10-05:00'),
          recentTexts: sent('2026-12-01T09:20-05:00', '2026-12-01T09:30-05:00'),
        },
        noon,
      ).allowed,
    ).to.equal(true));
});
