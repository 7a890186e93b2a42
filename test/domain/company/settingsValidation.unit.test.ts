import { expect } from 'chai';
import type { CampaignSettingsDraft } from '../../../domain/company/commands.ts';
import { campaignSettingsProblems, validCampaignSettings } from '../../../domain/company/settingsValidation.ts';
import { ValidationError } from '../../../domain/errors.ts';
import { federalCallingHours } from '../../../domain/outreach/callingHoursRules.ts';
import { lunchBreakHours } from './companyFixtures.ts';

type Slot = CampaignSettingsDraft['defaultBusinessHours'][number];
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'];
const withSlots = (...slots: Slot[]): CampaignSettingsDraft => ({ ...lunchBreakHours, defaultBusinessHours: slots });
const problemsOf = (draft: CampaignSettingsDraft) => campaignSettingsProblems(draft, federalCallingHours);
const paths = (draft: CampaignSettingsDraft) => problemsOf(draft).map((p) => p.path);
const messageAt = (draft: CampaignSettingsDraft, path: string) =>
  problemsOf(draft).find((p) => p.path === path)?.message;

describe('campaign settings rules', () => {
  it('accept two slots a day with a lunch break', () => {
    expect(problemsOf(lunchBreakHours)).to.deep.equal([]);
  });

  describe('concurrency rate', () => {
    for (const rate of [1, 100])
      it(`accepts ${rate} %`, () => expect(paths({ ...lunchBreakHours, concurrencyRate: rate })).to.deep.equal([]));
    for (const rate of [0, 101, 50.5, -5, Number.NaN])
      it(`refuses ${rate}`, () =>
        expect(paths({ ...lunchBreakHours, concurrencyRate: rate })).to.deep.equal(['concurrencyRate']));
  });

  describe('outbound lines', () => {
    for (const lines of [1, 10_000])
      it(`accepts ${lines}`, () => expect(paths({ ...lunchBreakHours, outboundLines: lines })).to.deep.equal([]));
    for (const lines of [0, 2.5, 10_001])
      it(`refuses ${lines}`, () =>
        expect(paths({ ...lunchBreakHours, outboundLines: lines })).to.deep.equal(['outboundLines']));
  });

  describe('time zone', () => {
    it('accepts an IANA zone', () =>
      expect(paths({ ...lunchBreakHours, timezone: 'Europe/Berlin' })).to.deep.equal([]));
    for (const zone of ['Mars/Olympus', '', 'Central Time'])
      it(`refuses ${JSON.stringify(zone)}`, () =>
        expect(paths({ ...lunchBreakHours, timezone: zone })).to.deep.equal(['timezone']));
  });

  describe('business hours', () => {
    it('need at least one slot', () => {
      expect(paths(withSlots())).to.deep.equal(['defaultBusinessHours']);
    });

    it('hold at most 50 slots', () => {
      const slots = Array.from({ length: 51 }, (_, i) => ({ days: [weekdays[i % 5]!], start: '09:00', end: '09:05' }));
      expect(paths(withSlots(...slots))).to.include('defaultBusinessHours');
    });

    it('need at least one weekday in each slot', () => {
      expect(paths(withSlots({ days: [], start: '09:00', end: '17:00' }))).to.deep.equal([
        'defaultBusinessHours.0.days',
      ]);
    });

    it('name each day that is not a weekday, and each day listed twice', () => {
      expect(paths(withSlots({ days: ['mon', 'monday', 'mon'], start: '09:00', end: '17:00' }))).to.deep.equal([
        'defaultBusinessHours.0.days.1',
        'defaultBusinessHours.0.days.2',
      ]);
    });

    it('need times written HH:mm', () => {
      expect(paths(withSlots({ days: ['mon'], start: '9:00', end: '17:60' }))).to.deep.equal([
        'defaultBusinessHours.0.start',
        'defaultBusinessHours.0.end',
      ]);
    });

    it('start no earlier than 08:00 and end no later than 21:00, the edges included', () => {
      expect(paths(withSlots({ days: ['mon'], start: '08:00', end: '21:00' }))).to.deep.equal([]);
      expect(paths(withSlots({ days: ['mon'], start: '07:59', end: '21:01' }))).to.deep.equal([
        'defaultBusinessHours.0.start',
        'defaultBusinessHours.0.end',
      ]);
    });

    it('given a federal window configured to 09:00-20:00, then they keep inside it, the edges included, and the messages name it', () => {
      const narrowed = (draft: CampaignSettingsDraft) =>
        campaignSettingsProblems(draft, { start: '09:00', end: '20:00' });
      expect(narrowed(withSlots({ days: ['mon'], start: '09:00', end: '20:00' }))).to.deep.equal([]);
      expect(narrowed(withSlots({ days: ['mon'], start: '08:59', end: '20:01' }))).to.deep.equal([
        { path: 'defaultBusinessHours.0.start', message: 'must be 09:00 or later (calls are allowed 09:00-20:00)' },
        { path: 'defaultBusinessHours.0.end', message: 'must be 20:00 or earlier (calls are allowed 09:00-20:00)' },
      ]);
    });

    it('start before they end', () => {
      expect(
        messageAt(withSlots({ days: ['mon'], start: '12:00', end: '12:00' }), 'defaultBusinessHours.0.end'),
      ).to.match(/after the slot's start/);
      expect(paths(withSlots({ days: ['mon'], start: '17:00', end: '09:00' }))).to.deep.equal([
        'defaultBusinessHours.0.end',
      ]);
    });

    it('may not overlap on a shared weekday, naming the later slot, the earlier one and the days', () => {
      const draft = withSlots(
        { days: ['mon', 'tue', 'wed'], start: '09:00', end: '12:00' },
        { days: ['tue', 'wed', 'thu'], start: '11:00', end: '14:00' },
      );
      expect(problemsOf(draft)).to.deep.equal([
        { path: 'defaultBusinessHours.1', message: 'overlaps slot 0 (09:00-12:00) on tue, wed' },
      ]);
    });

    it('may overlap in time on different weekdays, and may touch on the same one', () => {
      expect(
        paths(
          withSlots({ days: ['mon'], start: '09:00', end: '12:00' }, { days: ['tue'], start: '10:00', end: '13:00' }),
        ),
      ).to.deep.equal([]);
      expect(
        paths(
          withSlots({ days: ['mon'], start: '09:00', end: '12:00' }, { days: ['mon'], start: '12:00', end: '13:00' }),
        ),
      ).to.deep.equal([]);
    });

    it('report a slot inside another and every overlapping pair', () => {
      const draft = withSlots(
        { days: ['mon'], start: '09:00', end: '17:00' },
        { days: ['mon'], start: '10:00', end: '11:00' },
        { days: ['mon'], start: '10:30', end: '12:00' },
      );
      expect(paths(draft)).to.deep.equal([
        'defaultBusinessHours.1',
        'defaultBusinessHours.2',
        'defaultBusinessHours.2',
      ]);
    });
  });

  it('report every problem at once', () => {
    const draft: CampaignSettingsDraft = {
      concurrencyRate: 0,
      outboundLines: 0,
      timezone: 'Nowhere/Land',
      defaultBusinessHours: [
        { days: ['mon'], start: '07:00', end: '12:00' },
        { days: ['mon'], start: '11:00', end: '22:00' },
        { days: ['funday'], start: '14:00', end: '13:00' },
      ],
    };
    expect(paths(draft)).to.deep.equal([
      'concurrencyRate',
      'outboundLines',
      'timezone',
      'defaultBusinessHours.0.start',
      'defaultBusinessHours.1.end',
      'defaultBusinessHours.2.days.0',
      'defaultBusinessHours.2.end',
      'defaultBusinessHours.1',
    ]);
  });

  it('throw one ValidationError carrying every problem, or answer the checked settings', () => {
    expect(validCampaignSettings(lunchBreakHours, federalCallingHours)).to.deep.equal(lunchBreakHours);
    let thrown: unknown;
    try {
      validCampaignSettings({ ...lunchBreakHours, concurrencyRate: 0, outboundLines: 0 }, federalCallingHours);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.be.instanceOf(ValidationError);
    expect((thrown as ValidationError).errors.map((e) => e.path)).to.deep.equal(['concurrencyRate', 'outboundLines']);
  });
});
