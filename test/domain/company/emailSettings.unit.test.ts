import { expect } from 'chai';
import { companyDecider } from '../../../domain/company/decider.ts';
import type { CompanyEvent } from '../../../domain/company/events.ts';
import { NotFoundError, ValidationError } from '../../../domain/errors.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';
import { companyId, openedCompany, otherCompanyId } from './companyFixtures.ts';

const spec = deciderSpecification(companyDecider);
const address = 'Hartley & Vance LLP\n100 N LaSalle St, Suite 1200\nChicago, IL 60602';
const update = (postalAddress: string, forCompany = companyId) =>
  ({ type: 'UpdateEmailSettings', data: { companyId: forCompany, settings: { postalAddress } } }) as const;
const updated = (postalAddress = address): CompanyEvent => ({
  type: 'CompanyEmailSettingsUpdated',
  data: { companyId, settings: { postalAddress } },
});

describe('company decider: email settings (the postal address every email prints)', () => {
  it('records the address with its lines trimmed and blank lines dropped, and keeps it in state', () => {
    spec
      .given(openedCompany)
      .when(update(' Hartley & Vance LLP \r\n\r\n100 N LaSalle St, Suite 1200\nChicago, IL 60602 \n'))
      .then([updated()]);
    spec
      .given(openedCompany)
      .when(update(address))
      .thenState((state) => expect(state).to.deep.include({ postalAddress: address }));
  });

  it('records nothing when the address is the one already set, and a new one when it changes', () => {
    spec
      .given([...openedCompany, updated()])
      .when(update(address))
      .then([]);
    spec
      .given([...openedCompany, updated()])
      .when(update('PO Box 42\nChicago, IL 60690'))
      .then([updated('PO Box 42\nChicago, IL 60690')]);
  });

  it('refuses a blank address, one over 500 characters or 8 lines, or one with control characters, naming postalAddress', () => {
    for (const bad of [
      '',
      '  \n\t\n ',
      'x'.repeat(501),
      Array.from({ length: 9 }, (_, i) => `line ${i}`).join('\n'),
      'Suite\u0007 12',
    ])
      spec
        .given(openedCompany)
        .when(update(bad))
        .thenThrows(ValidationError, /postal address/, 'SETTINGS.INVALID');
    spec
      .given(openedCompany)
      .when(update('x'.repeat(500)))
      .then([updated('x'.repeat(500))]);
  });

  it('answers 404 for a company that does not exist, or another company', () => {
    spec
      .given([])
      .when(update(address))
      .thenThrows(NotFoundError, /No company/, 'COMPANY.NOT_FOUND');
    spec
      .given(openedCompany)
      .when(update(address, otherCompanyId))
      .thenThrows(NotFoundError, /No company/, 'COMPANY.NOT_FOUND');
  });
});
