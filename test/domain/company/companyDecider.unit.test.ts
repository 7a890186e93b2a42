import { expect } from 'chai';
import { companyDecider } from '../../../domain/company/decider.ts';
import { defaultCampaignSettings } from '../../../domain/company/defaultSettings.ts';
import { IllegalStateError, ValidationError } from '../../../domain/errors.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';
import { companyCreated, companyId, firstKeyId, hash, keyIssued, openedCompany } from './companyFixtures.ts';

const spec = deciderSpecification(companyDecider);
const create = (name = 'Hartley & Vance LLP', keyName = 'Initial key') =>
  ({
    type: 'CreateCompany',
    data: { companyId, name, firstKey: { keyId: firstKeyId, name: keyName, secretHash: hash(1) } },
  }) as const;

describe('company decider: creating a company', () => {
  it('creates the company and its first key in one decision', () => {
    spec
      .given([])
      .when(create())
      .then([companyCreated, keyIssued(firstKeyId)]);
  });

  it('starts the company on the default campaign settings, with one active key', () => {
    spec
      .given([])
      .when(create())
      .thenState((state) => {
        expect(state).to.deep.include({
          status: 'Active',
          companyId,
          name: 'Hartley & Vance LLP',
          settingsCustomised: false,
        });
        if (state.status !== 'Active') throw new Error('expected an active company');
        expect(state.campaignSettings).to.deep.equal(defaultCampaignSettings);
        expect(state.apiKeys).to.deep.equal({ [firstKeyId]: { name: 'Initial key', revoked: false } });
      });
  });

  it('refuses to create a company twice', () => {
    spec
      .given(openedCompany)
      .when(create())
      .thenThrows(IllegalStateError, /already exists/, 'COMPANY.ALREADY_EXISTS');
  });

  it('refuses a blank name', () => {
    spec
      .given([])
      .when(create('   '))
      .thenThrows(ValidationError, /cannot be created/, 'COMPANY.INVALID');
  });

  it('refuses a first key name longer than 100 characters', () => {
    spec
      .given([])
      .when(create('Hartley & Vance LLP', 'k'.repeat(101)))
      .thenThrows(ValidationError, /cannot be created/, 'COMPANY.INVALID');
  });

  it('names every problem of the request at once', () => {
    let thrown: unknown;
    try {
      companyDecider.decide(create('', ' '), companyDecider.initialState());
    } catch (error) {
      thrown = error;
    }
    expect((thrown as ValidationError).errors.map((e) => e.path)).to.deep.equal(['name', 'apiKeyName']);
  });
});
