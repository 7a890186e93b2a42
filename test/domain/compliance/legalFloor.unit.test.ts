import { expect } from 'chai';
import { acknowledgedWidenings, belowLegalFloor, widerThanShipped } from '../../../domain/compliance/legalFloor.ts';
import { areaCodeStates } from '../../../domain/outreach/areaCodeStates.ts';

const paths = (overrides: Parameters<typeof belowLegalFloor>[0]) => belowLegalFloor(overrides).map((p) => p.path);

describe('the legal floor under configuration', () => {
  it('the shipped rules, and rules that only narrow, are accepted as they are', () => {
    expect(belowLegalFloor({})).to.deep.equal([]);
    expect(
      belowLegalFloor({
        federal: { start: '09:00', end: '20:00' },
        states: {
          TX: { hours: { start: '10:00', end: '20:00' }, days: { sun: null } },
          NY: { hours: { start: '06:00', end: '23:00' } },
        },
        artificialVoice: {
          ME: { frequencyCaps: [{ calls: 1, withinHours: 12, counts: 'calls_and_texts' }] },
          NE: { holidayHours: null },
        },
        holidays: { LA: ['2026-12-24'] },
        blackouts: [
          { states: ['LA'], from: '2026-08-28', until: '2026-09-10', reason: 'emergency', binds: 'solicitations' },
        ],
        presumedResidence: { FL: [...areaCodeStates['FL']!, '316'], GA: ['404'] },
      }),
    ).to.deep.equal([]);
  });

  it('never the federal hours, acknowledged or not', () =>
    expect(
      belowLegalFloor({ federal: { start: '06:00', end: '23:00' }, acknowledgeWider: 'we would like to' }),
    ).to.deep.equal([
      {
        path: 'callingHours.federal',
        message:
          'starts at 06:00 and ends at 23:00, wider than the federal 08:00-21:00 (47 CFR 64.1200(c)(1)), which configuration may narrow but never widen',
      },
    ]));

  it('names the day a state override opens earlier, and where to acknowledge it', () =>
    expect(belowLegalFloor({ states: { TX: { days: { sun: { start: '07:00', end: '21:00' } } } } })).to.deep.equal([
      {
        path: 'callingHours.states.TX.days.sun',
        message:
          'starts at 07:00 instead of 12:00 on sun, wider than the shipped rules; to allow it, add "acknowledgeWider": "<why>" to callingHours.states.TX',
      },
    ]));

  it('finds each kind of widening by comparing the effective row with the shipped one', () => {
    expect(paths({ states: { AL: { days: {} } } })).to.deep.equal(['callingHours.states.AL.days']);
    expect(paths({ states: { KY: { hours: { start: '09:00', end: '21:00' } } } })).to.deep.equal([
      'callingHours.states.KY.hours',
    ]);
    expect(paths({ states: { UT: { noHolidays: false } } })).to.deep.equal(['callingHours.states.UT.noHolidays']);
    expect(paths({ artificialVoice: { NE: { holidayHours: { start: '10:00', end: '21:00' } } } })).to.deep.equal([
      'callingHours.artificialVoice.NE.holidayHours',
    ]);
    expect(
      paths({
        states: { FL: { frequencyCaps: [] } },
        artificialVoice: { ME: { frequencyCaps: [{ calls: 2, withinHours: 8 }] } },
      }),
    ).to.deep.equal(['callingHours.states.FL.frequencyCaps', 'callingHours.artificialVoice.ME.frequencyCaps']);
    expect(
      paths({ states: { MD: { frequencyCaps: [{ calls: 3, withinHours: 24, counts: 'calls' }] } } }),
    ).to.deep.equal(['callingHours.states.MD.frequencyCaps']);
    expect(paths({ artificialVoice: { CA: { binds: 'solicitations' } } })).to.deep.equal([
      'callingHours.artificialVoice.CA.binds',
    ]);
    expect(paths({ purpose: 'informational' })).to.deep.equal(['callingHours.purpose']);
    expect(paths({ presumedResidence: { OK: [] } })).to.deep.equal(['callingHours.presumedResidence.OK']);
    expect(paths({ presumedResidence: { GA: ['305'] } })).to.deep.equal(['callingHours.presumedResidence']);
  });

  it('a widening acknowledged where it sits is accepted, and kept with its reason', () => {
    const overrides = {
      states: {
        TX: {
          days: { sun: { start: '10:00', end: '21:00' } },
          acknowledgeWider: 'Tex. Bus. & Com. Code §301.051 as amended',
        },
      },
      purpose: 'informational' as const,
      acknowledgeWider: 'our campaigns remind clients of their own appointments',
    };
    expect(belowLegalFloor(overrides)).to.deep.equal([]);
    expect(acknowledgedWidenings(overrides)).to.deep.equal([
      {
        path: 'callingHours.states.TX.days.sun',
        what: 'starts at 10:00 instead of 12:00 on sun',
        reason: 'Tex. Bus. & Com. Code §301.051 as amended',
      },
      {
        path: 'callingHours.purpose',
        what: widerThanShipped(overrides)[1]!.what,
        reason: 'our campaigns remind clients of their own appointments',
      },
    ]);
  });

  it('an acknowledgement elsewhere does not count', () => {
    expect(
      paths({ states: { TX: { days: { sun: { start: '10:00', end: '21:00' } } } }, acknowledgeWider: 'at the top' }),
    ).to.deep.equal(['callingHours.states.TX.days.sun']);
    expect(paths({ purpose: 'informational', states: { TX: { acknowledgeWider: 'on a row' } } })).to.deep.equal([
      'callingHours.purpose',
    ]);
  });

  it('hours a state override opens beyond the federal ones are no widening: the federal hours still close them', () =>
    expect(belowLegalFloor({ states: { AL: { hours: { start: '06:00', end: '20:00' } } } })).to.deep.equal([]));
});
