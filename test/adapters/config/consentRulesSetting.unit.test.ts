import { expect } from 'chai';
import { loadConfig } from '../../../adapters/config/loadConfig.ts';
import { complianceRules } from '../../../domain/compliance/complianceRules.ts';
import { ConfigurationError } from '../../../domain/errors.ts';

const refusal = (rules: string): string => {
  try {
    loadConfig({ COMPLIANCE_RULES: rules }, []);
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigurationError);
    return (error as ConfigurationError).message;
  }
  return expect.fail('expected a ConfigurationError');
};

describe('COMPLIANCE_RULES: the consent part', () => {
  it('refuses reopening texts for ten years and their leap days unless configuration says otherwise', () => {
    expect(complianceRules().consent).to.deep.equal({ reopenRefusedForDays: 3653 });
    const config = loadConfig({ COMPLIANCE_RULES: '{"consent": {"reopenRefusedForDays": 365}}' }, []);
    expect(complianceRules(config.compliance).consent).to.deep.equal({ reopenRefusedForDays: 365 });
    expect(complianceRules(loadConfig({ COMPLIANCE_RULES: '{"consent": {}}' }, []).compliance).consent).to.deep.equal({
      reopenRefusedForDays: 3653,
    });
  });

  it('names a period that is not a whole number of days from 0 to 36500, and a misspelt field', () => {
    for (const days of ['-1', '1.5', '36501', '"10y"'])
      expect(refusal(`{"consent": {"reopenRefusedForDays": ${days}}}`)).to.contain(
        'consent.reopenRefusedForDays: expected a whole number of days from 0 to 36500',
      );
    expect(refusal('{"consent": {"reopenRefusedForYears": 10}}')).to.contain(
      'consent.reopenRefusedForYears: reopenRefusedForYears is not a known field',
    );
  });
});
