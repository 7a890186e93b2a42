import { expect } from 'chai';
import { companyDecider } from '../../../domain/company/decider.ts';
import { defaultCampaignSettings } from '../../../domain/company/defaultSettings.ts';
import type { CompanyEvent } from '../../../domain/company/events.ts';
import { NotFoundError, ValidationError } from '../../../domain/errors.ts';
import { federalCallingHours } from '../../../domain/outreach/callingHoursRules.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';
import { companyId, lunchBreakHours, openedCompany, otherCompanyId } from './companyFixtures.ts';

const spec = deciderSpecification(companyDecider);
const update = (settings = lunchBreakHours, forCompany = companyId) =>
  ({
    type: 'UpdateCampaignSettings',
    data: { companyId: forCompany, settings, federalHours: federalCallingHours },
  }) as const;
const updated = (settings = lunchBreakHours): CompanyEvent => ({
  type: 'CompanyCampaignSettingsUpdated',
  data: { companyId, settings },
});

describe('company decider: campaign settings', () => {
  it('records valid settings', () => {
    spec.given(openedCompany).when(update()).then([updated()]);
  });

  it('makes them the settings campaigns copy', () => {
    spec
      .given(openedCompany)
      .when(update())
      .thenState((state) =>
        expect(state).to.deep.include({ campaignSettings: lunchBreakHours, settingsCustomised: true }),
      );
  });

  it('records the defaults too when a company sets them explicitly', () => {
    spec
      .given(openedCompany)
      .when(update(defaultCampaignSettings))
      .then([updated(defaultCampaignSettings)]);
  });

  it('records nothing when the settings are the ones already set', () => {
    spec
      .given([...openedCompany, updated()])
      .when(update())
      .then([]);
  });

  it('refuses settings that break a rule, with the code clients can rely on', () => {
    spec
      .given(openedCompany)
      .when(update({ ...lunchBreakHours, concurrencyRate: 0 }))
      .thenThrows(ValidationError, /concurrencyRate/, 'SETTINGS.INVALID');
  });

  it('given federal hours narrowed to 09:00-20:00 in the command, when the hours open at 08:30, then they are refused naming those hours', () => {
    const from0830 = {
      ...lunchBreakHours,
      defaultBusinessHours: [{ days: ['mon' as const], start: '08:30', end: '12:00' }],
    };
    const narrowed = {
      type: 'UpdateCampaignSettings',
      data: { companyId, settings: from0830, federalHours: { start: '09:00', end: '20:00' } },
    } as const;
    spec
      .given(openedCompany)
      .when(narrowed)
      .thenThrows(
        ValidationError,
        /defaultBusinessHours\.0\.start: must be 09:00 or later \(calls are allowed 09:00-20:00\)/,
        'SETTINGS.INVALID',
      );
    spec
      .given(openedCompany)
      .when(update(from0830))
      .then([updated(from0830)]);
  });

  it('answers 404 for a company that does not exist, or another company', () => {
    spec
      .given([])
      .when(update())
      .thenThrows(NotFoundError, /No company/, 'COMPANY.NOT_FOUND');
    spec
      .given(openedCompany)
      .when(update(lunchBreakHours, otherCompanyId))
      .thenThrows(NotFoundError, /No company/, 'COMPANY.NOT_FOUND');
  });
});
